/** Framework requirements tested by the compute-maintenance checks. Only ids verified against the framework's own text. */
import type { Crosswalk } from './types.ts';

export const computeMaintenanceCrosswalk: Crosswalk = {
  fsbp: { 'EC2.8': ['ec2-instance-imdsv2-required'] },
};
