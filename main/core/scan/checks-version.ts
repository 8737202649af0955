import { createHash } from 'node:crypto';
import { CHECKS } from '../checks/index.ts';

/** A short fingerprint of the check catalogue, stored with each scan's results. */
export const CHECKS_VERSION = createHash('sha256')
  .update(JSON.stringify(CHECKS.map((c) => [c.meta.id, c.meta.severity, c.needs])))
  .digest('hex')
  .slice(0, 12);
