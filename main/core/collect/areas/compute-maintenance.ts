/** Datasets added for the compute-maintenance checks (collector files live beside the service ones in collect/). */
import { ec2ImageDatasets } from '../ec2-images.ts';
import { eksDatasets } from '../eks.ts';
import { inspector2Datasets } from '../inspector2.ts';
import { lambdaDatasets } from '../lambda.ts';
import { ssmDatasets } from '../ssm.ts';
import type { DatasetDef } from '../types.ts';

export const computeMaintenanceDatasets: DatasetDef[] = [
  ...ssmDatasets,
  ...inspector2Datasets,
  ...ec2ImageDatasets,
  ...lambdaDatasets,
  ...eksDatasets,
];
