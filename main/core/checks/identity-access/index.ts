/** The checks of this area, one file each; the top-level registry test proves every file is listed. */
import { accessanalyzerAnalyzerEnabled } from './accessanalyzer-analyzer-enabled.ts';
import { accessanalyzerNoActiveFindings } from './accessanalyzer-no-active-findings.ts';
import { iamAdministratorAccessHolders } from './iam-administrator-access-holders.ts';
import { iamCloudshellFullAccessNotAttached } from './iam-cloudshell-full-access-not-attached.ts';
import { iamPasswordPolicyComplexity } from './iam-password-policy-complexity.ts';
import { iamPasswordPolicyExpiry } from './iam-password-policy-expiry.ts';
import { iamPasswordPolicyMinLength } from './iam-password-policy-min-length.ts';
import { iamPasswordPolicyReusePrevention } from './iam-password-policy-reuse-prevention.ts';
import { iamPolicyNoFullAdmin } from './iam-policy-no-full-admin.ts';
import { iamPolicyNoServiceWildcard } from './iam-policy-no-service-wildcard.ts';
import { iamPrincipalPrivilegeEscalation } from './iam-principal-privilege-escalation.ts';
import { iamRoleTrustPolicyRestricted } from './iam-role-trust-policy-restricted.ts';
import { iamRootAccessKeysAbsent } from './iam-root-access-keys-absent.ts';
import { iamRootHardwareMfaEnabled } from './iam-root-hardware-mfa-enabled.ts';
import { iamRootMfaEnabled } from './iam-root-mfa-enabled.ts';
import { iamRootUserUnused } from './iam-root-user-unused.ts';
import { iamServerCertificatesNotExpired } from './iam-server-certificates-not-expired.ts';
import { iamSupportRoleExists } from './iam-support-role-exists.ts';
import { iamUserAccessKeysRotated } from './iam-user-access-keys-rotated.ts';
import { iamUserAccessKeysSetupUnused } from './iam-user-access-keys-setup-unused.ts';
import { iamUserConsoleMfaEnabled } from './iam-user-console-mfa-enabled.ts';
import { iamUserCredentialsUnused45Days } from './iam-user-credentials-unused-45-days.ts';
import { iamUserNoAttachedPolicies } from './iam-user-no-attached-policies.ts';
import { iamUserSingleActiveAccessKey } from './iam-user-single-active-access-key.ts';
import type { Check } from '../types.ts';

export const identityAccessChecks: Check[] = [
  accessanalyzerAnalyzerEnabled,
  accessanalyzerNoActiveFindings,
  iamAdministratorAccessHolders,
  iamCloudshellFullAccessNotAttached,
  iamPasswordPolicyComplexity,
  iamPasswordPolicyExpiry,
  iamPasswordPolicyMinLength,
  iamPasswordPolicyReusePrevention,
  iamPolicyNoFullAdmin,
  iamPolicyNoServiceWildcard,
  iamPrincipalPrivilegeEscalation,
  iamRoleTrustPolicyRestricted,
  iamRootAccessKeysAbsent,
  iamRootHardwareMfaEnabled,
  iamRootMfaEnabled,
  iamRootUserUnused,
  iamServerCertificatesNotExpired,
  iamSupportRoleExists,
  iamUserAccessKeysRotated,
  iamUserAccessKeysSetupUnused,
  iamUserConsoleMfaEnabled,
  iamUserCredentialsUnused45Days,
  iamUserNoAttachedPolicies,
  iamUserSingleActiveAccessKey,
];
