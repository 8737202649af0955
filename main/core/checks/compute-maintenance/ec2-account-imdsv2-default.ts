import type { InstanceMetadataDefaultsResponse } from '@aws-sdk/client-ec2';
import { accountResource, evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';

const meta = {
  id: 'ec2-account-imdsv2-default',
  title: 'New instances require IMDSv2 by default (account setting per region)',
  area: 'compute-maintenance',
  service: 'ec2',
  severity: 'medium',
  responsibility:
    'Setting your account\'s instance metadata defaults is your job: with IMDSv2 required by default, every instance launched in the region without explicit metadata options is protected, whoever launches it.',
  risk: 'Without an account default, each new instance takes its AMI\'s or launch template\'s setting, and many still allow IMDSv1, which a server-side request forgery flaw can use to steal the instance role\'s credentials.',
  remediation: {
    console: 'EC2 console (in each region) > Dashboard > Account attributes > Data protection and security > IMDS defaults > Manage: Metadata version = V2 only (token required).',
    cli: 'aws ec2 modify-instance-metadata-defaults --http-tokens required --region <region>',
    terraform: 'resource "aws_ec2_instance_metadata_defaults" "this" {\n  http_tokens = "required"\n}',
  },
  references: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html#set-imds-defaults'],
} as const satisfies Check['meta'];

export const ec2AccountImdsv2Default: Check = {
  meta,
  needs: ['ec2:GetInstanceMetadataDefaults'],
  evaluate(snap) {
    return snap.meta.regions.map((region) => {
      const resource = accountResource(snap, region, `EC2 instance metadata defaults (${region})`);
      const read = snap.read<{ AccountLevel?: InstanceMetadataDefaultsResponse }>('ec2:GetInstanceMetadataDefaults', region);
      if (!read.ok) return notAssessed(meta, snap, resource, read);
      const level = read.data.AccountLevel ?? {};
      const proof = [evidence(read, { AccountLevel: level })];
      const by = level.ManagedBy === 'declarative-policy' ? ' (enforced by an organization declarative policy)' : '';
      if (level.HttpTokens === 'required') return finding(meta, snap, resource, 'PASS', `New instances in ${region} require IMDSv2 by default${by}.`, proof);
      if (level.HttpEndpoint === 'disabled') return finding(meta, snap, resource, 'PASS', `New instances in ${region} have the metadata service turned off by default${by}.`, proof);
      if (level.HttpTokens === 'optional') return finding(meta, snap, resource, 'FAIL', `The account default in ${region} explicitly allows IMDSv1 (HttpTokens optional)${by}.`, proof);
      return finding(meta, snap, resource, 'FAIL', `No account default for instance metadata in ${region}: new instances take their AMI's setting, which may allow IMDSv1.`, proof);
    });
  },
};
