/**
 * Extension point: each area of the check catalogue adds its operations and services here, in
 * its own file, without editing the core service modules.
 */
import type { Operation, ServiceModule } from '../protocol.ts';

export interface FakeAwsExtension {
  /** Whole new services (e.g. KMS over awsJson1_1). */
  services?: ServiceModule[];
  /** More operations for an existing service, by its signing name (e.g. { ec2: { DescribeVpcs: ... } }). */
  operations?: Record<string, Record<string, Operation>>;
}

import type { ComputeMaintenanceFixture } from './compute-maintenance.ts';
import type { DataProtectionFixture } from './data-protection.ts';
import type { IdentityAccessFixture } from './identity-access.ts';
import type { LoggingMonitoringFixture } from './logging-monitoring.ts';
import type { NetworkFixture } from './network.ts';
import type { OrganizationMembersFixture } from './organizations-members.ts';
import type { S3Fixture } from './s3.ts';
import type { SharedFixture } from './shared.ts';
import type { SecurityHubImportFixture } from './securityhub-import.ts';

/** Per-area fixture data, so each area extends the fake account without editing account.ts. */
export interface AccountExtensions {
  shared?: SharedFixture;
  dataProtection?: DataProtectionFixture;
  identityAccess?: IdentityAccessFixture;
  computeMaintenance?: ComputeMaintenanceFixture;
  network?: NetworkFixture;
  s3?: S3Fixture;
  loggingMonitoring?: LoggingMonitoringFixture;
  securityHubImport?: SecurityHubImportFixture;
  organizationMembers?: OrganizationMembersFixture;
}
