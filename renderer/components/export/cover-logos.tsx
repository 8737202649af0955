import type { Engagement } from '../../../shared/model/engagement.ts';
import { logoSrc, logosOf } from '../../logos.ts';

const LABELS = { client: 'Client logo', consultant: 'Consultant logo' } as const;

/** The logos the core puts on the cover: the engagement's, so the request carries none. */
export function CoverLogos({ engagement }: { engagement: Engagement | undefined }) {
  const logos = logosOf(engagement);
  const roles = (['client', 'consultant'] as const).filter((r) => logos[r]);
  return (
    <div class="field" data-testid="report-logos">
      <span class="field-label">Logos on the cover</span>
      {roles.length > 0 ? (
        <div class="logo-row">
          {roles.map((r) => (
            <span key={r} class="logo-preview" title={LABELS[r]}>
              <img src={logoSrc(logos[r])} alt={LABELS[r]} />
            </span>
          ))}
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
