/**
 * IAM Access Analyzer over REST JSON (signing name access-analyzer): GET /analyzer and
 * POST /finding. Timestamps are ISO 8601 strings on the wire (the model's date-time format).
 * A region with no analyzers answers an empty list, as AWS does for an account that never created one.
 */
import type { AnalyzerSummary, FindingSummary } from '@aws-sdk/client-accessanalyzer';
import { paginate } from '../params.ts';
import { AwsError, type OperationContext, type ServiceModule } from '../protocol.ts';

type Iso<T, K extends keyof T> = Omit<T, K> & { [P in K]?: string };

/** An analyzer as ListAnalyzers returns it, with its findings (ListFindings). */
export type FakeAnalyzer = Iso<AnalyzerSummary, 'createdAt' | 'lastResourceAnalyzedAt'> & {
  findings?: Iso<FindingSummary, 'createdAt' | 'analyzedAt' | 'updatedAt'>[];
};

/** Analyzers by region name. */
export type AccessAnalyzerFixture = Record<string, FakeAnalyzer[]>;

const TYPES = ['ACCOUNT', 'ORGANIZATION', 'ACCOUNT_UNUSED_ACCESS', 'ORGANIZATION_UNUSED_ACCESS', 'ACCOUNT_INTERNAL_ACCESS', 'ORGANIZATION_INTERNAL_ACCESS'];
/** The filter keys ListFindings accepts for external access findings; others are refused loudly. */
const FILTER_KEYS = new Set(['status', 'resourceType', 'resource', 'isPublic', 'resourceOwnerAccount', 'principal.AWS', 'id', 'error', 'condition.aws:UserId', 'condition.aws:SourceVpc', 'condition.aws:SourceVpce', 'condition.aws:SourceAccount', 'condition.aws:SourceOwner', 'condition.aws:SourceIp', 'condition.aws:PrincipalOrgID', 'condition.kms:CallerAccount']);

const validation = (message: string) => new AwsError('ValidationException', message, 400);

function analyzers(ctx: OperationContext): FakeAnalyzer[] {
  return ctx.account.ext?.identityAccess?.accessAnalyzer?.[ctx.region] ?? [];
}

function maxResults(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw validation('1 validation error detected: Value at \'maxResults\' failed to satisfy constraint');
  return n;
}

function listAnalyzers(ctx: OperationContext) {
  const type = ctx.params.get('type');
  if (type !== null && !TYPES.includes(type)) throw validation(`1 validation error detected: Value '${type}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [${TYPES.join(', ')}]`);
  const all = analyzers(ctx)
    .filter((a) => type === null || a.type === type)
    .map(({ findings: _findings, ...summary }) => summary);
  const page = paginate(all, {
    scope: `access-analyzer:ListAnalyzers:${ctx.region}:${type ?? ''}`,
    limit: maxResults(ctx.params.get('maxResults')),
    token: ctx.params.get('nextToken'),
    tokenError: validation('Invalid pagination token'),
  });
  return page.nextToken ? { analyzers: page.items, nextToken: page.nextToken } : { analyzers: page.items };
}

type Criterion = { eq?: string[]; neq?: string[]; contains?: string[]; exists?: boolean };

function matches(f: Record<string, unknown>, key: string, c: Criterion): boolean {
  const value = key.startsWith('principal.') ? (f.principal as Record<string, string> | undefined)?.[key.slice(10)] : f[key];
  const text = value === undefined ? undefined : String(value);
  if (c.exists !== undefined && (text !== undefined) !== c.exists) return false;
  if (c.eq && (text === undefined || !c.eq.includes(text))) return false;
  if (c.neq && text !== undefined && c.neq.includes(text)) return false;
  if (c.contains && (text === undefined || !c.contains.some((s) => text.includes(s)))) return false;
  return true;
}

function listFindings(ctx: OperationContext) {
  const arn = ctx.json.analyzerArn;
  if (typeof arn !== 'string') throw validation('1 validation error detected: Value null at \'analyzerArn\' failed to satisfy constraint: Member must not be null');
  const analyzer = analyzers(ctx).find((a) => a.arn === arn);
  if (!analyzer) throw new AwsError('ResourceNotFoundException', `Analyzer ${arn} not found`, 404);
  if (analyzer.type !== 'ACCOUNT' && analyzer.type !== 'ORGANIZATION') {
    throw validation('ListFindings is supported only for external access analyzers. Use ListFindingsV2.');
  }
  const filter = (ctx.json.filter ?? {}) as Record<string, Criterion>;
  const unknown = Object.keys(filter).find((k) => !FILTER_KEYS.has(k));
  if (unknown) throw validation(`Invalid filter key: ${unknown}`);
  const all = (analyzer.findings ?? []).filter((f) => Object.entries(filter).every(([k, c]) => matches(f as Record<string, unknown>, k, c)));
  const page = paginate(all, {
    scope: `access-analyzer:ListFindings:${arn}:${JSON.stringify(filter)}`,
    limit: maxResults(ctx.json.maxResults),
    token: typeof ctx.json.nextToken === 'string' ? ctx.json.nextToken : null,
    tokenError: validation('Invalid pagination token'),
  });
  return page.nextToken ? { findings: page.items, nextToken: page.nextToken } : { findings: page.items };
}

export const accessAnalyzer: ServiceModule = {
  name: 'access-analyzer',
  protocol: 'json',
  route(method, path) {
    if (method === 'GET' && path === '/analyzer') return { action: 'ListAnalyzers' };
    if (method === 'POST' && path === '/finding') return { action: 'ListFindings' };
    return undefined;
  },
  regionNotEnabled: () => new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.', 403),
  operations: {
    ListAnalyzers: { handle: listAnalyzers },
    ListFindings: { handle: listFindings },
  },
};
