import { THEMES, usePrefs, type Theme } from '../../prefs.ts';
import { DataSection } from './data-section.tsx';
import { ScanSettingsForm } from './scan-settings-form.tsx';

const THEME_LABELS: Record<Theme, string> = { system: 'Follow the system', light: 'Light', dark: 'Dark' };

/** The theme (this window's), the settings shared with the CLI, and where the data lives. */
export function SettingsPage() {
  const [prefs, setPrefs] = usePrefs();

  return (
    <section aria-labelledby="settings-title" data-testid="settings-page">
      <div class="page-heading">
        <div>
          <h1 id="settings-title">Settings</h1>
          <p class="muted">Kept on this machine. The theme is this window’s own; the rest is shared with every window and the command line.</p>
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
          <DataSection />
        </div>
        <ScanSettingsForm />
      </div>
    </section>
  );
}
