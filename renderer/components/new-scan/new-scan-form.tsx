import { useEffect, useState } from 'preact/hooks';
import { AREA_TITLES, AREAS, type Area } from '../../../shared/model/area.ts';
import type { DoctorReport } from '../../../shared/model/coverage.ts';
import { errorMessage } from '../../bridge.ts';
import { useBridge } from '../../bridge-context.ts';
import { ssoLoginCommand } from '../../aws-guidance.ts';
import { parseRegionList } from '../../regions.ts';
import { navigate } from '../../route.ts';
import type { SkippedAccount } from '../../../shared/api.ts';
import { DEFAULT_ENGAGEMENT_ID, rememberScanEngagement } from '../../scan-engagement.ts';
import { useCall } from '../../use-call.ts';
import { ErrorBanner } from '../common/error-banner.tsx';
import { ExternalLink } from '../common/external-link.tsx';
import { DoctorPanel } from './doctor-panel.tsx';
import { EngagementSelect } from './engagement-select.tsx';
import { NoProfiles } from './no-profiles.tsx';
import { OrgResult, OrgScope, orgAccounts, type OrgForm } from './org-scope.tsx';
import { ProfilePicker } from './profile-picker.tsx';
import { RegionPicker } from './region-picker.tsx';
import { SsoGuidance } from './sso-guidance.tsx';

type Problem = { kind: 'start' | 'doctor'; message: string };

export function NewScanForm() {
  const bridge = useBridge();
  const profiles = useCall('profiles:list', {});
  const [engagementId, setEngagementId] = useState(DEFAULT_ENGAGEMENT_ID);
  const [profile, setProfile] = useState('');
  const [regionMode, setRegionMode] = useState<'all' | 'some'>('all');
  const [picked, setPicked] = useState<string[]>([]);
  const [otherText, setOtherText] = useState('');
  const [areas, setAreas] = useState<Area[]>([...AREAS]);
  const [busy, setBusy] = useState<'start' | 'doctor' | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [doctor, setDoctor] = useState<{ report: DoctorReport; policy: string | null } | null>(null);
  const [org, setOrg] = useState<OrgForm>({ enabled: false, role: '', externalId: '', accounts: '' });
  const [orgResult, setOrgResult] = useState<{ scanIds: string[]; skipped: SkippedAccount[] } | null>(null);

  useEffect(() => {
    const list = profiles.data;
    // A profile marked unusable is never picked for the user.
    const usable = list?.filter((p) => !p.problem) ?? [];
    if (usable.length > 0 && !usable.some((p) => p.name === profile)) setProfile((usable.find((p) => p.name === 'default') ?? usable[0]!).name);
  }, [profiles.data, profile]);
  useEffect(() => setDoctor(null), [profile, areas.join()]);

  const other = parseRegionList(otherText);
  const regions: string[] | 'all' | null = regionMode === 'all' ? 'all' : other === null ? null : [...new Set([...picked, ...other])];
  const regionsOk = regions === 'all' || (regions !== null && regions.length > 0);
  const orgOk = !org.enabled || (org.role.trim() !== '' && orgAccounts(org.accounts) !== null);
  const canStart = profile !== '' && regionsOk && areas.length > 0 && orgOk && busy === null;
  const sso = problem ? ssoLoginCommand(problem.message) : null;

  function chooseMode(mode: 'all' | 'some'): void {
    setRegionMode(mode);
    const home = profiles.data?.find((p) => p.name === profile)?.region;
    if (mode === 'some' && picked.length === 0 && home) setPicked([home]);
  }

  async function runDoctor(): Promise<void> {
    setBusy('doctor');
    setProblem(null);
    try {
      const [report, policy] = await Promise.all([bridge.invoke('doctor:run', { profile, areas }), bridge.invoke('policy:get', { areas }).catch(() => null)]);
      setDoctor({ report, policy: policy ? JSON.stringify(policy, null, 2) : null });
    } catch (err) {
      setProblem({ kind: 'doctor', message: errorMessage(err) });
    } finally {
      setBusy(null);
    }
  }

  async function start(event?: Event): Promise<void> {
    event?.preventDefault();
    if (!canStart || regions === null) return;
    setBusy('start');
    setProblem(null);
    const chosen = engagementId !== DEFAULT_ENGAGEMENT_ID ? { engagementId } : {};
    try {
      if (org.enabled) {
        const accounts = orgAccounts(org.accounts) ?? [];
        const started = await bridge.invoke('org:scan', {
          profile,
          role: org.role.trim(),
          regions,
          areas,
          ...chosen,
          ...(org.externalId.trim() ? { externalId: org.externalId.trim() } : {}),
          ...(accounts.length ? { accounts } : {}),
        });
        for (const id of started.scanIds) rememberScanEngagement(id, started.engagementId);
        setOrgResult({ scanIds: started.scanIds, skipped: started.skipped });
        setBusy(null);
        return;
      }
      // Calls in flight come from the saved settings, which the core applies itself.
      const req = { profile, regions, areas, ...chosen };
      const { scanId } = await bridge.invoke('scan:start', req);
      rememberScanEngagement(scanId, engagementId);
      navigate({ name: 'scan', scanId, tab: 'overview', params: {} });
    } catch (err) {
      setProblem({ kind: 'start', message: errorMessage(err) });
      setBusy(null);
    }
  }

  return (
    <section class="new-scan" aria-labelledby="new-scan-title">
      <div class="page-heading">
        <div>
          <h1 id="new-scan-title">New scan</h1>
          <p class="muted">
            Leasehold makes read-only API calls. A role with the{' '}
            <ExternalLink href="https://docs.aws.amazon.com/aws-managed-policy/latest/reference/SecurityAudit.html">SecurityAudit managed policy</ExternalLink> is enough.
          </p>
        </div>
      </div>
      <form class="card form-card" onSubmit={start} noValidate data-testid="new-scan-form">
        {problem && sso && <SsoGuidance command={sso} message={problem.message} onRetry={() => (problem.kind === 'start' ? void start() : void runDoctor())} />}
        {problem && !sso && (
          <ErrorBanner message={`${problem.kind === 'start' ? 'The scan could not start' : 'The access check failed'}: ${problem.message}`} onDismiss={() => setProblem(null)} />
        )}
        <EngagementSelect value={engagementId} onChange={setEngagementId} />
        <fieldset class="fieldset">
          <legend class="legend">AWS profile</legend>
          {profiles.error && <ErrorBanner message={`Could not read the AWS profiles: ${profiles.error}`} onRetry={profiles.reload} />}
          {profiles.loading && !profiles.data && (
            <p class="muted" role="status">
              Reading AWS configuration…
            </p>
          )}
          {profiles.data && profiles.data.length === 0 && <NoProfiles onReload={profiles.reload} />}
          {profiles.data && profiles.data.length > 0 && <ProfilePicker profiles={profiles.data} selected={profile} onSelect={setProfile} />}
          {profile && (
            <div class="doctor-row">
              <button type="button" class="button button-secondary" onClick={runDoctor} disabled={busy !== null} data-testid="run-doctor">
                {busy === 'doctor' ? 'Checking access…' : 'Check access first'}
              </button>
              <span class="muted">Signs in and probes each permission the chosen areas need, without scanning.</span>
            </div>
          )}
          {doctor && <DoctorPanel report={doctor.report} policy={doctor.policy} />}
        </fieldset>

        <OrgScope form={org} onChange={(patch) => setOrg((o) => ({ ...o, ...patch }))} />
        <RegionPicker mode={regionMode} selected={picked} other={otherText} otherValid={other !== null} onMode={chooseMode} onSelected={setPicked} onOther={setOtherText} />
        {regionMode === 'some' && regions !== null && regions.length === 0 && <p class="field-help field-error">Choose at least one region.</p>}

        <fieldset class="fieldset">
          <legend class="legend">Areas</legend>
          <div class="checkbox-grid">
            {AREAS.map((area) => (
              <label key={area} class="checkbox">
                <input
                  type="checkbox"
                  checked={areas.includes(area)}
                  onChange={(e) => setAreas((current) => AREAS.filter((a) => (a === area ? e.currentTarget.checked : current.includes(a))))}
                  data-testid={`area-checkbox-${area}`}
                />
                <span>{AREA_TITLES[area]}</span>
              </label>
            ))}
          </div>
          {areas.length === 0 && <p class="field-help field-error">Choose at least one area.</p>}
        </fieldset>

        {orgResult && <OrgResult scanIds={orgResult.scanIds} skipped={orgResult.skipped} />}
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={!canStart} data-testid="start-scan">
            {busy === 'start' ? 'Starting…' : org.enabled ? 'Scan the organization' : 'Start scan'}
          </button>
          <a class="button button-ghost" href="#/" data-testid="new-scan-cancel">
            Cancel
          </a>
        </div>
      </form>
    </section>
  );
}
