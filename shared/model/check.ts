import type { Area } from './area.ts';
import type { Severity } from './finding.ts';

/** Declarative, client-facing metadata of one check. */
export interface CheckMeta {
  /** service-resource-property, equal to the check's file name. */
  id: string;
  title: string;
  area: Area;
  /** AWS service key, e.g. "ec2", "iam", "s3". */
  service: string;
  severity: Severity;
  /** The customer-side responsibility this check tests, in one or two plain sentences. */
  responsibility: string;
  risk: string;
  remediation: {
    console: string;
    cli?: string;
    terraform?: string;
  };
  references: string[];
}
