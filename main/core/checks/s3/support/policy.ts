/**
 * Reading bucket policy documents. The document is the customer's own JSON and hostile input:
 * it is only parsed and compared, never evaluated or interpolated into anything but plain text.
 */

export interface Statement {
  Sid?: unknown;
  Effect?: unknown;
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
  Condition?: unknown;
}

/** The statements of a policy document, or undefined when it is not a policy document. */
export function parsePolicy(text: string): Statement[] | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(doc)) return undefined;
  const statements = Array.isArray(doc.Statement) ? doc.Statement : isObject(doc.Statement) ? [doc.Statement] : undefined;
  return statements?.filter(isObject) as Statement[] | undefined;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A policy element that may be one string or a list of strings. */
export function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** IAM wildcard matching: `*` any run of characters, `?` any one character. */
export function wildcard(pattern: string, value: string, ignoreCase = false): boolean {
  const source = [...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\/-]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

/** Action names are case-insensitive in IAM. */
export function actionMatches(patterns: string[], action: string): boolean {
  return patterns.some((p) => wildcard(p, action, true));
}

export interface Principals {
  /** "*" or {"AWS": "*"}: anyone, in any account, signed or not. */
  everyone: boolean;
  /** AWS account ids named directly or by an IAM/STS ARN. */
  accounts: string[];
}

const ARN_ACCOUNT = /^arn:[^:]+:(?:iam|sts)::(\d{12}):/;

export function principals(principal: unknown): Principals {
  if (principal === '*') return { everyone: true, accounts: [] };
  if (!isObject(principal)) return { everyone: false, accounts: [] };
  const aws = strings(principal.AWS);
  const accounts: string[] = [];
  let everyone = false;
  for (const p of aws) {
    // IAM allows no wildcard in a principal except "*" itself: anything else with one is read as "*".
    if (p.includes('*')) everyone = true;
    else if (/^\d{12}$/.test(p)) accounts.push(p);
    else {
      const m = ARN_ACCOUNT.exec(p);
      if (m?.[1]) accounts.push(m[1]);
    }
  }
  return { everyone, accounts: [...new Set(accounts)] };
}

export interface ConditionEntry {
  operator: string;
  key: string;
  values: string[];
}

/** The statement's conditions as (operator, key, values); values as IAM compares them, in text. */
export function conditions(statement: Statement): ConditionEntry[] | undefined {
  if (statement.Condition === undefined) return [];
  if (!isObject(statement.Condition)) return undefined;
  const out: ConditionEntry[] = [];
  for (const [operator, block] of Object.entries(statement.Condition)) {
    if (!isObject(block)) return undefined;
    for (const [key, raw] of Object.entries(block)) {
      const list = Array.isArray(raw) ? raw : [raw];
      out.push({ operator, key, values: list.map((v) => String(v)) });
    }
  }
  return out;
}

/** A short, plain-text label for a statement in a message. */
export function statementLabel(statement: Statement, index: number): string {
  return typeof statement.Sid === 'string' && statement.Sid !== '' ? `statement "${statement.Sid.slice(0, 60)}"` : `statement #${index + 1}`;
}
