/**
 * How deeply a policy document may nest to be parsed, apart from the IAM collector so that checks
 * can tell a too-deep document from an unparseable one without loading the AWS SDK.
 */

/**
 * The deepest nesting of arrays and objects a policy document is parsed with; a deeper one is
 * kept as its text, which checks report NOT_ASSESSED as too deeply nested to analyse.
 * IAM's policy grammar nests a valid policy about six levels (policy, Statement list, statement,
 * Condition, operator, value list) and IAM rejects a document that breaks it
 * (MalformedPolicyDocument), so no real document comes near. Its size quotas alone would allow
 * far more: 6,144 characters for a managed policy, 10,240 for a role's inline policies, 131,072
 * for any PolicyDocument parameter; at two characters a level, 3,072, 5,120 and 65,536 levels.
 * A parsed document is later serialised by V8's recursive JSON.stringify (snapshot writer,
 * evidence excerpts), which overflows Node 24's default stack at about 4,450 levels from the
 * top of the stack and 3,700 under 2,000 frames, and by structured clone at about 1,650.
 * 1,000 stays far above any real policy and well below those limits, so a document from an
 * emulator or a tampered response makes only itself unreadable, never its whole dataset.
 */
export const MAX_POLICY_DEPTH = 1_000;

/** Whether JSON text nests arrays and objects deeper than `limit`, counted in one pass without parsing. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character, a quote included
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** A stored policy document kept as text because it nests deeper than MAX_POLICY_DEPTH. */
export function isTooDeep(document: unknown): boolean {
  return typeof document === 'string' && nestsDeeperThan(document, MAX_POLICY_DEPTH);
}
