/**
 * IAM policy documents as IAM evaluates them: Action/NotAction/Resource/NotResource may be a
 * string or an array, Statement may be one object or an array, action names and wildcards
 * ("iam:Put*Policy", "*") match case-insensitively. An unparseable document is unknown (undefined).
 */
import type { PolicyDocument } from '../../../collect/iam.ts';
import { isTooDeep, MAX_POLICY_DEPTH } from '../../../collect/policy-depth.ts';

export interface Statement {
  effect: 'Allow' | 'Deny';
  action?: string[];
  notAction?: string[];
  resource?: string[];
  notResource?: string[];
  principal?: unknown;
  notPrincipal?: unknown;
  condition?: Record<string, Record<string, unknown>>;
  sid?: string;
}

const list = (v: unknown): string[] | undefined =>
  v === undefined ? undefined : (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');

export function statements(doc: PolicyDocument | undefined): Statement[] | undefined {
  if (!doc || typeof doc !== 'object') return undefined;
  const raw = doc.Statement;
  const items = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? [raw] : undefined;
  if (!items) return undefined;
  const out: Statement[] = [];
  for (const s of items as Record<string, unknown>[]) {
    if (!s || typeof s !== 'object' || (s.Effect !== 'Allow' && s.Effect !== 'Deny')) return undefined;
    out.push({
      effect: s.Effect,
      action: list(s.Action),
      notAction: list(s.NotAction),
      resource: list(s.Resource),
      notResource: list(s.NotResource),
      principal: s.Principal,
      notPrincipal: s.NotPrincipal,
      condition: s.Condition && typeof s.Condition === 'object' ? (s.Condition as Statement['condition']) : undefined,
      sid: typeof s.Sid === 'string' ? s.Sid : undefined,
    });
  }
  return out;
}

/** Why `statements` found none in `doc`: nested too deeply to analyse (kept as text), or `otherwise`. */
export function unreadableMessage(subject: string, doc: PolicyDocument | undefined, otherwise: string): string {
  if (isTooDeep(doc)) return `${subject} is too deeply nested to analyse (more than ${MAX_POLICY_DEPTH.toLocaleString('en')} levels of arrays and objects)`;
  return `${subject} ${otherwise}`;
}

const patterns = new Map<string, RegExp>();

export function wildcardMatch(pattern: string, value: string): boolean {
  let re = patterns.get(pattern);
  if (!re) {
    re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
    patterns.set(pattern, re);
  }
  return re.test(value);
}

/** Whether the statement's action part covers `action` (NotAction covers everything it does not list). */
export function coversAction(s: Statement, action: string): boolean {
  if (s.action) return s.action.some((p) => wildcardMatch(p, action));
  if (s.notAction) return !s.notAction.some((p) => wildcardMatch(p, action));
  return false;
}

/** Resource "*" (or NotResource, which grants everything it does not name). */
export function allResources(s: Statement): boolean {
  return Boolean(s.resource?.includes('*') || s.notResource);
}

const ALL_ACTIONS = new Set(['*', '*:*']);

/** Allow of every action on every resource; NotAction on "*" counts, since it grants all but a few. */
export function isFullAdmin(s: Statement): boolean {
  if (s.effect !== 'Allow' || !allResources(s)) return false;
  return Boolean(s.action?.some((a) => ALL_ACTIONS.has(a)) || s.notAction);
}

/** "service:*" (or "*"), or NotAction — the whole of a service's actions (IAM.21). */
export function serviceWildcards(s: Statement): string[] {
  if (s.effect !== 'Allow') return [];
  if (s.notAction) return s.notAction.map((a) => `NotAction ${a}`);
  return (s.action ?? []).filter((a) => ALL_ACTIONS.has(a) || /^[a-z0-9-]+:\*$/i.test(a));
}

export function describe(s: Statement): Record<string, unknown> {
  const out: Record<string, unknown> = { Effect: s.effect };
  if (s.sid) out.Sid = s.sid;
  if (s.action) out.Action = s.action;
  if (s.notAction) out.NotAction = s.notAction;
  if (s.resource) out.Resource = s.resource;
  if (s.notResource) out.NotResource = s.notResource;
  if (s.principal !== undefined) out.Principal = s.principal;
  if (s.notPrincipal !== undefined) out.NotPrincipal = s.notPrincipal;
  if (s.condition) out.Condition = s.condition;
  return out;
}
