/**
 * What a window may load and what leaves the app. The page never navigates away from the app
 * origin and never opens windows; a short allowlist of documentation links (the references a
 * finding cites) goes to the system browser instead.
 */
import { isAppUrl, parseUrl } from './app-origin.ts';

/** Hosts whose https pages the UI may open in the system browser. Exact host match, no wildcards. */
export const DOCS_HOSTS: readonly string[] = ['docs.aws.amazon.com', 'aws.amazon.com', 'www.cisecurity.org'];

/** Where Help > Documentation points: AWS's own description of the model this app audits. */
export const DOCS_URL = 'https://aws.amazon.com/compliance/shared-responsibility-model/';

const MAX_EXTERNAL_URL_LENGTH = 2048;

/** https on an allowlisted host, default port, no user info. Everything else stays closed. */
export function isAllowedExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === 'https:' &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    DOCS_HOSTS.includes(parsed.hostname)
  );
}

export type NavigationDecision = { allow: true } | { allow: false; openExternally: string | null };

/** A link click or location change: stay on the app origin; docs links go to the system browser. */
export function decideNavigation(url: unknown): NavigationDecision {
  if (isAppUrl(url)) return { allow: true };
  return { allow: false, openExternally: isAllowedExternalUrl(url) ? url : null };
}

/** A server-side redirect is never a user's intent, so it never opens anything externally. */
export function decideRedirect(url: unknown): boolean {
  return isAppUrl(url);
}

/** window.open / target=_blank: never a new Electron window. */
export function decideWindowOpen(url: unknown): { action: 'deny'; openExternally: string | null } {
  return { action: 'deny', openExternally: isAllowedExternalUrl(url) ? url : null };
}

export interface NavigationEvent {
  url: string;
  preventDefault(): void;
}

/** The slice of Electron's WebContents the guards need, so plain Node tests can pass a fake. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent & { isMainFrame: boolean }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

const hardened = new WeakSet<object>();

/**
 * Installs every navigation guard on one WebContents. Idempotent: the main window and the
 * app-wide `web-contents-created` hook may both call it, and a docs link must open only once.
 */
export function hardenWebContents(contents: GuardedContents, openExternal: (url: string) => void): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);

  const onNavigate = (event: NavigationEvent): void => {
    const decision = decideNavigation(event.url);
    if (decision.allow) return;
    event.preventDefault();
    if (decision.openExternally !== null) openExternal(decision.openExternally);
  };
  contents.on('will-navigate', onNavigate);
  // Sub-frames have no business leaving the app either, and never open links externally. The main
  // frame is left to 'will-navigate' so a docs link opens once, in the browser.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!decideRedirect(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally !== null) openExternal(decision.openExternally);
    return { action: 'deny' };
  });
}
