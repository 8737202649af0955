/** Framework requirements tested by the network checks. Only ids verified against the framework's own text. */
import type { Crosswalk } from './types.ts';

export const networkCrosswalk: Crosswalk = {
  fsbp: { 'EC2.53': ['ec2-sg-admin-ports-open'], 'EC2.54': ['ec2-sg-admin-ports-open'] },
  'cis-3.0': { '5.2': ['ec2-sg-admin-ports-open'], '5.3': ['ec2-sg-admin-ports-open'] },
};
