/** The six customer-side areas of the Shared Responsibility Model that Leasehold assesses. */
export const AREAS = [
  'data-protection',
  'identity-access',
  'compute-maintenance',
  'network',
  's3',
  'logging-monitoring',
] as const;

export type Area = (typeof AREAS)[number];

export const AREA_TITLES: Readonly<Record<Area, string>> = {
  'data-protection': 'Data protection and encryption',
  'identity-access': 'Identity and access management',
  'compute-maintenance': 'OS and application maintenance',
  network: 'Network security',
  s3: 'Amazon S3',
  'logging-monitoring': 'Monitoring and logging',
};

export function isArea(value: string): value is Area {
  return (AREAS as readonly string[]).includes(value);
}
