import { useEffect, useState } from 'preact/hooks';
import type { FilePayload, ScanDetail } from '../../../shared/api.ts';
import { errorMessage } from '../../bridge.ts';
import { useBridge } from '../../bridge-context.ts';
import { downloadFile } from '../../download.ts';
import { formatDateTime } from '../../format.ts';
import { moveLegacyLogos } from '../../logos.ts';
import { engagementIdOf } from '../../scan-engagement.ts';
import { useCall } from '../../use-call.ts';
import { ErrorBanner } from '../common/error-banner.tsx';
import { CoverLogos } from './cover-logos.tsx';
import { DATA_FORMATS, passwordProblem, reportRequest, type DataFormat, type Protection, type ReportForm, type Variant } from './export-options.ts';

/** The deliverables: the PDF report with its options, and the findings as data. */
export function ExportPanel({ scan }: { scan: ScanDetail }) {
  const bridge = useBridge();
  const engagementId = engagementIdOf(scan);
  const engagements = useCall('engagements:list', { includeArchived: true });
  const scans = useCall('scans:list', {});
  const engagement = engagements.data?.find((e) => e.id === engagementId);
  useEffect(() => {
    if (engagements.data) void moveLegacyLogos(bridge, engagements.data).then((moved) => moved > 0 && engagements.reload());
  }, [engagements.data]);
  const [form, setForm] = useState<ReportForm>({ variant: 'full', compare: '', redact: false, protection: 'none', password: '', client: '', consultant: '', firm: '' });
  const [redactData, setRedactData] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const set = (patch: Partial<ReportForm>) => setForm((f) => ({ ...f, ...patch }));
  const earlier = (scans.data ?? []).filter((s) => s.accountId === scan.accountId && s.id !== scan.id && s.startedAt < scan.startedAt && s.status === 'complete');
  const problem = passwordProblem(form);
  // The core fills in the engagement's client and consultant; the fields override them.
  const clientName = engagement && engagement.id !== 'default' ? engagement.client : scan.label;

  async function run(what: string, call: () => Promise<FilePayload>): Promise<void> {
    setBusy(what);
    setError(null);
    setDone(null);
    try {
      const file = await call();
      downloadFile(file);
      setDone(file.fileName);
    } catch (err) {
      setError(`Export failed: ${errorMessage(err)}`);
    } finally {
      setBusy(null);
    }
  }

  const pdf = () => run('pdf', () => bridge.invoke('report:render', reportRequest(scan.id, form)));
  const data = (format: DataFormat) => run(format, () => bridge.invoke('export:render', { scanId: scan.id, format, ...(redactData ? { redact: true } : {}) }));

  return (
    <div class="export-grid" data-testid="export-panel">
      <form class="card form-card" aria-labelledby="pdf-title" onSubmit={(e) => {
          e.preventDefault();
          if (!problem) void pdf();
        }} noValidate>
        <h2 id="pdf-title" class="section-title">
          PDF report
        </h2>
        <fieldset class="fieldset">
          <legend class="legend">Report</legend>
          {(['full', 'executive'] as Variant[]).map((v) => (
            <label key={v} class="radio">
              <input type="radio" name="variant" checked={form.variant === v} onChange={() => set({ variant: v })} data-testid={`report-variant-${v}`} />
              <span>{v === 'full' ? 'Full report: every area, finding and its evidence' : 'Executive summary: the areas, the top risks, the trend'}</span>
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label class="field-label" for="report-compare">
            Compare with
          </label>
          <select id="report-compare" class="select" value={form.compare} onChange={(e) => set({ compare: e.currentTarget.value })} data-testid="report-compare">
            <option value="">No comparison</option>
            {earlier.map((s) => (
              <option key={s.id} value={s.id}>
                Scan of {formatDateTime(s.startedAt)}
              </option>
            ))}
          </select>
          {earlier.length === 0 && <p class="field-help">No earlier complete scan of this account to compare with.</p>}
        </div>
        <div class="field">
          <label class="field-label" for="report-client">
            Client name on the cover
          </label>
          <input id="report-client" class="input" value={form.client} placeholder={clientName || 'From the engagement'} onInput={(e) => set({ client: e.currentTarget.value })} data-testid="report-client" />
        </div>
        <div class="field-row">
          <div class="field">
            <label class="field-label" for="report-consultant">
              Consultant
            </label>
            <input id="report-consultant" class="input" value={form.consultant} placeholder={engagement?.consultant || 'From the engagement'} onInput={(e) => set({ consultant: e.currentTarget.value })} data-testid="report-consultant" />
          </div>
          <div class="field">
            <label class="field-label" for="report-firm">
              Firm
            </label>
            <input id="report-firm" class="input" value={form.firm} onInput={(e) => set({ firm: e.currentTarget.value })} autocomplete="organization" data-testid="report-firm" />
          </div>
        </div>
        <CoverLogos engagement={engagement} />
        <label class="checkbox">
          <input type="checkbox" checked={form.redact} onChange={(e) => set({ redact: e.currentTarget.checked })} data-testid="report-redact" />
          <span>Redact account IDs, ARNs and IP addresses</span>
        </label>
        <fieldset class="fieldset">
          <legend class="legend">Protection</legend>
          {(
            [
              ['none', 'None'],
              ['password', 'Password (AES-256)'],
              ['pdfa', 'PDF/A for archiving (cannot be encrypted)'],
            ] as [Protection, string][]
          ).map(([p, label]) => (
            <label key={p} class="radio">
              <input type="radio" name="protection" checked={form.protection === p} onChange={() => set({ protection: p })} data-testid={`report-protection-${p}`} />
              <span>{label}</span>
            </label>
          ))}
          {form.protection === 'password' && (
            <div class="field">
              <label class="field-label" for="report-password">
                Password
              </label>
              <input
                id="report-password"
                class={`input${problem ? ' is-invalid' : ''}`}
                type="password"
                autocomplete="new-password"
                value={form.password}
                onInput={(e) => set({ password: e.currentTarget.value })}
                aria-invalid={problem !== null}
                aria-describedby="report-password-help"
                data-testid="report-password"
              />
              <p id="report-password-help" class={`field-help${problem ? ' field-error' : ''}`}>
                {problem ?? 'Share it with the client by another channel than the file.'}
              </p>
            </div>
          )}
        </fieldset>
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={busy !== null || problem !== null} aria-busy={busy === 'pdf'} data-testid="export-pdf">
            {busy === 'pdf' ? 'Rendering PDF…' : 'Download PDF report'}
          </button>
        </div>
      </form>
      <section class="card form-card" aria-labelledby="data-title">
        <h2 id="data-title" class="section-title">
          Findings as data
        </h2>
        <label class="checkbox">
          <input type="checkbox" checked={redactData} onChange={(e) => setRedactData(e.currentTarget.checked)} data-testid="export-redact" />
          <span>Redact account IDs, ARNs and addresses in these files too</span>
        </label>
        <ul class="export-list">
          {DATA_FORMATS.map(({ format, label, help }) => (
            <li key={format}>
              <button type="button" class="button button-secondary" onClick={() => data(format)} disabled={busy !== null} aria-busy={busy === format} data-testid={`export-${format}`}>
                {busy === format ? 'Exporting…' : `Download ${label}`}
              </button>
              <span class="muted">{help}</span>
            </li>
          ))}
        </ul>
        {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
        {done && (
          <p class="banner banner-ok" role="status" data-testid="export-done">
            Saved {done} to your downloads.
          </p>
        )}
      </section>
    </div>
  );
}
