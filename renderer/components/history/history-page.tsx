import type { ScanSummary } from '../../../shared/model/scan.ts';
import { formatDateTime, plural } from '../../format.ts';
import { routeHref } from '../../route.ts';
import { useCall } from '../../use-call.ts';
import { ErrorBanner } from '../common/error-banner.tsx';
import { UserText } from '../common/user-text.tsx';
import { AccountHistory } from './account-history.tsx';

export interface AccountEntry {
  accountId: string;
  labels: string[];
  scans: ScanSummary[];
}

export function groupByAccount(scans: ScanSummary[]): AccountEntry[] {
  const map = new Map<string, AccountEntry>();
  for (const s of scans) {
    if (!s.accountId) continue;
    const entry = map.get(s.accountId) ?? { accountId: s.accountId, labels: [], scans: [] };
    if (s.label && !entry.labels.includes(s.label)) entry.labels.push(s.label);
    entry.scans.push(s);
    map.set(s.accountId, entry);
  }
  for (const e of map.values()) e.scans.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  return [...map.values()].sort((a, b) => (b.scans.at(-1)?.startedAt ?? '').localeCompare(a.scans.at(-1)?.startedAt ?? ''));
}

/** Scans per account over time: pick an account, see its timeline and trend, compare two scans. */
export function HistoryPage({ accountId, scansVersion }: { accountId: string | null; scansVersion: number }) {
  const scans = useCall('scans:list', {}, scansVersion);
  if (scans.error) return <ErrorBanner message={`Could not load the scans: ${scans.error}`} onRetry={scans.reload} />;
  if (!scans.data)
    return (
      <p class="loading" role="status">
        Loading…
      </p>
    );
  const accounts = groupByAccount(scans.data);
  const chosen = accounts.find((a) => a.accountId === accountId) ?? (accounts.length === 1 ? accounts[0] : undefined);

  return (
    <section class="history" aria-labelledby="history-title" data-testid="history-page">
      <div class="page-heading">
        <div>
          <h1 id="history-title">History</h1>
          <p class="muted">Every scan of an account, how each area's pass rate moved, and what changed between two scans.</p>
        </div>
      </div>
      {accounts.length === 0 ? (
        <div class="card empty-state">
          <p>No scans yet.</p>
        </div>
      ) : (
        <div class="history-layout">
          <nav class="account-list card" aria-label="Accounts">
            <h2 class="section-label">Accounts</h2>
            <ul>
              {accounts.map((a) => (
                <li key={a.accountId}>
                  <a
                    href={routeHref({ name: 'history', accountId: a.accountId })}
                    class="account-link"
                    aria-current={chosen?.accountId === a.accountId ? 'page' : undefined}
                    data-testid={`history-account-${a.accountId}`}
                  >
                    <span class="mono">{a.accountId}</span>
                    <span class="row-sub" dir="auto">
                      {a.labels.length ? <UserText text={a.labels.join(', ')} /> : plural(a.scans.length, 'scan')} · {formatDateTime(a.scans.at(-1)!.startedAt)}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {chosen ? (
            <AccountHistory key={chosen.accountId} account={chosen} scansVersion={scansVersion} />
          ) : (
            <div class="card empty-state">
              <p>Choose an account.</p>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
