import type { ComponentChild } from 'preact';

/**
 * Bidi controls and invisible format characters in account data (a Name tag, a group name) can
 * disguise what a name says: U+202E turns "exe.nigol-" into what reads as "-login.exe". An
 * auditor needs to see them, so each one is shown as a visible marker instead of acting.
 */
const HIDDEN = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

const NAMES: Readonly<Record<string, string>> = {
  '\u202A': 'left-to-right embedding',
  '\u202B': 'right-to-left embedding',
  '\u202C': 'pop directional formatting',
  '\u202D': 'left-to-right override',
  '\u202E': 'right-to-left override',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate',
  '\u200E': 'left-to-right mark',
  '\u200F': 'right-to-left mark',
  '\u061C': 'Arabic letter mark',
  '\u200B': 'zero width space',
  '\uFEFF': 'zero width no-break space',
};

export function codePoint(ch: string): string {
  return `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export function UserText({ text }: { text: string }) {
  if (!HIDDEN.test(text)) return <>{text}</>;
  HIDDEN.lastIndex = 0;
  const parts: ComponentChild[] = [];
  let last = 0;
  for (const match of text.matchAll(HIDDEN)) {
    const ch = match[0];
    parts.push(text.slice(last, match.index));
    const label = `${NAMES[ch] ?? 'invisible character'} (${codePoint(ch)})`;
    parts.push(
      <span class="hidden-char" title={label} aria-label={label} data-testid="hidden-char" dir="ltr">
        {codePoint(ch)}
      </span>,
    );
    last = match.index + ch.length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}
