/**
 * CloudWatch Logs JSON filter patterns (`{ ($.eventName = CreateTrail) || ... }`), parsed and run
 * against sample CloudTrail events, so a customer's filter is judged by what it matches rather than
 * by how it is spelled: spacing, quoting, order and extra parentheses do not matter.
 *
 * Supported: `=`, `!=`, `<`, `>`, `<=`, `>=`, `*` wildcards in strings, `IS TRUE|FALSE|NULL`,
 * `EXISTS`, `NOT EXISTS`, `&&`, `||` (&& binds tighter) and parentheses. Regular expressions
 * (`%...%`) and space-delimited or plain-text patterns are not evaluated: such a filter is
 * reported as not recognised, never as matching.
 */
type Expr =
  | { kind: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'cmp'; path: string[]; op: string; value: string | number }
  | { kind: 'test'; path: string[]; test: 'TRUE' | 'FALSE' | 'NULL' | 'EXISTS' | 'NOT EXISTS' };

type Token = { t: 'sym'; v: string } | { t: 'str'; v: string } | { t: 'word'; v: string };

const MAX_PATTERN = 4096;

function tokenize(src: string): Token[] | undefined {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src.charAt(i);
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (['&&', '||', '!=', '<=', '>='].includes(two)) {
      out.push({ t: 'sym', v: two });
      i += 2;
    } else if ('{}()=<>'.includes(c)) {
      out.push({ t: 'sym', v: c });
      i += 1;
    } else if (c === '"') {
      let v = '';
      i += 1;
      while (i < src.length && src.charAt(i) !== '"') {
        if (src.charAt(i) === '\\' && i + 1 < src.length) i += 1;
        v += src.charAt(i);
        i += 1;
      }
      if (i >= src.length) return undefined;
      out.push({ t: 'str', v });
      i += 1;
    } else {
      const m = /^[^\s{}()=<>!&|"]+/.exec(src.slice(i));
      if (!m) return undefined;
      out.push({ t: 'word', v: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

class Parser {
  private pos = 0;
  private readonly tokens: Token[];

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  parse(): Expr | undefined {
    if (!this.eat('{')) return undefined;
    const e = this.or();
    if (!e || !this.eat('}') || this.pos !== this.tokens.length) return undefined;
    return e;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private eat(sym: string): boolean {
    const t = this.peek();
    if (t?.t === 'sym' && t.v === sym) {
      this.pos += 1;
      return true;
    }
    return false;
  }

  private or(): Expr | undefined {
    let left = this.and();
    while (left && this.eat('||')) {
      const right = this.and();
      left = right ? { kind: 'or', left, right } : undefined;
    }
    return left;
  }

  private and(): Expr | undefined {
    let left = this.unary();
    while (left && this.eat('&&')) {
      const right = this.unary();
      left = right ? { kind: 'and', left, right } : undefined;
    }
    return left;
  }

  private unary(): Expr | undefined {
    if (this.eat('(')) {
      const e = this.or();
      return e && this.eat(')') ? e : undefined;
    }
    return this.comparison();
  }

  private comparison(): Expr | undefined {
    const sel = this.peek();
    if (sel?.t !== 'word' || !sel.v.startsWith('$')) return undefined;
    this.pos += 1;
    const path = selectorPath(sel.v);
    if (!path) return undefined;
    const next = this.peek();
    if (next?.t === 'word') {
      const word = next.v.toUpperCase();
      this.pos += 1;
      if (word === 'EXISTS') return { kind: 'test', path, test: 'EXISTS' };
      if (word === 'NOT' && this.peek()?.t === 'word' && this.peek()?.v.toUpperCase() === 'EXISTS') {
        this.pos += 1;
        return { kind: 'test', path, test: 'NOT EXISTS' };
      }
      if (word === 'IS') {
        const what = this.peek();
        this.pos += 1;
        const v = what?.t === 'word' ? what.v.toUpperCase() : '';
        return v === 'TRUE' || v === 'FALSE' || v === 'NULL' ? { kind: 'test', path, test: v } : undefined;
      }
      return undefined;
    }
    if (next?.t !== 'sym' || !['=', '!=', '<', '>', '<=', '>='].includes(next.v)) return undefined;
    this.pos += 1;
    const value = this.peek();
    if (!value || value.t === 'sym') return undefined;
    this.pos += 1;
    // Regular expressions are out of scope (see the header).
    if (value.t === 'word' && value.v.startsWith('%')) return undefined;
    const numeric = value.t === 'word' && /^-?\d+(\.\d+)?$/.test(value.v) && next.v !== '=' && next.v !== '!=';
    return { kind: 'cmp', path, op: next.v, value: numeric ? Number(value.v) : value.v };
  }
}

/** `$.a.b[0].c` -> ['a', 'b', '0', 'c']. */
function selectorPath(sel: string): string[] | undefined {
  if (!/^\$(\.[A-Za-z0-9_@-]+|\[\d+\])*$/.test(sel) || sel === '$') return undefined;
  return sel.slice(1).split(/[.[\]]+/).filter(Boolean);
}

function resolve(event: unknown, path: string[]): unknown {
  let cur: unknown = event;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** `*` matches any run of characters. Greedy with backtracking to the last star: linear-ish, no regex built from hostile input. */
function wildcard(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern.charAt(p) === text.charAt(t)) {
      p += 1;
      t += 1;
    } else if (p < pattern.length && pattern.charAt(p) === '*') {
      star = p;
      mark = t;
      p += 1;
    } else if (star >= 0) {
      p = star + 1;
      mark += 1;
      t = mark;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern.charAt(p) === '*') p += 1;
  return p === pattern.length;
}

function evaluate(e: Expr, event: unknown): boolean {
  switch (e.kind) {
    case 'and':
      return evaluate(e.left, event) && evaluate(e.right, event);
    case 'or':
      return evaluate(e.left, event) || evaluate(e.right, event);
    case 'test': {
      const v = resolve(event, e.path);
      if (e.test === 'EXISTS') return v !== undefined;
      if (e.test === 'NOT EXISTS') return v === undefined;
      if (e.test === 'NULL') return v === null;
      return v === (e.test === 'TRUE');
    }
    case 'cmp': {
      const v = resolve(event, e.path);
      if (typeof e.value === 'number') {
        if (typeof v !== 'number') return false;
        return e.op === '<' ? v < e.value : e.op === '>' ? v > e.value : e.op === '<=' ? v <= e.value : v >= e.value;
      }
      const text = v === undefined || v === null || typeof v === 'object' ? undefined : String(v);
      // A field the event does not have never equals anything, and so always differs.
      const equal = text !== undefined && wildcard(e.value, text);
      if (e.op === '=') return equal;
      if (e.op === '!=') return !equal;
      return false;
    }
  }
}

export interface CompiledPattern {
  matches(event: unknown): boolean;
}

/** The compiled pattern, or undefined when it is not a JSON pattern this evaluator understands. */
export function compileFilterPattern(pattern: string | undefined): CompiledPattern | undefined {
  if (!pattern || pattern.length > MAX_PATTERN) return undefined;
  const tokens = tokenize(pattern.trim());
  const expr = tokens ? new Parser(tokens).parse() : undefined;
  return expr ? { matches: (event) => evaluate(expr, event) } : undefined;
}
