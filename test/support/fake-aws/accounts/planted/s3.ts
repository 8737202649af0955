/**
 * The s3 part of the seeded account: what is planted (problems and correct configurations)
 * for this area's checks, and the items a scan must report for them.
 */
import type { S3Fixture } from '../../ext/s3.ts';
import type { PlantedItem } from '../misconfigured.ts';

export const s3Fixture: S3Fixture = {};

export const s3Planted: PlantedItem[] = [];
