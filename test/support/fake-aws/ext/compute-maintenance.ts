/** Fake AWS operations and services added for the compute-maintenance checks. */
import type { FakeAwsExtension } from './types.ts';

/** This area's part of a FakeAccount (account.ext.computeMaintenance); regional data keyed by region name. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as the area's checks land
export interface ComputeMaintenanceFixture {}

export const computeMaintenanceExtension: FakeAwsExtension = {};
