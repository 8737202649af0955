import type { DoctorReport } from '../../../shared/model/coverage.ts';
import { CALL_ERROR_TITLES } from '../../../shared/model/finding.ts';
import { formatCount } from '../../format.ts';
import { CopyButton } from '../common/copy-button.tsx';
import { UserText } from '../common/user-text.tsx';

/** `leasehold doctor` before a scan: who the profile signs in as, and which reads it may make. */
export function DoctorPanel({ report, policy }: { report: DoctorReport; policy: string | null }) {
  const failed = report.probes.filter((p) => !p.ok);
  const ok = report.probes.length - failed.length;
  // One line per custom endpoint, with the services sent there (an emulator usually takes them all).
  const endpoints = new Map<string, string[]>();
  for (const [service, url] of Object.entries(report.endpoints)) if (url !== 'default') endpoints.set(url, [...(endpoints.get(url) ?? []), service]);
  return (
    <section class="doctor card-inset" aria-labelledby="doctor-title" data-testid="doctor-report">
      <h3 id="doctor-title" class="detail-subtitle">
        Access check
      </h3>
      <dl class="detail-grid">
        <div>
          <dt>Account</dt>
          <dd class="mono" data-testid="doctor-account">
            {report.accountId}
          </dd>
        </div>
        <div class="detail-wide">
          <dt>Signed in as</dt>
          <dd class="mono wrap" dir="ltr">
            <UserText text={report.callerArn} />
          </dd>
        </div>
      </dl>
      <p class={failed.length ? 'count-warn' : 'count-ok'} data-testid="doctor-summary">
        {failed.length === 0
          ? `All ${formatCount(report.probes.length)} permission probes passed: every selected check can be assessed.`
          : `${formatCount(ok)} of ${formatCount(report.probes.length)} probes passed. ${formatCount(report.notAssessable.length)} checks would be “Not assessed”.`}
      </p>
      {failed.length > 0 && (
        <ul class="doctor-failures">
          {failed.map((p) => (
            <li key={`${p.call}|${p.region}`}>
              <span class="mono">{p.call}</span> <span class="muted">({p.region})</span>: {p.kind ? (CALL_ERROR_TITLES[p.kind] ?? p.kind) : 'failed'}
              {p.iamActions.length > 0 && <span class="row-sub mono">needs {p.iamActions.join(', ')}</span>}
            </li>
          ))}
        </ul>
      )}
      {report.notAssessable.length > 0 && (
        <details class="doctor-details">
          <summary>Checks that would not be assessed</summary>
          <ul>
            {report.notAssessable.map((c) => (
              <li key={c.checkId}>
                {c.title} <span class="mono muted">{c.checkId}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {[...endpoints].map(([url, services]) => (
        <p key={url} class="muted">
          Custom endpoint{' '}
          <span class="mono" dir="ltr">
            <UserText text={url} />
          </span>{' '}
          for {services.length} {services.length === 1 ? 'service' : 'services'} ({services.sort().join(', ')})
        </p>
      ))}
      {policy && (
        <p class="command-line">
          <span>The least-privilege IAM policy for these areas:</span>
          <CopyButton text={policy} label="Copy the least-privilege IAM policy" testId="copy-policy" />
        </p>
      )}
    </section>
  );
}
