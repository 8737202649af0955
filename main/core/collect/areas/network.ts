/** Datasets added for the network checks (collector files live beside the service ones in collect/). */
import { ec2NetworkDatasets } from '../ec2-network.ts';
import type { DatasetDef } from '../types.ts';

export const networkDatasets: DatasetDef[] = [...ec2NetworkDatasets];
