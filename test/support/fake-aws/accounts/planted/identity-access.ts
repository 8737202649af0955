/**
 * The identity-access part of the seeded account: what is planted (problems and correct configurations)
 * for this area's checks, and the items a scan must report for them.
 */
import type { IdentityAccessFixture } from '../../ext/identity-access.ts';
import type { PlantedItem } from '../misconfigured.ts';

export const identityAccessFixture: IdentityAccessFixture = {};

export const identityAccessPlanted: PlantedItem[] = [];
