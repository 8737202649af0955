export function ErrorBanner({ message, onRetry, onDismiss }: { message: string; onRetry?: () => void; onDismiss?: () => void }) {
  return (
    <div class="banner banner-error" role="alert" data-testid="error-banner">
      <svg class="banner-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm-.9 4h1.8v5.2H9.1V6Zm0 6.8h1.8v1.8H9.1v-1.8Z" fill="currentColor" />
      </svg>
      <p class="banner-text" dir="auto">
        {message}
      </p>
      {onRetry && (
        <button type="button" class="button button-small" onClick={onRetry} data-testid="error-retry">
          Retry
        </button>
      )}
      {onDismiss && (
        <button type="button" class="button button-small button-ghost" onClick={onDismiss} aria-label="Dismiss error" data-testid="error-dismiss">
          Dismiss
        </button>
      )}
    </div>
  );
}
