/**
 * Which engagement a scan belongs to. The contract's ScanSummary does not carry it yet, so until
 * it does: scans started from this UI are remembered here when they start, the demo scan belongs
 * to the demo engagement, and anything else to the core's default ("Unassigned") engagement.
 */
import type { ScanSummary } from '../shared/model/scan.ts';

const KEY = 'leasehold:scan-engagements';
export const DEFAULT_ENGAGEMENT_ID = 'default';
export const DEMO_SCAN_ID = 'demo';

function readMap(): Record<string, string> {
  try {
    const value = JSON.parse(window.localStorage.getItem(KEY) ?? '{}') as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function rememberScanEngagement(scanId: string, engagementId: string): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify({ ...readMap(), [scanId]: engagementId }));
  } catch {
    // Without storage the fallback below applies.
  }
}

export function engagementIdOf(scan: Pick<ScanSummary, 'id'> & { engagementId?: string | null }): string {
  if (typeof scan.engagementId === 'string' && scan.engagementId) return scan.engagementId;
  const remembered = readMap()[scan.id];
  if (typeof remembered === 'string' && remembered) return remembered;
  return scan.id === DEMO_SCAN_ID ? 'demo' : DEFAULT_ENGAGEMENT_ID;
}
