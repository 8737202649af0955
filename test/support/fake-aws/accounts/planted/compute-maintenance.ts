/**
 * The compute-maintenance part of the seeded account: what is planted (problems and correct configurations)
 * for this area's checks, and the items a scan must report for them.
 */
import type { ComputeMaintenanceFixture } from '../../ext/compute-maintenance.ts';
import type { PlantedItem } from '../misconfigured.ts';

export const computeMaintenanceFixture: ComputeMaintenanceFixture = {};

export const computeMaintenancePlanted: PlantedItem[] = [];
