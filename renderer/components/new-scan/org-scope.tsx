import type { SkippedAccount } from '../../../shared/api.ts';
import { scanHref } from '../../route.ts';

export interface OrgForm {
  enabled: boolean;
  role: string;
  externalId: string;
  accounts: string;
}

const ACCOUNT_LIST = /^\s*(\d{12}(\s*[,\s]\s*\d{12})*)?\s*$/;

export function orgAccounts(text: string): string[] | null {
  if (!ACCOUNT_LIST.test(text)) return null;
  return text.split(/[\s,]+/).filter(Boolean);
}

/** This account only, or every account of the organization through a role assumed in each. */
export function OrgScope({ form, onChange }: { form: OrgForm; onChange(patch: Partial<OrgForm>): void }) {
  const accounts = orgAccounts(form.accounts);
  return (
    <fieldset class="fieldset">
      <legend class="legend">Accounts</legend>
      <label class="radio">
        <input type="radio" name="scope" checked={!form.enabled} onChange={() => onChange({ enabled: false })} data-testid="scope-account" />
        <span>The profile's account</span>
      </label>
      <label class="radio">
        <input type="radio" name="scope" checked={form.enabled} onChange={() => onChange({ enabled: true })} data-testid="scope-organization" />
        <span>
          Every account of its AWS Organization <span class="muted">(from the management or a delegated administrator account)</span>
        </span>
      </label>
      {form.enabled && (
        <div class="region-choice">
          <div class="field-row">
            <div class="field">
              <label class="field-label" for="org-role">
                Role to assume in each account
              </label>
              <input id="org-role" class="input" value={form.role} placeholder="e.g. LeaseholdAudit" onInput={(e) => onChange({ role: e.currentTarget.value })} spellcheck={false} data-testid="org-role" />
            </div>
            <div class="field">
              <label class="field-label" for="org-external-id">
                External ID (optional)
              </label>
              <input id="org-external-id" class="input" value={form.externalId} onInput={(e) => onChange({ externalId: e.currentTarget.value })} spellcheck={false} autocomplete="off" data-testid="org-external-id" />
            </div>
          </div>
          <div class="field">
            <label class="field-label" for="org-accounts">
              Only these accounts (optional)
            </label>
            <input
              id="org-accounts"
              class={`input${accounts === null ? ' is-invalid' : ''}`}
              value={form.accounts}
              onInput={(e) => onChange({ accounts: e.currentTarget.value })}
              aria-invalid={accounts === null}
              aria-describedby="org-accounts-help"
              inputMode="numeric"
              data-testid="org-accounts"
            />
            <p id="org-accounts-help" class={`field-help${accounts === null ? ' field-error' : ''}`}>
              {accounts === null ? 'Twelve-digit account IDs, separated by commas.' : 'Empty scans every active account. Each account becomes its own scan, in one engagement.'}
            </p>
          </div>
        </div>
      )}
    </fieldset>
  );
}

/** What an organization scan started, and which accounts it could not, with the reason for each. */
export function OrgResult({ scanIds, skipped }: { scanIds: string[]; skipped: SkippedAccount[] }) {
  return (
    <div class="banner banner-info org-result" role="status" data-testid="org-result">
      <div class="banner-text">
        <p>
          <strong>
            Started {scanIds.length} {scanIds.length === 1 ? 'scan' : 'scans'}.
          </strong>{' '}
          They run a few at a time; follow them on the <a href="#/">scans page</a>.
        </p>
        {scanIds.length > 0 && (
          <ul class="plain-list">
            {scanIds.map((id) => (
              <li key={id}>
                <a href={scanHref(id)}>Scan {id}</a>
              </li>
            ))}
          </ul>
        )}
        {skipped.length > 0 && (
          <>
            <p>Not scanned:</p>
            <ul class="plain-list" data-testid="org-skipped">
              {skipped.map((s) => (
                <li key={s.accountId}>
                  <span class="mono">{s.accountId}</span>: {s.reason}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
