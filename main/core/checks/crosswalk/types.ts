/** Framework mappings live apart from the checks: requirement id -> the check ids that test it. */
export const FRAMEWORKS = {
  fsbp: 'AWS Foundational Security Best Practices v1.0.0',
  'cis-3.0': 'CIS AWS Foundations Benchmark v3.0.0',
  'cis-4.0': 'CIS AWS Foundations Benchmark v4.0.0',
  'cis-5.0': 'CIS AWS Foundations Benchmark v5.0.0',
} as const;

export type FrameworkId = keyof typeof FRAMEWORKS;

export type Crosswalk = Partial<Record<FrameworkId, Record<string, readonly string[]>>>;
