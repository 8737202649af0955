/**
 * What the internet can reach: every port a security group opens to the whole internet, per
 * resource, with each network layer's verdict. A port is exposed only when every layer lets the
 * traffic through; a layer that could not be read makes it unknown, never safe.
 */
import type { ExposureRow, Tri } from '../../../shared/model/views.ts';
import { heading, paragraph, unavailable, type Ctx } from './layout.ts';
import { compareText, naturalCompare, type ReportModel } from './model.ts';
import { formatCount, safeLine } from './sanitize.ts';
import { drawTable, type Cell } from './table.ts';
import { COLOR, CONTENT_WIDTH, SECTION, SEVERITY_COLOR, STATUS_COLOR, TYPE } from './theme.ts';

const MAX_ROWS = 300;
const RANK: Readonly<Record<Tri, number>> = { yes: 0, unknown: 1, no: 2 };
const VERDICT: Readonly<Record<Tri, Cell>> = {
  yes: { text: 'Exposed', color: STATUS_COLOR.FAIL, bold: true },
  unknown: { text: 'Unknown', color: SEVERITY_COLOR.medium, bold: true },
  no: { text: 'Not reachable', color: STATUS_COLOR.PASS },
};

const ports = (r: ExposureRow): string => (r.fromPort === r.toPort ? String(r.fromPort) : r.fromPort === 0 && r.toPort === 65535 ? 'all' : `${r.fromPort}-${r.toPort}`);
const layer = (verdict: string, text: string): Cell => ({
  text: verdict === 'allow' || verdict === 'yes' ? 'lets in' : verdict === 'deny' || verdict === 'no' ? 'blocks' : 'unknown',
  color: verdict === 'deny' || verdict === 'no' ? STATUS_COLOR.PASS : verdict === 'unknown' ? COLOR.faint : COLOR.ink,
  note: safeLine(text, 120, '') || undefined,
});

export function drawExposure(ctx: Ctx, model: ReportModel, outline: PDFKit.PDFOutline): void {
  heading(ctx, SECTION.exposure, outline, 2, 'exposure');
  const part = model.exposure;
  if (!part?.available) return unavailable(ctx, 'The internet exposure table', part ? part.reason : 'it was not part of this report\u2019s input.');
  const rows = [...part.value.rows].sort(
    (a, b) => RANK[a.exposed] - RANK[b.exposed] || Number(a.authorized) - Number(b.authorized) || naturalCompare(a.region, b.region) || naturalCompare(a.resourceId, b.resourceId) || a.fromPort - b.fromPort || compareText(a.protocol, b.protocol) || compareText(a.family, b.family),
  );
  const exposed = rows.filter((r) => r.exposed === 'yes');
  paragraph(
    ctx,
    `${formatCount(rows.length)} world-open port range${rows.length === 1 ? '' : 's'} on instances and databases; ${formatCount(exposed.length)} reachable from the internet ` +
      `(${formatCount(exposed.filter((r) => !r.authorized).length)} of them on ports the client has not authorised). A range is reachable only when the security group, ` +
      'the subnet\u2019s network ACL, a public address and a route to an internet gateway all let traffic in.',
    { size: 8.5 },
  );
  if (rows.length) {
    const shown = rows.slice(0, MAX_ROWS);
    drawTable(
      ctx,
      [
        { title: 'Resource', width: 96 },
        { title: 'Port', width: 52 },
        { title: 'Opened by', width: 84 },
        { title: 'Network ACL', width: 60 },
        { title: 'Public address', width: 58 },
        { title: 'Internet route', width: 60 },
        { title: 'Verdict', width: CONTENT_WIDTH - 96 - 52 - 84 - 60 - 58 - 60 },
      ],
      shown.map((r) => [
        { text: safeLine(r.resourceId, 60), bold: true, note: `${r.resourceType === 'rds-db-instance' ? 'RDS' : 'EC2'} · ${safeLine(r.region, 20)}` },
        { text: `${r.protocol.toUpperCase()} ${ports(r)}`, note: `${r.family === 'ipv6' ? 'IPv6' : 'IPv4'}${r.authorized ? ' · authorised' : ''}` },
        safeLine(r.openedBy.map((o) => `${o.groupName || o.groupId} (${o.rule})`).join('; '), 200),
        layer(r.nacl.verdict, r.nacl.text),
        layer(r.publicAddress.verdict, r.publicAddress.text),
        layer(r.internetRoute.verdict, r.internetRoute.text),
        r.exposed === 'yes' && r.authorized ? { ...VERDICT.yes, text: 'Exposed (authorised)', color: SEVERITY_COLOR.medium } : VERDICT[r.exposed],
      ]),
      undefined,
      { size: TYPE.small - 0.5, padY: 3.5 },
    );
    ctx.y += 8;
    if (rows.length > shown.length) paragraph(ctx, `${formatCount(rows.length - shown.length)} more rows (all not reachable or unknown) are not listed.`, { size: 8, color: COLOR.muted });
  }
  if (part.value.notAssessed.length) {
    paragraph(
      ctx,
      `Not assessed: ${part.value.notAssessed.map((n) => `${safeLine(n.region, 20)} (${safeLine(n.call, 60)}: ${safeLine(n.code, 40)})`).join('; ')}.`,
      { size: 8, color: COLOR.muted },
    );
  }
}
