import type { EngagementSummary } from '../../../shared/model/engagement.ts';
import { LOGO_ROLES, logoSrc, logosOf } from '../../logos.ts';
import { useCall } from '../../use-call.ts';

const LABELS = { client: 'Client logo', consultant: 'Consultant logo' } as const;

/** The logos the core puts on the cover: the engagement's, so the request carries none. */
export function CoverLogos({ engagement }: { engagement: EngagementSummary | undefined }) {
  const kept = engagement?.settings.logos;
  // The list only says which logos there are; the images come with the engagement itself, asked
  // for again whenever the list reports other logos.
  const full = useCall('engagements:get', engagement && kept ? { id: engagement.id } : null, kept ?? null);
  const images = full.data && full.data.id === engagement?.id ? logosOf(full.data) : {};
  const roles = LOGO_ROLES.filter((r) => kept?.[r]);
  return (
    <div class="field" data-testid="report-logos">
      <span class="field-label">Logos on the cover</span>
      {roles.length > 0 ? (
        <div class="logo-row">
          {roles.map((r) => {
            const src = logoSrc(images[r]);
            // The frame is there at once; the image fills it when it arrives.
            return (
              <span key={r} class="logo-preview" title={LABELS[r]}>
                {src && <img src={src} alt={LABELS[r]} />}
              </span>
            );
          })}
          <span class="field-help">
            From the engagement; change them under <a href="#/engagements">Engagements</a>.
          </span>
        </div>
      ) : (
        <p class="field-help">
          None. Add the client’s and your own logo to the engagement under <a href="#/engagements">Engagements</a>.
        </p>
      )}
    </div>
  );
}
