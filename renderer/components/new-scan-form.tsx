import { useEffect, useState } from 'preact/hooks';
import { AREA_TITLES, AREAS, type Area } from '../../shared/model/area.ts';
import { errorMessage } from '../bridge.ts';
import { useBridge } from '../bridge-context.ts';
import { navigate } from '../route.ts';
import { useCall } from '../use-call.ts';
import { ErrorBanner } from './error-banner.tsx';
import { ProfilePicker } from './profile-picker.tsx';

const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** "all", or region names separated by commas or spaces; null when a name is not a region. */
export function parseRegions(text: string): string[] | 'all' | null {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '' || trimmed === 'all') return 'all';
  const names = [...new Set(trimmed.split(/[\s,]+/).filter(Boolean))];
  return names.every((n) => REGION_PATTERN.test(n)) ? names : null;
}

export function NewScanForm() {
  const bridge = useBridge();
  const profiles = useCall('profiles:list', {});
  const [profile, setProfile] = useState('');
  const [regionsText, setRegionsText] = useState('all');
  const [areas, setAreas] = useState<Area[]>([...AREAS]);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const list = profiles.data;
    if (list && list.length > 0 && !list.some((p) => p.name === profile)) {
      setProfile((list.find((p) => p.name === 'default') ?? list[0]!).name);
    }
  }, [profiles.data, profile]);

  const regions = parseRegions(regionsText);
  const canStart = profile !== '' && regions !== null && areas.length > 0 && !starting;

  function toggleArea(area: Area, on: boolean): void {
    setAreas((current) => AREAS.filter((a) => (a === area ? on : current.includes(a))));
  }

  async function start(event: Event): Promise<void> {
    event.preventDefault();
    if (!canStart || regions === null) return;
    setStarting(true);
    setError(null);
    try {
      const { scanId } = await bridge.invoke('scan:start', { profile, regions, areas });
      navigate({ name: 'scan', scanId });
    } catch (err) {
      setError(errorMessage(err));
      setStarting(false);
    }
  }

  return (
    <section class="new-scan" aria-labelledby="new-scan-title">
      <div class="page-heading">
        <div>
          <h1 id="new-scan-title">New scan</h1>
          <p class="muted">Leasehold makes read-only API calls. A role with the SecurityAudit managed policy is enough.</p>
        </div>
      </div>
      <form class="card form-card" onSubmit={start} noValidate data-testid="new-scan-form">
        {error && <ErrorBanner message={`The scan could not start: ${error}`} onDismiss={() => setError(null)} />}
        <fieldset class="fieldset">
          <legend class="legend">AWS profile</legend>
          {profiles.error && <ErrorBanner message={`Could not read the AWS profiles: ${profiles.error}`} onRetry={profiles.reload} />}
          {profiles.loading && !profiles.data && (
            <p class="muted" role="status">
              Reading AWS configuration…
            </p>
          )}
          {profiles.data && profiles.data.length === 0 && (
            <div class="empty-state" data-testid="no-profiles">
              <p>No AWS profiles found.</p>
              <p class="muted">
                Add a profile to <span class="mono">~/.aws/config</span> (or the file named by{' '}
                <span class="mono">AWS_CONFIG_FILE</span>), for example with <span class="mono">aws configure --profile audit</span>,
                then reload the list.
              </p>
              <button type="button" class="button button-secondary button-small" onClick={profiles.reload} data-testid="profiles-reload">
                Reload profiles
              </button>
            </div>
          )}
          {profiles.data && profiles.data.length > 0 && <ProfilePicker profiles={profiles.data} selected={profile} onSelect={setProfile} />}
        </fieldset>

        <div class="field">
          <label class="field-label" for="regions">
            Regions
          </label>
          <input
            id="regions"
            class={`input${regions === null ? ' is-invalid' : ''}`}
            type="text"
            value={regionsText}
            onInput={(e) => setRegionsText(e.currentTarget.value)}
            aria-describedby="regions-help"
            aria-invalid={regions === null}
            autocomplete="off"
            spellcheck={false}
            data-testid="regions-input"
          />
          <p id="regions-help" class={`field-help${regions === null ? ' field-error' : ''}`}>
            {regions === null
              ? 'Use region names such as eu-west-1, separated by commas, or "all".'
              : '"all" scans every region enabled in the account, or list regions: eu-west-1, us-east-1.'}
          </p>
        </div>

        <fieldset class="fieldset">
          <legend class="legend">Areas</legend>
          <div class="checkbox-grid">
            {AREAS.map((area) => (
              <label key={area} class="checkbox">
                <input type="checkbox" checked={areas.includes(area)} onChange={(e) => toggleArea(area, e.currentTarget.checked)} data-testid={`area-checkbox-${area}`} />
                <span>{AREA_TITLES[area]}</span>
              </label>
            ))}
          </div>
          {areas.length === 0 && <p class="field-help field-error">Choose at least one area.</p>}
        </fieldset>

        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={!canStart} data-testid="start-scan">
            {starting ? 'Starting…' : 'Start scan'}
          </button>
          <a class="button button-ghost" href="#/" data-testid="new-scan-cancel">
            Cancel
          </a>
        </div>
      </form>
    </section>
  );
}
