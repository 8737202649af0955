/** Framework requirements tested by the s3 checks. Only ids verified against the framework's own text. */
import type { Crosswalk } from './types.ts';

export const s3Crosswalk: Crosswalk = {
  fsbp: { 'S3.14': ['s3-bucket-versioning-enabled'] },
};
