/** Shown where a screen needs a call the core does not offer yet. */
export function PendingNotice({ what, call }: { what: string; call: string }) {
  return (
    <div class="card empty-state notice-pending" role="status" data-testid="pending-notice" data-call={call}>
      <p>{what} is not available from this version of the Leasehold core.</p>
      <p class="muted">
        It appears here once the core answers <span class="mono">{call}</span>.
      </p>
    </div>
  );
}
