import type { ComponentChildren } from 'preact';
import { UserText } from '../common/user-text.tsx';

/**
 * The only hosts a link may leave the app for: AWS documentation. Exact host, https, default
 * port, no user info. In Electron the window-open handler (main/electron/navigation.ts) sends
 * these to the system browser; in a browser they open in a new tab without opener or referrer.
 */
export const LINK_HOSTS: readonly string[] = ['docs.aws.amazon.com', 'aws.amazon.com'];

export function safeExternalUrl(url: string): string | null {
  if (url.length > 2048) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const ok = parsed.protocol === 'https:' && parsed.port === '' && parsed.username === '' && parsed.password === '' && LINK_HOSTS.includes(parsed.hostname);
  return ok ? parsed.href : null;
}

/** A documentation link, or the address as inert text when it is not on an allowed host. */
export function ExternalLink({ href, children }: { href: string; children?: ComponentChildren }) {
  const safe = safeExternalUrl(href);
  if (!safe) {
    return (
      <span class="mono wrap" dir="ltr" data-testid="inert-link">
        <UserText text={href} />
      </span>
    );
  }
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer" class="external-link" data-testid="external-link">
      {children ?? safe}
      <span class="visually-hidden"> (opens in your browser)</span>
    </a>
  );
}
