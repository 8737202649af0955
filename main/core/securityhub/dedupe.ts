/**
 * Security Hub control findings against Leasehold's own findings. The key is (FSBP control,
 * resource): a Leasehold check mapped to that control in the crosswalk, on the same resource.
 * - Agreement (FAILED/FAIL, PASSED/PASS): a duplicate, shown once as Leasehold's.
 * - Security Hub FAILED where Leasehold says PASS: a disagreement; both are kept and flagged.
 * - Security Hub PASSED where Leasehold says FAIL: a disagreement when the check tests only that
 *   control. A check that tests several controls (ec2-sg-admin-ports-open: EC2.53 for IPv4 and
 *   EC2.54 for IPv6) may fail on another of them, so a passing control does not contradict it;
 *   that finding is a duplicate without confirmation.
 * Either side without a verdict (NOT_ASSESSED, NOT_APPLICABLE; WARNING, NOT_AVAILABLE) is not
 * comparable: the imported finding is kept as it is.
 */
import type { Finding, Status } from '../../../shared/model/finding.ts';
import type { ComplianceStatus, ImportedResource } from '../../../shared/model/securityhub.ts';
import { CROSSWALK } from '../checks/crosswalk/index.ts';

export type Relation = 'agree' | 'disagree' | 'covered';

export interface Match {
  leasehold: Finding;
  relation: Relation;
}

const checkControlCount = new Map<string, number>();
for (const checks of Object.values(CROSSWALK.fsbp)) for (const id of checks) checkControlCount.set(id, (checkControlCount.get(id) ?? 0) + 1);

/** Leasehold findings by the FSBP controls their check tests. */
export function indexByControl(findings: readonly Finding[]): Map<string, Finding[]> {
  const byCheck = new Map<string, string[]>();
  for (const [control, checks] of Object.entries(CROSSWALK.fsbp)) for (const id of checks) byCheck.set(id, [...(byCheck.get(id) ?? []), control]);
  const index = new Map<string, Finding[]>();
  for (const f of findings) for (const control of byCheck.get(f.checkId) ?? []) index.set(control, [...(index.get(control) ?? []), f]);
  return index;
}

const ACCOUNT = /^AWS::::Account:(\d{12})$/;

/** The id after the ARN's resource type: "sg-1" from ".../security-group/sg-1", the bucket from "arn:aws:s3:::b". */
function tail(id: string): string {
  const resource = id.split(':').slice(5).join(':');
  const slash = resource.lastIndexOf('/');
  return slash >= 0 ? resource.slice(slash + 1) : resource;
}

const arnService = (arn: string) => arn.split(':')[2] ?? '';

/**
 * Same resource. Account-level settings (AwsAccount) are per region unless Leasehold reported them
 * for the account as a whole ('global'). ARNs are compared whole; failing that, the resource id
 * with the same service and region, since a check may build an ARN with another partition or owner.
 */
export function sameResource(lh: Finding, sh: ImportedResource): boolean {
  const account = ACCOUNT.exec(sh.id)?.[1] ?? (sh.type === 'AwsAccount' && /^\d{12}$/.test(sh.id) ? sh.id : undefined);
  const regionOk = lh.region === 'global' || sh.region === '' || lh.region === sh.region;
  if (account) return lh.resourceId === account && regionOk;
  if (!sh.id.startsWith('arn:')) return lh.resourceId === sh.id && regionOk;
  if (lh.resourceArn === sh.id) return true;
  if (lh.resourceArn.startsWith('arn:') && arnService(lh.resourceArn) !== arnService(sh.id)) return false;
  return lh.resourceId !== '' && lh.resourceId === tail(sh.id) && regionOk;
}

export function relation(lh: Status, sh: ComplianceStatus, checkId: string): Relation | undefined {
  if ((lh !== 'PASS' && lh !== 'FAIL') || (sh !== 'PASSED' && sh !== 'FAILED')) return undefined;
  if ((lh === 'FAIL') === (sh === 'FAILED')) return 'agree';
  if (sh === 'PASSED' && (checkControlCount.get(checkId) ?? 0) > 1) return 'covered';
  return 'disagree';
}

/** The comparable Leasehold findings on this control and any of the finding's resources. */
export function matchesFor(index: Map<string, Finding[]>, control: string, compliance: ComplianceStatus, resources: ImportedResource[]): Match[] {
  const out: Match[] = [];
  for (const lh of index.get(control) ?? []) {
    if (!resources.some((r) => sameResource(lh, r))) continue;
    const rel = relation(lh.status, compliance, lh.checkId);
    if (rel) out.push({ leasehold: lh, relation: rel });
  }
  return out;
}
