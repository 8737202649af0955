import { DEFAULT_ENGAGEMENT_ID } from '../../scan-engagement.ts';
import { useCall } from '../../use-call.ts';

/** Which client the scan is for; "Unassigned" keeps it in the default engagement. */
export function EngagementSelect({ value, onChange }: { value: string; onChange(id: string): void }) {
  const list = useCall('engagements:list', {});
  const options = (list.data ?? []).filter((e) => e.id !== DEFAULT_ENGAGEMENT_ID && e.id !== 'demo');
  return (
    <div class="field">
      <label class="field-label" for="scan-engagement">
        Engagement
      </label>
      <select id="scan-engagement" class="select" value={value} onChange={(e) => onChange(e.currentTarget.value)} aria-describedby="scan-engagement-help" data-testid="scan-engagement">
        <option value={DEFAULT_ENGAGEMENT_ID}>Unassigned</option>
        {options.map((e) => (
          <option key={e.id} value={e.id}>
            {e.client}
          </option>
        ))}
      </select>
      <p id="scan-engagement-help" class="field-help">
        The engagement's authorized ports, accepted risks and manual answers apply to this scan. <a href="#/engagements">Manage engagements</a>
      </p>
    </div>
  );
}
