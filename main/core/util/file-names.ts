/**
 * File names built from account data (client names, account labels) are hostile input: keep
 * letters, digits, dot, dash and underscore, collapse the rest, and bound the length.
 */
export function safeFileName(raw: string, maxLength = 100): string {
  const cleaned = raw
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  const bounded = cleaned.slice(0, maxLength).replace(/[-.]+$/, '');
  return bounded === '' ? 'leasehold' : bounded;
}
