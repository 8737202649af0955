/** Framework requirements tested by the identity-access checks. Only ids verified against the framework's own text. */
import type { Crosswalk } from './types.ts';

export const identityAccessCrosswalk: Crosswalk = {
  fsbp: { 'IAM.4': ['iam-root-access-keys-absent'], 'IAM.9': ['iam-root-mfa-enabled'] },
  'cis-3.0': { '1.4': ['iam-root-access-keys-absent'], '1.5': ['iam-root-mfa-enabled'] },
  'cis-4.0': { '1.4': ['iam-root-access-keys-absent'], '1.5': ['iam-root-mfa-enabled'] },
};
