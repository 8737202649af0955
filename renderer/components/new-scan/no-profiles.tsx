/** No profile in the AWS configuration files: how to add one. */
export function NoProfiles({ onReload }: { onReload(): void }) {
  return (
    <div class="empty-state" data-testid="no-profiles">
      <p>No AWS profiles found.</p>
      <p class="muted">
        Add a profile to <span class="mono">~/.aws/config</span> (or the file named by <span class="mono">AWS_CONFIG_FILE</span>), for example with{' '}
        <span class="mono">aws configure --profile audit</span> or <span class="mono">aws configure sso</span>, then reload the list.
      </p>
      <button type="button" class="button button-secondary button-small" onClick={onReload} data-testid="profiles-reload">
        Reload profiles
      </button>
    </div>
  );
}
