/**
 * Profile names the AWS SDK cannot use, caught before the SDK fails in a way that points
 * elsewhere. Two traps, both in @smithy/shared-ini-file-loader (read with `test/unit/profile-names.test.ts`):
 *
 * - A `[profile NAME]` section of ~/.aws/config is read only when NAME is made of ASCII letters,
 *   digits and `- _ . @ + % : /` (optionally quoted); any other section is dropped without a word.
 *   ~/.aws/credentials takes any name, so such a profile still signs in, but without its region
 *   and endpoint_url: the scan goes to AWS's own endpoints and fails on DNS or the network.
 * - Profiles are looked up as plain object keys, so a name every JavaScript object already has
 *   ("constructor", "toString") finds that built-in instead of the section: the SDK then refuses
 *   it as "could not resolve credentials", whatever the files hold.
 */

const READABLE_NAME = /^[A-Za-z0-9_\-@+.%:/]+$/;
/** What the SDK reads: `profile`, one whitespace, then the name, optionally in matching quotes. */
const READABLE_HEADER = /^profile\s(["']?)[A-Za-z0-9_\-@+.%:/]+\1$/;
const PROFILE_HEADER = /^profile\s+(.*)$/s;

export const READABLE_CHARACTERS = 'letters, digits and - _ . @ + % : /';

/** Whether the SDK reads a `[profile NAME]` section with this name from ~/.aws/config. */
export function configNameReadable(name: string): boolean {
  return READABLE_NAME.test(name);
}

/** Names the SDK resolves to a built-in of every object (`constructor`, `toString`...), never to a section. */
export function isBuiltinName(name: string): boolean {
  return Object.hasOwn(Object.prototype, name);
}

/**
 * The names of the `[profile ...]` sections of a config file's text that the SDK skips, found
 * the way its parser finds sections (comments after whitespace cut, lines trimmed).
 */
export function skippedConfigProfiles(text: string): string[] {
  const names = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    // Cheap test first: a 10 MB config is mostly not section headers.
    if (!line.trimStart().startsWith('[')) continue;
    const trimmed = line.split(/(^|\s)[;#]/)[0]!.trim();
    if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) continue;
    const section = trimmed.slice(1, -1);
    const header = PROFILE_HEADER.exec(section);
    if (!header || READABLE_HEADER.test(section)) continue;
    // Only blanks are trimmed: an invisible character at either end is part of the name the credentials file keeps.
    const name = unquote(header[1]!.replace(/^[ \t]+|[ \t]+$/g, ''));
    // "[profile ]" names nothing anyone can select.
    if (name !== '') names.add(name);
  }
  return [...names];
}

function unquote(text: string): string {
  const quoted = /^(["'])(.*)\1$/s.exec(text);
  return quoted ? quoted[2]! : text;
}

// eslint-disable-next-line no-control-regex -- the characters a name must not carry raw into a message
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * A name as a message may quote it: controls, bidi and invisible characters spelled out as
 * `\u001b`, so the user sees what the section header really holds; long names cut.
 */
export function shownName(name: string, max = 80): string {
  const escaped = name.replace(INVISIBLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
}
