/** The checks of this area, one file each; the top-level registry test proves every file is listed. */
import { s3BucketVersioningEnabled } from './s3-bucket-versioning-enabled.ts';
import type { Check } from '../types.ts';

export const s3Checks: Check[] = [
  s3BucketVersioningEnabled,
];
