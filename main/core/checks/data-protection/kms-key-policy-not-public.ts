import type { KeyListEntry } from '@aws-sdk/client-kms';
import type { KeyPolicy } from '../../collect/kms.ts';
import { evidence, finding, missingField, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { openStatements } from './support/key-policy.ts';
import { describeKey, keyResource, notAwsManaged } from './support/kms-keys.ts';
import { eachRegion } from './support/regional.ts';

const meta = {
  id: 'kms-key-policy-not-public',
  title: 'KMS key policies do not open the key to everyone',
  area: 'data-protection',
  service: 'kms',
  severity: 'critical',
  responsibility:
    'Deciding who may use your keys is your job. A key policy statement that allows Principal "*" without a condition naming your account or organization lets any AWS identity use the key.',
  risk: 'Anyone in any AWS account could decrypt data protected by the key, or encrypt with it, subject only to what the statement lists.',
  remediation: {
    console: 'KMS console > Customer managed keys > the key > Key policy > Edit: replace Principal "*" with specific account or role ARNs, or add a condition such as aws:PrincipalOrgID or kms:CallerAccount.',
    cli: 'aws kms get-key-policy --key-id <key-id> --policy-name default --output text > policy.json\n# edit policy.json, then:\naws kms put-key-policy --key-id <key-id> --policy-name default --policy file://policy.json',
  },
  references: ['https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html', 'https://docs.aws.amazon.com/config/latest/developerguide/kms-key-policy-no-public-access.html'],
} as const satisfies Check['meta'];

export const kmsKeyPolicyNotPublic: Check = {
  meta,
  needs: ['kms:ListKeys', 'kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:ListAliases'],
  evaluate(snap) {
    return eachRegion<KeyListEntry>(meta, snap, 'kms:ListKeys', { label: 'customer managed KMS keys', applies: notAwsManaged(snap) }, (k, _list, region) => {
      const resource = keyResource(snap, region, k);
      const described = describeKey(snap, region, resource.id);
      if (!described.ok) return notAssessed(meta, snap, resource, described);
      const read = snap.read<KeyPolicy>('kms:GetKeyPolicy', region, resource.id);
      if (!read.ok) return notAssessed(meta, snap, resource, read);
      if (!read.data.Policy) return missingField(meta, snap, resource, read, 'Policy');
      const verdict = openStatements(read.data.Policy);
      if ('error' in verdict) {
        return notAssessed(meta, snap, resource, { ok: false, call: read.call, region, error: { kind: 'malformed-response', code: 'MalformedPolicy', message: verdict.error } });
      }
      if (verdict.open.length === 0) {
        return finding(meta, snap, resource, 'PASS', `No statement of key ${resource.id}'s policy allows everyone without a condition naming the caller.`, [evidence(read, { PolicyName: 'default' })]);
      }
      const proof = [evidence(read, verdict.open)];
      const sids = verdict.open.map((s) => (s.Sid ? `"${s.Sid}"` : 'a statement without Sid')).join(', ');
      return finding(meta, snap, resource, 'FAIL', `Key ${resource.id}'s policy lets any AWS principal use the key: ${sids} allows Principal "*" with no condition restricting the caller.`, proof);
    });
  },
};
