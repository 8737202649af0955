import type { Route } from '../../route.ts';

function LogoMark() {
  return (
    <svg class="logo-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path d="M16 2 4 7v8c0 7.2 5 13.3 12 15 7-1.7 12-7.8 12-15V7L16 2Z" fill="currentColor" opacity="0.18" />
      <path d="M16 2 4 7v8c0 7.2 5 13.3 12 15 7-1.7 12-7.8 12-15V7L16 2Zm0 2.2 10 4.2V15c0 6.1-4.1 11.3-10 12.9C10.1 26.3 6 21.1 6 15V8.4l10-4.2Z" fill="currentColor" />
      <path d="M11 10h2.4v9.6H21V22H11V10Z" fill="currentColor" />
    </svg>
  );
}

const LINKS = [
  { href: '#/', label: 'Scans', testId: 'nav-scans', active: (r: Route) => r.name === 'home' || r.name === 'scan' },
  { href: '#/history', label: 'History', testId: 'nav-history', active: (r: Route) => r.name === 'history' || r.name === 'diff' },
  { href: '#/engagements', label: 'Engagements', testId: 'nav-engagements', active: (r: Route) => r.name === 'engagements' },
  { href: '#/settings', label: 'Settings', testId: 'nav-settings', active: (r: Route) => r.name === 'settings' },
] as const;

export function AppHeader({ route }: { route: Route }) {
  return (
    <header class="app-header">
      <div class="app-header-inner">
        <a class="brand" href="#/" data-testid="nav-home">
          <LogoMark />
          <span class="brand-text">
            <span class="brand-name">Leasehold</span>
            <span class="brand-tagline">AWS customer-side responsibility audit</span>
          </span>
        </a>
        <nav class="app-nav" aria-label="Main">
          {LINKS.map((link) => (
            <a key={link.href} class="nav-link" href={link.href} aria-current={link.active(route) ? 'page' : undefined} data-testid={link.testId}>
              {link.label}
            </a>
          ))}
          <a class="button button-primary" href="#/new" aria-current={route.name === 'new-scan' ? 'page' : undefined} data-testid="nav-new-scan">
            New scan
          </a>
        </nav>
      </div>
    </header>
  );
}
