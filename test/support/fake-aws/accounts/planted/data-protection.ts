/**
 * The data-protection part of the seeded account: what is planted (problems and correct configurations)
 * for this area's checks, and the items a scan must report for them.
 */
import type { DataProtectionFixture } from '../../ext/data-protection.ts';
import type { PlantedItem } from '../misconfigured.ts';

export const dataProtectionFixture: DataProtectionFixture = {};

export const dataProtectionPlanted: PlantedItem[] = [];
