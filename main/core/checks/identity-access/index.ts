/** The checks of this area, one file each; the top-level registry test proves every file is listed. */
import { iamRootAccessKeysAbsent } from './iam-root-access-keys-absent.ts';
import { iamRootMfaEnabled } from './iam-root-mfa-enabled.ts';
import type { Check } from '../types.ts';

export const identityAccessChecks: Check[] = [
  iamRootAccessKeysAbsent,
  iamRootMfaEnabled,
];
