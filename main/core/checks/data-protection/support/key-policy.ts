/**
 * Reads a KMS key policy for statements that let anyone use the key: Effect Allow, Principal "*"
 * (or {"AWS": "*"}, or NotPrincipal), and no condition that pins down who the caller is. Like
 * Security Hub's KMS.5, a condition only counts when it names the caller (account, organization,
 * principal, source network) with fixed values: wildcards, policy variables and negated
 * operators leave the key open.
 */
export interface Statement {
  Sid?: string;
  Effect?: string;
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

const IDENTITY_KEYS = new Set(
  [
    'aws:PrincipalAccount', 'aws:PrincipalArn', 'aws:PrincipalOrgID', 'aws:PrincipalOrgPaths', 'aws:PrincipalIsAWSService',
    'aws:PrincipalServiceName', 'aws:SourceAccount', 'aws:SourceArn', 'aws:SourceOrgID', 'aws:SourceOrgPaths', 'aws:SourceIp',
    'aws:SourceVpc', 'aws:SourceVpce', 'aws:userid', 'aws:username', 'kms:CallerAccount',
  ].map((k) => k.toLowerCase()),
);

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

function anyone(principal: unknown): boolean {
  if (principal === '*') return true;
  if (principal && typeof principal === 'object') return Object.values(principal).some((v) => list(v).includes('*'));
  return false;
}

function fixed(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? !/[*?]|\$\{/.test(String(value)) && value !== '0.0.0.0/0' && value !== '::/0'
    : false;
}

function restrictsCaller(condition: Statement['Condition']): boolean {
  if (!condition || typeof condition !== 'object') return false;
  return Object.entries(condition).some(([operator, keys]) => {
    if (/not|^null$/i.test(operator.replace(/^For(All|Any)Value:/i, '')) || !keys || typeof keys !== 'object') return false;
    return Object.entries(keys).some(([key, values]) => IDENTITY_KEYS.has(key.toLowerCase()) && list(values).length > 0 && list(values).every(fixed));
  });
}

/** The statements that open the key to anyone, or the reason the policy could not be read. */
export function openStatements(policy: string): { open: Statement[] } | { error: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(policy);
  } catch (err) {
    return { error: `the key policy is not valid JSON (${(err as Error).message})` };
  }
  if (!doc || typeof doc !== 'object' || !('Statement' in doc)) return { error: 'the key policy has no Statement' };
  const statements = list((doc as { Statement: unknown }).Statement).filter((s): s is Statement => !!s && typeof s === 'object');
  const open = statements.filter(
    (s) => s.Effect === 'Allow' && (anyone(s.Principal) || s.NotPrincipal !== undefined) && !restrictsCaller(s.Condition),
  );
  return { open };
}
