/**
 * Which of the six areas an imported finding belongs to, and by which rule. Asked in order:
 * 1. control: the Security Hub control id. A control that a Leasehold check tests (the FSBP
 *    crosswalk) goes where that check is, so an imported finding and Leasehold's own sit side by
 *    side; then the per-control table; then families that sit in one area (S3., IAM., KMS.).
 * 2. product: the finding's source says more than its resource. Inspector reports software
 *    vulnerabilities (OS maintenance; its network-reachability findings are network). Macie's
 *    sensitive-data findings are data protection, its policy findings are about buckets (s3).
 *    GuardDuty's threat detections are monitoring: they are evidence of activity that detection
 *    and response must handle, not a setting of the resource attacked, and filing a brute-force
 *    attempt under "network" would blame a configuration that may be sound. GuardDuty's few
 *    configuration findings ("Software and Configuration Checks", e.g. S3 Block Public Access
 *    disabled) fall through to the resource. Config findings go by their rule's name.
 *    Patch Manager is maintenance; Firewall Manager is network.
 * 3. type: the ASFF taxonomy (CVE and other vulnerabilities: maintenance; sensitive data: data
 *    protection; TTPs, effects, unusual behaviours: monitoring).
 * 4. resource: the first resource's ASFF type (AwsS3Bucket: s3, AwsIamRole: identity...).
 * 5. mixed control families (EC2., RDS.) take their family's usual area; anything else is filed
 *    under monitoring, the area whose tools surfaced it ('fallback', so the report can say so).
 */
import type { Area } from '../../../shared/model/area.ts';
import type { AreaRule } from '../../../shared/model/securityhub.ts';
import type { StoredFinding } from '../collect/securityhub-findings.ts';
import { CHECKS } from '../checks/index.ts';
import { CROSSWALK } from '../checks/crosswalk/index.ts';
import { CONFIG_RULE_AREAS, CONTROL_AREAS, FAMILY_AREAS, MIXED_FAMILY_DEFAULTS, RESOURCE_TYPE_AREAS } from './area-tables.ts';

export interface AreaChoice {
  area: Area;
  rule: AreaRule;
}

const CHECK_AREAS = new Map(CHECKS.map((c) => [c.meta.id, c.meta.area]));

/** "EC2.7" from Compliance.SecurityControlId, or from a GeneratorId ("security-control/EC2.7", ".../v/1.0.0/EC2.7"). */
export function controlOf(f: StoredFinding): string | null {
  const id = f.Compliance?.SecurityControlId;
  if (id) return id;
  const g = f.GeneratorId ?? '';
  const m = /^security-control\/([A-Za-z0-9]+\.\d+)$/.exec(g) ?? /aws-foundational-security-best-practices\/v\/[\d.]+\/([A-Za-z0-9]+\.\d+)$/.exec(g);
  return m?.[1] ?? null;
}

/** The AWS product key from "arn:aws:securityhub:us-east-1::product/aws/guardduty", else the product name. */
export function productKey(f: StoredFinding): string {
  const m = /:product\/aws\/([^/]+)$/.exec(f.ProductArn ?? '');
  return (m?.[1] ?? f.ProductName ?? '').toLowerCase().replace(/\s+/g, '-');
}

export function controlArea(control: string): Area | undefined {
  for (const checkId of CROSSWALK.fsbp[control] ?? []) {
    const area = CHECK_AREAS.get(checkId);
    if (area) return area;
  }
  return CONTROL_AREAS[control] ?? FAMILY_AREAS[control.split('.')[0] ?? ''];
}

const startsAny = (types: string[], prefixes: string[]) => types.some((t) => prefixes.some((p) => t.startsWith(p)));

function productArea(f: StoredFinding, types: string[]): Area | undefined {
  const text = `${f.Title ?? ''} ${f.GeneratorId ?? ''}`.toLowerCase().replace(/securityhub-/g, '');
  switch (productKey(f)) {
    case 'inspector':
      return types.some((t) => /network reachability/i.test(t)) ? 'network' : 'compute-maintenance';
    case 'macie':
      return startsAny(types, ['Sensitive Data Identifications']) ? 'data-protection' : 's3';
    case 'guardduty':
      return startsAny(types, ['Software and Configuration Checks']) ? undefined : 'logging-monitoring';
    case 'config':
      return CONFIG_RULE_AREAS.find(([re]) => re.test(text))?.[1];
    case 'ssm-patch-manager':
      return 'compute-maintenance';
    case 'firewall-manager':
      return 'network';
    default:
      return undefined;
  }
}

function typeArea(types: string[]): Area | undefined {
  if (startsAny(types, ['Software and Configuration Checks/Vulnerabilities', 'Software and Configuration Checks/Patch Management'])) return 'compute-maintenance';
  if (startsAny(types, ['Sensitive Data Identifications'])) return 'data-protection';
  if (startsAny(types, ['TTPs', 'Effects', 'Unusual Behaviors'])) return 'logging-monitoring';
  return undefined;
}

export function resourceTypeArea(type: string): Area | undefined {
  let best: readonly [string, Area] | undefined;
  for (const entry of RESOURCE_TYPE_AREAS) if (type.startsWith(entry[0]) && entry[0].length > (best?.[0].length ?? 0)) best = entry;
  return best?.[1];
}

export function areaFor(f: StoredFinding): AreaChoice {
  const control = controlOf(f);
  const byControl = control ? controlArea(control) : undefined;
  if (byControl) return { area: byControl, rule: 'control' };
  const types = f.Types ?? [];
  const byProduct = productArea(f, types);
  if (byProduct) return { area: byProduct, rule: 'product' };
  const byType = typeArea(types);
  if (byType) return { area: byType, rule: 'type' };
  for (const r of f.Resources ?? []) {
    const byResource = resourceTypeArea(r.Type ?? '');
    if (byResource) return { area: byResource, rule: 'resource' };
  }
  const mixed = control ? MIXED_FAMILY_DEFAULTS[control.split('.')[0] ?? ''] : undefined;
  if (mixed) return { area: mixed, rule: 'control' };
  // GuardDuty's configuration findings on an unmapped resource stay with monitoring, like its detections.
  return { area: 'logging-monitoring', rule: productKey(f) === 'guardduty' ? 'product' : 'fallback' };
}
