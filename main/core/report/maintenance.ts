/**
 * Patching and maintenance per instance: one row per live EC2 instance with what says whether it
 * is kept up to date (OS and its support end, Systems Manager, patch compliance, Inspector, AMI).
 * Unknown is printed as unknown, never as a good value.
 */
import type { InstanceMaintenanceRow } from '../../../shared/model/views.ts';
import { heading, paragraph, unavailable, type Ctx } from './layout.ts';
import { naturalCompare, type ReportModel } from './model.ts';
import { formatCount, formatDate, safeLine } from './sanitize.ts';
import { drawTable, type Cell } from './table.ts';
import { COLOR, CONTENT_WIDTH, SECTION, STATUS_COLOR, TYPE } from './theme.ts';

const MAX_ROWS = 400;
const BAD = STATUS_COLOR.FAIL;
const GOOD = STATUS_COLOR.PASS;

const unknown = (): Cell => ({ text: 'unknown', color: COLOR.faint });
const n = (v: number | null): string => (v === null ? '?' : formatCount(v));

export function drawMaintenance(ctx: Ctx, model: ReportModel, outline: PDFKit.PDFOutline): void {
  heading(ctx, SECTION.maintenance, outline, 2, 'maintenance');
  const part = model.maintenance;
  if (!part?.available) return unavailable(ctx, 'The per-instance maintenance table', part ? part.reason : 'it was not part of this report\u2019s input.');
  const rows = [...part.value].sort((a, b) => naturalCompare(a.region, b.region) || naturalCompare(a.name ?? '', b.name ?? '') || naturalCompare(a.instanceId, b.instanceId));
  if (rows.length === 0) {
    paragraph(ctx, 'No running or stopped EC2 instance was found in the regions scanned.');
    return;
  }
  paragraph(
    ctx,
    `${formatCount(rows.length)} instance${rows.length === 1 ? '' : 's'}. Operating system as Systems Manager reports it, else as the launch image's name says; ` +
      'support end from the dated reference data (see the appendix). "unknown" means the data could not be read or AWS did not report it.',
    { size: 8.5 },
  );
  const shown = rows.slice(0, MAX_ROWS);
  drawTable(
    ctx,
    [
      { title: 'Instance', width: 108 },
      { title: 'Operating system', width: 96 },
      { title: 'Systems Manager', width: 66 },
      { title: 'Patches', width: 82 },
      { title: 'Inspector', width: 70 },
      { title: 'Image (AMI)', width: CONTENT_WIDTH - 108 - 96 - 66 - 82 - 70 },
    ],
    shown.map((r) => [instanceCell(r), osCell(r), ssmCell(r), patchCell(r), inspectorCell(r), amiCell(r)]),
    undefined,
    { size: TYPE.small - 0.3, padY: 3.5 },
  );
  ctx.y += 8;
  if (rows.length > shown.length) paragraph(ctx, `${formatCount(rows.length - shown.length)} more instances are not listed here; the UI and the JSON view list them all.`, { size: 8, color: COLOR.muted });
}

function instanceCell(r: InstanceMaintenanceRow): Cell {
  return { text: safeLine(r.name ?? r.instanceId, 60), bold: true, note: `${r.name ? `${safeLine(r.instanceId, 30)} · ` : ''}${safeLine(r.region, 20)}${r.state ? ` · ${safeLine(r.state, 20)}` : ''}` };
}

function osCell(r: InstanceMaintenanceRow): Cell {
  if (!r.platformName) return unknown();
  const name = safeLine(`${r.platformName}${r.platformVersion && !r.platformName.includes(r.platformVersion) ? ` ${r.platformVersion}` : ''}`, 60);
  const end = r.osEndOfSupport ? `${r.osEndOfLife ? 'support ended' : 'supported until'} ${formatDate(r.osEndOfSupport)}` : 'support end unknown';
  return { text: name, note: `${end}${r.platformSource === 'ami' ? ' · from image name' : ''}`, color: r.osEndOfLife ? BAD : COLOR.ink, bold: r.osEndOfLife === true };
}

function ssmCell(r: InstanceMaintenanceRow): Cell {
  if (r.ssmManaged === null) return unknown();
  if (!r.ssmManaged) return { text: 'Not managed', color: BAD, bold: true };
  const agent = r.ssmAgentLatest === false ? 'agent outdated' : r.ssmAgentLatest ? 'agent current' : 'agent ?';
  return { text: safeLine(r.ssmPingStatus ?? 'Managed', 20), color: r.ssmPingStatus === 'Online' ? GOOD : BAD, note: agent };
}

function patchCell(r: InstanceMaintenanceRow): Cell {
  if (r.patchMissing === null && r.patchFailed === null) return r.ssmManaged ? { text: 'no patch data', color: COLOR.faint } : unknown();
  const missing = r.patchMissing ?? 0;
  const failed = r.patchFailed ?? 0;
  const ok = missing === 0 && failed === 0 && (r.patchCriticalNonCompliant ?? 0) === 0;
  return {
    text: ok ? 'Compliant' : `${n(r.patchMissing)} missing, ${n(r.patchFailed)} failed`,
    color: ok ? GOOD : BAD,
    bold: !ok,
    note: `critical ${n(r.patchCriticalNonCompliant)} · security ${n(r.patchSecurityNonCompliant)}${r.patchLastOperationEnd ? ` · ${formatDate(r.patchLastOperationEnd)}` : ''}`,
  };
}

function inspectorCell(r: InstanceMaintenanceRow): Cell {
  if (r.inspectorScanStatus === null) return { text: 'not scanned', color: COLOR.faint };
  if (r.inspectorCritical === null) return { text: safeLine(r.inspectorScanStatus, 20), color: COLOR.muted };
  const bad = (r.inspectorCritical ?? 0) + (r.inspectorHigh ?? 0) > 0;
  return {
    text: `C ${n(r.inspectorCritical)} · H ${n(r.inspectorHigh)}`,
    color: bad ? BAD : GOOD,
    bold: bad,
    note: `M ${n(r.inspectorMedium)} · L ${n(r.inspectorLow)} · fix ${n(r.inspectorFixAvailable)}`,
  };
}

function amiCell(r: InstanceMaintenanceRow): Cell {
  if (r.amiAgeDays === null && r.amiDeprecated === null) return r.amiId ? { text: safeLine(r.amiId, 30), color: COLOR.muted, note: 'not readable' } : unknown();
  const age = r.amiAgeDays === null ? 'age ?' : `${formatCount(r.amiAgeDays)} days old`;
  return { text: age, color: r.amiDeprecated ? BAD : COLOR.ink, bold: r.amiDeprecated === true, note: r.amiDeprecated ? 'deprecated' : r.imdsv2Required === false ? 'IMDSv1 allowed' : undefined };
}
