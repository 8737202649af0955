import type { StoredVirtualMfaDevice } from '../../collect/iam-entities.ts';
import { GLOBAL } from '../../engine/snapshot.ts';
import { accountResource, evidence, finding, missingField, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';

const meta = {
  id: 'iam-root-hardware-mfa-enabled',
  title: 'The root user uses a hardware MFA device, not a virtual one',
  area: 'identity-access',
  service: 'iam',
  severity: 'high',
  responsibility:
    'Choosing how the root user proves its identity is your job. Protect it with a hardware key or security key kept in a safe place, not an app on a phone.',
  risk: 'A virtual MFA app lives on a phone that can be lost, cloned or compromised together with the password manager holding the root password.',
  remediation: {
    console: 'Sign in as root > Security credentials > Multi-factor authentication > Assign MFA device > Security key or Hardware TOTP token; then remove the virtual device.',
    cli: 'Root MFA devices can only be managed by the root user, in the console.',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-6',
  ],
} as const satisfies Check['meta'];

/** A root virtual device names the root ARN as its user (serial root-account-mfa-device for older ones). */
const isRootDevice = (d: StoredVirtualMfaDevice): boolean =>
  Boolean(d.User?.Arn?.endsWith(':root')) || d.SerialNumber.endsWith(':mfa/root-account-mfa-device');

export const iamRootHardwareMfaEnabled: Check = {
  meta,
  needs: ['iam:GetAccountSummary', 'iam:ListVirtualMFADevices'],
  evaluate(snap) {
    const resource = accountResource(snap, GLOBAL, 'Root user');
    const summary = snap.read<Record<string, number>>('iam:GetAccountSummary', GLOBAL);
    if (!summary.ok) return [notAssessed(meta, snap, resource, summary)];
    const mfa = summary.data.AccountMFAEnabled;
    if (mfa === 0 && summary.data.AccountPasswordPresent === 0) {
      return [finding(meta, snap, resource, 'PASS', 'The root user has no password (root credentials removed), so it cannot sign in.', [evidence(summary, { AccountMFAEnabled: 0, AccountPasswordPresent: 0 })])];
    }
    if (mfa === 0) return [finding(meta, snap, resource, 'FAIL', 'The root user has no MFA device at all, hardware or virtual.', [evidence(summary, { AccountMFAEnabled: 0 })])];
    if (mfa !== 1) return [missingField(meta, snap, resource, summary, 'AccountMFAEnabled')];
    const devices = snap.read<StoredVirtualMfaDevice[]>('iam:ListVirtualMFADevices', GLOBAL);
    if (!devices.ok) return [notAssessed(meta, snap, resource, devices)];
    const virtual = devices.data.filter(isRootDevice);
    if (virtual.length > 0) {
      const proof = [evidence(summary, { AccountMFAEnabled: 1 }), evidence(devices, virtual)];
      return [finding(meta, snap, resource, 'FAIL', `The root user's MFA is a virtual device (${virtual.map((d) => d.SerialNumber).join(', ')}).`, proof)];
    }
    const proof = [evidence(summary, { AccountMFAEnabled: 1 }), evidence(devices, { rootVirtualDevices: [] })];
    return [finding(meta, snap, resource, 'PASS', 'The root user has MFA and no virtual MFA device: it uses a hardware or security key.', proof)];
  },
};
