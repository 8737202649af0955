import { useState } from 'preact/hooks';
import { formatDate } from '../../format.ts';
import { parsePorts, THEMES, usePrefs, type Theme } from '../../prefs.ts';
import { useCall } from '../../use-call.ts';
import { CopyButton } from '../common/copy-button.tsx';

const THEME_LABELS: Record<Theme, string> = { system: 'Follow the system', light: 'Light', dark: 'Dark' };

/** Preferences kept in this browser profile, and where the data lives (read-only). */
export function SettingsPage() {
  const [prefs, setPrefs] = usePrefs();
  const info = useCall('app:info', {});
  const reference = useCall('app:reference-data', {});
  const [portsText, setPortsText] = useState(prefs.defaultPorts.join(', '));
  const [concurrencyText, setConcurrencyText] = useState(prefs.concurrency ? String(prefs.concurrency) : '');
  const ports = parsePorts(portsText);
  const concurrency = concurrencyText.trim() === '' ? null : Number(concurrencyText);
  const concurrencyOk = concurrency === null || (Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 64);

  return (
    <section aria-labelledby="settings-title" data-testid="settings-page">
      <div class="page-heading">
        <div>
          <h1 id="settings-title">Settings</h1>
          <p class="muted">Kept on this machine, in this app's storage.</p>
        </div>
      </div>
      <div class="settings-grid">
        <div class="settings-column">
          <form class="card form-card" aria-labelledby="appearance-title" onSubmit={(e) => e.preventDefault()}>
            <h2 id="appearance-title" class="section-title">
              Appearance
            </h2>
            <fieldset class="fieldset">
              <legend class="legend">Theme</legend>
              <div class="radio-row">
                {THEMES.map((t) => (
                  <label key={t} class={`radio-pill${prefs.theme === t ? ' is-selected' : ''}`}>
                    <input type="radio" name="theme" checked={prefs.theme === t} onChange={() => setPrefs({ theme: t })} data-testid={`theme-${t}`} />
                    <span>{THEME_LABELS[t]}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          </form>
          <section class="card form-card" aria-labelledby="data-title">
            <h2 id="data-title" class="section-title">
              Data
            </h2>
            <dl class="detail-grid">
              <div class="detail-wide">
                <dt>Data folder</dt>
                <dd class="copy-line">
                  <span class="mono wrap" dir="ltr" data-testid="data-dir">
                    {info.data?.dataDir ?? '…'}
                  </span>
                  {info.data && <CopyButton text={info.data.dataDir} label="Copy the data folder path" />}
                </dd>
              </div>
              <div class="detail-wide">
                <dt>Database</dt>
                <dd class="mono wrap" dir="ltr">
                  {info.data?.dbPath ?? '…'}
                </dd>
              </div>
              <div>
                <dt>Version</dt>
                <dd>{info.data?.version ?? '…'}</dd>
              </div>
            </dl>
            <p class="field-help">Set LEASEHOLD_DB before starting Leasehold to keep the database elsewhere.</p>
            {reference.data && reference.data.length > 0 && (
              <>
                <h3 class="detail-subtitle">Reference data</h3>
                <ul class="plain-list">
                  {reference.data.map((r) => (
                    <li key={r.name}>
                      {r.title} <span class="muted">as of {formatDate(r.asOf)}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </div>

        <form class="card form-card" aria-labelledby="scanning-title" onSubmit={(e) => e.preventDefault()}>
          <h2 id="scanning-title" class="section-title">
            Scans and engagements
          </h2>
          <div class="field">
            <label class="field-label" for="pref-consultant">
              Your name
            </label>
            <input id="pref-consultant" class="input" value={prefs.consultant} onInput={(e) => setPrefs({ consultant: e.currentTarget.value })} autocomplete="name" aria-describedby="pref-consultant-help" data-testid="pref-consultant" />
            <p id="pref-consultant-help" class="field-help">
              Prefilled as the consultant of new engagements and as the approver of accepted risks.
            </p>
          </div>
          <div class="field">
            <label class="field-label" for="pref-concurrency">
              Parallel API calls per scan
            </label>
            <input
              id="pref-concurrency"
              class={`input input-narrow${concurrencyOk ? '' : ' is-invalid'}`}
              inputMode="numeric"
              value={concurrencyText}
              placeholder="Default"
              onInput={(e) => {
                const text = e.currentTarget.value;
                setConcurrencyText(text);
                const n = text.trim() === '' ? null : Number(text);
                if (n === null || (Number.isInteger(n) && n >= 1 && n <= 64)) setPrefs({ concurrency: n });
              }}
              aria-invalid={!concurrencyOk}
              aria-describedby="pref-concurrency-help"
              data-testid="pref-concurrency"
            />
            <p id="pref-concurrency-help" class={`field-help${concurrencyOk ? '' : ' field-error'}`}>
              {concurrencyOk ? 'Lower it when other tools share the account’s API rate limits. Sent with each scan you start; a core that does not take it yet uses its own default.' : 'A whole number from 1 to 64.'}
            </p>
          </div>
          <div class="field">
            <label class="field-label" for="pref-ports">
              Default authorized ports for new engagements
            </label>
            <input
              id="pref-ports"
              class={`input${ports === null ? ' is-invalid' : ''}`}
              value={portsText}
              onInput={(e) => {
                setPortsText(e.currentTarget.value);
                const parsed = parsePorts(e.currentTarget.value);
                if (parsed) setPrefs({ defaultPorts: parsed });
              }}
              aria-invalid={ports === null}
              aria-describedby="pref-ports-help"
              data-testid="pref-ports"
            />
            <p id="pref-ports-help" class={`field-help${ports === null ? ' field-error' : ''}`}>
              {ports === null ? 'Port numbers from 0 to 65535, separated by commas.' : 'Each engagement keeps its own list; this is where new ones start.'}
            </p>
          </div>
        </form>

      </div>
    </section>
  );
}
