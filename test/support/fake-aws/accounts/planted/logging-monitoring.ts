/**
 * The logging-monitoring part of the seeded account: what is planted (problems and correct configurations)
 * for this area's checks, and the items a scan must report for them.
 */
import type { LoggingMonitoringFixture } from '../../ext/logging-monitoring.ts';
import type { PlantedItem } from '../misconfigured.ts';

export const loggingMonitoringFixture: LoggingMonitoringFixture = {};

export const loggingMonitoringPlanted: PlantedItem[] = [];
