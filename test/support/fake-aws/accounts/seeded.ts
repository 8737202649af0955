/**
 * The seeded, deliberately misconfigured account the catalogue is proven against: the base
 * `misconfigured` account plus each area's planted fixture. SEEDED_PLANTED says, per planted item,
 * whether a scan must report it as FAIL (a planted problem) or PASS (a planted correct setting).
 */
import type { FakeAccount } from '../account.ts';
import { misconfigured, PLANTED, type PlantedItem } from './misconfigured.ts';
import { computeMaintenanceFixture, computeMaintenancePlanted } from './planted/compute-maintenance.ts';
import { dataProtectionFixture, dataProtectionPlanted } from './planted/data-protection.ts';
import { identityAccessAuthorization, identityAccessFixture, identityAccessPlanted } from './planted/identity-access.ts';
import { loggingMonitoringFixture, loggingMonitoringPlanted } from './planted/logging-monitoring.ts';
import { networkFixture, networkPlanted } from './planted/network.ts';
import { S3_BUCKETS, s3Fixture, s3Planted } from './planted/s3.ts';
import { securityHubImportFixture } from './planted/securityhub-import.ts';
import { sharedFixture } from './planted/shared.ts';

export const seeded: FakeAccount = {
  ...misconfigured,
  s3: { buckets: [...misconfigured.s3.buckets, ...S3_BUCKETS] },
  iam: { ...misconfigured.iam, authorization: identityAccessAuthorization },
  ext: {
    ...misconfigured.ext,
    shared: sharedFixture,
    dataProtection: dataProtectionFixture,
    identityAccess: identityAccessFixture,
    computeMaintenance: computeMaintenanceFixture,
    network: networkFixture,
    s3: s3Fixture,
    loggingMonitoring: loggingMonitoringFixture,
    securityHubImport: securityHubImportFixture,
  },
};

export const SEEDED_PLANTED: PlantedItem[] = [
  ...PLANTED,
  ...dataProtectionPlanted,
  ...identityAccessPlanted,
  ...computeMaintenancePlanted,
  ...networkPlanted,
  ...s3Planted,
  ...loggingMonitoringPlanted,
];
