import { randomBytes } from 'node:crypto';

/** Readable, sortable scan ids: 20261129-101700-3fa2. */
export function newScanId(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}
