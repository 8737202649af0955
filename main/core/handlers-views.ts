/** Views computed on demand from a stored snapshot: maintenance, exposure, responsibility, Security Hub. */
import type { Handlers } from './api.ts';
import { ApiFailure } from './api.ts';
import { partitionOf } from './aws/partition.ts';
import { Snapshot } from './engine/snapshot.ts';
import { exposureView } from './exposure/view.ts';
import type { HandlerDeps } from './handlers.ts';
import { referenceDataVersions } from './maintenance/eol.ts';
import { maintenanceView } from './maintenance/view.ts';
import { responsibilityMatrix } from './responsibility/matrix.ts';
import { importSecurityHub } from './securityhub/import.ts';
import { authorizedPortsOf } from './store/engagements.ts';
import { listFindings } from './store/findings.ts';
import type { Db } from './store/open.ts';
import { getScan } from './store/scans.ts';
import { readRecords } from './store/snapshot.ts';

/** A stored scan's snapshot, as its checks saw it. */
export function loadSnapshot(db: Db, scanId: string): Snapshot {
  const scan = getScan(db, scanId);
  if (!scan) throw new ApiFailure('not-found', `No scan with id "${scanId.slice(0, 60)}".`);
  const partition = scan.callerArn.split(':')[1] || partitionOf(scan.regions[0] ?? 'us-east-1');
  return new Snapshot({ accountId: scan.accountId, partition, regions: scan.regions }, readRecords(db, scanId));
}


type ViewNames = 'scans:maintenance' | 'scans:exposure' | 'scans:responsibility' | 'scans:securityhub' | 'app:reference-data';

export function viewHandlers(deps: HandlerDeps, resolveScanId: (id: unknown) => string): Pick<Handlers, ViewNames> {
  return {
    'scans:maintenance': async (req) => maintenanceView(loadSnapshot(deps.db, resolveScanId(req.scanId))),
    'scans:exposure': async (req) => {
      const id = resolveScanId(req.scanId);
      return exposureView(loadSnapshot(deps.db, id), authorizedPortsOf(deps.db, id));
    },
    'scans:responsibility': async (req) => responsibilityMatrix(loadSnapshot(deps.db, resolveScanId(req.scanId))),
    'scans:securityhub': async (req) => {
      const id = resolveScanId(req.scanId);
      return importSecurityHub(loadSnapshot(deps.db, id), listFindings(deps.db, id));
    },
    'app:reference-data': async () => referenceDataVersions(),
  };
}
