import { CopyButton } from '../common/copy-button.tsx';
import { UserText } from '../common/user-text.tsx';

/** An expired or missing SSO session: the command that fixes it, ready to copy, and a way to retry. */
export function SsoGuidance({ command, message, onRetry }: { command: string; message: string; onRetry(): void }) {
  return (
    <div class="banner banner-guidance" role="alert" data-testid="sso-guidance">
      <div class="banner-text">
        <p>
          <strong>Sign in to AWS IAM Identity Center first.</strong> <UserText text={message} />
        </p>
        <p>Run this in a terminal, finish the sign-in in your browser, then try again:</p>
        <div class="command-line">
          <code class="mono" data-testid="sso-command">
            {command}
          </code>
          <CopyButton text={command} label="Copy the sign-in command" testId="sso-copy" />
        </div>
      </div>
      <button type="button" class="button button-small button-secondary" onClick={onRetry} data-testid="sso-retry">
        Try again
      </button>
    </div>
  );
}
