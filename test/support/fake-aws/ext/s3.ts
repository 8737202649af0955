/** Fake AWS operations and services added for the s3 checks. */
import type { FakeAwsExtension } from './types.ts';

/** This area's part of a FakeAccount (account.ext.s3); regional data keyed by region name. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as the area's checks land
export interface S3Fixture {}

export const s3Extension: FakeAwsExtension = {};
