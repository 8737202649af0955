/** Datasets added for the data-protection checks (collector files live beside the service ones in collect/). */
import { backupDatasets } from '../backup.ts';
import { dynamodbDatasets } from '../dynamodb.ts';
import { ec2StorageDatasets } from '../ec2-storage.ts';
import { efsDatasets } from '../efs.ts';
import { kmsDatasets } from '../kms.ts';
import { rdsStorageDatasets } from '../rds-storage.ts';
import type { DatasetDef } from '../types.ts';

export const dataProtectionDatasets: DatasetDef[] = [
  ...ec2StorageDatasets,
  ...rdsStorageDatasets,
  ...kmsDatasets,
  ...efsDatasets,
  ...dynamodbDatasets,
  ...backupDatasets,
];
