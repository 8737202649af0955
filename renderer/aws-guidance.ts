/**
 * The one-line SSO error from the core names the command that fixes it (`aws sso login --profile
 * X`); the UI shows that command ready to copy. Null when the message is about something else.
 */
export function ssoLoginCommand(message: string, profile?: string): string | null {
  const match = /aws sso login(?: --profile ([^\s`'"]+))?/.exec(message);
  if (!match) return null;
  const name = match[1] ?? profile;
  return `aws sso login${name ? ` --profile ${name}` : ''}`;
}
