/**
 * The network part of the seeded account: what is planted (problems and correct configurations)
 * for this area's checks, and the items a scan must report for them.
 */
import type { NetworkFixture } from '../../ext/network.ts';
import type { PlantedItem } from '../misconfigured.ts';

export const networkFixture: NetworkFixture = {};

export const networkPlanted: PlantedItem[] = [];
