/** Framework requirements tested by the data-protection checks. Only ids verified against the framework's own text. */
import type { Crosswalk } from './types.ts';

export const dataProtectionCrosswalk: Crosswalk = {
  fsbp: { 'EC2.7': ['ec2-ebs-default-encryption'] },
  'cis-3.0': { '2.2.1': ['ec2-ebs-default-encryption'] },
  'cis-4.0': { '5.1.1': ['ec2-ebs-default-encryption'] },
};
