/**
 * "Who secures what in this account": the Shared Responsibility Model drawn as vector diagrams,
 * tailored to the services the scan found in use (the responsibility matrix), then the matrix
 * itself. Without the matrix the generic model is drawn and a note says what is missing.
 */
import { AREA_TITLES, type Area } from '../../../shared/model/area.ts';
import { SERVICE_MODEL_TITLES, type ResponsibilityMatrix, type ServiceModel } from '../../../shared/model/responsibility.ts';
import { ensureSpace, figure, heading, measure, openSection, paragraph, subheading, unavailable, write, type Ctx } from './layout.ts';
import type { ReportModel } from './model.ts';
import { areaStatuses, POSTURE_COLOR, POSTURE_LABEL, type AreaStatus } from './posture.ts';
import { formatCount, safeLine } from './sanitize.ts';
import { drawTable } from './table.ts';
import { COLOR, CONTENT_WIDTH, GOLD, PAGE, SECTION, TYPE } from './theme.ts';

const openCount = (s: AreaStatus): number => Object.values(s.open).reduce((a, b) => a + b, 0);

const CUSTOMER_BOXES: readonly { title: string; areas: Area[]; generic: string }[] = [
  { title: 'Customer data', areas: ['data-protection', 's3'], generic: 'Classification, encryption at rest and in transit, backups, who can read buckets and snapshots.' },
  { title: 'Identity and access', areas: ['identity-access'], generic: 'The root user, people and roles, MFA, keys, least privilege.' },
  { title: 'Operating systems and applications', areas: ['compute-maintenance'], generic: 'Patching guest OSs, supported runtimes and engines, your code.' },
  { title: 'Network configuration', areas: ['network'], generic: 'Security groups, network ACLs, routes, what faces the internet.' },
  { title: 'Logging and monitoring', areas: ['logging-monitoring'], generic: 'CloudTrail, alarms, GuardDuty, Security Hub, log retention.' },
];

const AWS_SOFTWARE = ['Compute', 'Storage', 'Database', 'Networking'];
const AWS_INFRA = ['Facilities and physical security', 'Hardware', 'Virtualisation', 'Global network: Regions, AZs, edge'];

const LAYERS: readonly { title: string; customer: Readonly<Record<ServiceModel, boolean>> }[] = [
  { title: 'Your data and its encryption', customer: { infrastructure: true, container: true, abstracted: true } },
  { title: 'Identity and access', customer: { infrastructure: true, container: true, abstracted: true } },
  { title: 'Your code and service settings', customer: { infrastructure: true, container: true, abstracted: true } },
  { title: 'Network and firewall settings', customer: { infrastructure: true, container: true, abstracted: false } },
  { title: 'Operating system and patching', customer: { infrastructure: true, container: false, abstracted: false } },
  { title: 'Virtualisation', customer: { infrastructure: false, container: false, abstracted: false } },
  { title: 'Hardware, facilities, global network', customer: { infrastructure: false, container: false, abstracted: false } },
];

const AWS_FILL = '#E6EAF0';
const MODEL_SHORT: Readonly<Record<ServiceModel, string>> = { infrastructure: 'Infrastructure', container: 'Container / managed', abstracted: 'Abstracted' };

/** "Amazon EC2" -> "EC2": the box lists are short on room. */
const shortName = (title: string): string => safeLine(title, 40).replace(/^(Amazon|AWS) /, '');
const AWS_INK = '#4A5566';

export function drawResponsibility(ctx: Ctx, model: ReportModel, opts: { matrixTable: boolean }): void {
  openSection(ctx, SECTION.srm);
  heading(ctx, SECTION.srm, ctx.doc.outline, 1, 'srm');
  const matrix = model.responsibility?.available ? model.responsibility.value : undefined;
  paragraph(
    ctx,
    'AWS secures the cloud itself: its buildings, hardware, hypervisors and network. Everything you put in the cloud and every setting you choose is yours to secure. ' +
      (matrix
        ? 'The diagram is tailored to this account: each of your boxes lists the services the scan found in use that carry that duty, and the status of the area that assesses it.'
        : 'The diagram shows the general model.'),
  );
  if (!matrix) {
    const reason = model.responsibility && !model.responsibility.available ? model.responsibility.reason : 'the responsibility matrix was not part of this report\u2019s input.';
    unavailable(ctx, 'The service-by-service responsibility matrix', reason);
  }
  const statuses = new Map(areaStatuses(model).map((s) => [s.area, s]));
  ensureSpace(ctx, 330);
  ctx.y += drawModel(ctx, ctx.y, statuses, matrix) + 14;
  subheading(ctx, 'How the line moves with the kind of service', 200);
  ctx.y += drawLayers(ctx, ctx.y, matrix) + 12;
  if (matrix && opts.matrixTable) drawMatrix(ctx, matrix);
  else if (matrix) paragraph(ctx, `Services found in use: ${matrix.rows.filter((r) => r.status === 'in-use').map((r) => r.title).join(', ') || 'none'}.`);
}

function servicesFor(matrix: ResponsibilityMatrix | undefined, areas: readonly Area[]): string[] {
  if (!matrix) return [];
  return matrix.rows.filter((r) => r.status === 'in-use' && r.customerDuties.some((d) => areas.includes(d.area))).map((r) => shortName(r.title));
}

function boxStatus(statuses: Map<Area, AreaStatus>, areas: readonly Area[]): { label: string; color: string } {
  const list = areas.map((a) => statuses.get(a)).filter((s): s is AreaStatus => s !== undefined);
  const rank = ['critical', 'high', 'moderate', 'low', 'good', 'not-assessed', 'out-of-scope'];
  const worst = [...list].sort((a, b) => rank.indexOf(a.posture) - rank.indexOf(b.posture))[0];
  if (!worst) return { label: 'Not assessed', color: COLOR.faint };
  const open = list.reduce((n, s) => n + openCount(s), 0);
  return { label: open ? `${POSTURE_LABEL[worst.posture]} · ${formatCount(open)} open` : POSTURE_LABEL[worst.posture], color: POSTURE_COLOR[worst.posture] };
}

/** The classic picture: your responsibilities on top, AWS's underneath. Returns its height. */
function drawModel(ctx: Ctx, top: number, statuses: Map<Area, AreaStatus>, matrix: ResponsibilityMatrix | undefined): number {
  const x = PAGE.marginX;
  const w = CONTENT_WIDTH;
  const gap = 6;
  const boxW = (w - gap * (CUSTOMER_BOXES.length - 1)) / CUSTOMER_BOXES.length;
  const bodyOf = (b: (typeof CUSTOMER_BOXES)[number]): string => {
    const services = servicesFor(matrix, b.areas);
    return matrix ? (services.length ? services.join(', ') : 'No service found in use that carries this duty.') : b.generic;
  };
  // As tall as the fullest box, within bounds: a long service list is cut with an ellipsis.
  const boxH = Math.min(
    170,
    Math.max(
      96,
      ...CUSTOMER_BOXES.map(
        (b) =>
          9 + measure(ctx, b.title, 0, { face: 'bold', size: 8, width: boxW - 14, lineGap: 0.5 }) + 4 +
          measure(ctx, boxStatus(statuses, b.areas).label, 0, { face: 'bold', size: 6.6, width: boxW - 22, lineGap: 0 }) + 5 + 9 +
          measure(ctx, bodyOf(b), 0, { size: 6.8, width: boxW - 14, lineGap: 1 }) + 8,
      ),
    ),
  );
  const alt =
    'Shared Responsibility Model. The customer is responsible for security in the cloud: ' +
    CUSTOMER_BOXES.map((b) => `${b.title} (${boxStatus(statuses, b.areas).label}${matrix ? `; services: ${servicesFor(matrix, b.areas).join(', ') || 'none found'}` : ''})`).join('; ') +
    '. AWS is responsible for security of the cloud: the software of its compute, storage, database and networking services, virtualisation, hardware, facilities and the global network.';
  let height = 0;
  figure(ctx, alt, (doc) => {
    let y = top;
    doc.roundedRect(x, y, w, 20, 3).fill(COLOR.accent);
    write(ctx, 'YOU, THE CUSTOMER  ·  security IN the cloud', x + 10, y + 6, { face: 'bold', size: 8, color: COLOR.white, width: w - 20, bare: true, maxLines: 1 });
    y += 26;
    CUSTOMER_BOXES.forEach((b, i) => {
      const bx = x + i * (boxW + gap);
      const status = boxStatus(statuses, b.areas);
      doc.roundedRect(bx, y, boxW, boxH, 3).lineWidth(0.8).fillAndStroke('#FFFFFF', '#B9C6D6');
      doc.rect(bx, y, boxW, 3).fill(status.color);
      let ty = y + 9;
      ty += write(ctx, b.title, bx + 7, ty, { face: 'bold', size: 8, color: COLOR.ink, width: boxW - 14, bare: true, lineGap: 0.5 }) + 4;
      doc.circle(bx + 10, ty + 3.5, 2.6).fill(status.color);
      ty += write(ctx, status.label, bx + 16, ty, { face: 'bold', size: 6.6, color: status.color, width: boxW - 22, bare: true, lineGap: 0 }) + 5;
      const body = bodyOf(b);
      write(ctx, matrix ? 'In use here' : 'What this means', bx + 7, ty, { face: 'bold', size: 6, color: COLOR.faint, width: boxW - 14, bare: true });
      ty += 9;
      write(ctx, body, bx + 7, ty, { size: 6.8, color: COLOR.ink, width: boxW - 14, bare: true, lineGap: 1, maxLines: Math.max(1, Math.floor((y + boxH - ty - 6) / 9)) });
    });
    y += boxH + 10;
    // The boundary between the two sides.
    doc.moveTo(x, y).lineTo(x + w, y).lineWidth(1.2).dash(4, { space: 3 }).strokeColor(GOLD).stroke().undash();
    y += 10;
    doc.roundedRect(x, y, w, 20, 3).fill('#5B6B7F');
    write(ctx, 'AWS  ·  security OF the cloud', x + 10, y + 6, { face: 'bold', size: 8, color: COLOR.white, width: w - 20, bare: true, maxLines: 1 });
    y += 26;
    const row = (labels: readonly string[], h: number, size: number): void => {
      const bw = (w - gap * (labels.length - 1)) / labels.length;
      labels.forEach((l, i) => {
        const bx = x + i * (bw + gap);
        doc.roundedRect(bx, y, bw, h, 3).fill(AWS_FILL);
        write(ctx, l, bx + 6, y + h / 2 - size * 0.62, { size, face: 'bold', color: AWS_INK, width: bw - 12, align: 'center', bare: true, maxLines: 2, lineGap: 0 });
      });
      y += h + gap;
    };
    row(AWS_SOFTWARE.map((s) => `${s} services`), 24, 7.2);
    row(AWS_INFRA, 30, 7.2);
    height = y - top;
  });
  return height;
}

/** Three columns, one per kind of service, showing which layers are yours. Returns its height. */
function drawLayers(ctx: Ctx, top: number, matrix: ResponsibilityMatrix | undefined): number {
  const models: ServiceModel[] = ['infrastructure', 'container', 'abstracted'];
  const x = PAGE.marginX;
  const labelW = 150;
  const gap = 6;
  const colW = (CONTENT_WIDTH - labelW - gap * models.length) / models.length;
  const rowH = 15;
  const examples: Readonly<Record<ServiceModel, string>> = { infrastructure: 'e.g. EC2', container: 'e.g. RDS, EKS', abstracted: 'e.g. S3, DynamoDB, Lambda' };
  const inUse = (m: ServiceModel): string => {
    if (!matrix) return examples[m];
    const names = matrix.rows.filter((r) => r.model === m && r.status === 'in-use').map((r) => shortName(r.title));
    return names.length ? `In use: ${names.join(', ')}` : 'None found in use';
  };
  const headH = 40;
  const alt =
    'Which layers the customer secures for each kind of service. ' +
    models.map((m) => `${SERVICE_MODEL_TITLES[m]} (${inUse(m)}): yours are ${LAYERS.filter((l) => l.customer[m]).map((l) => l.title.toLowerCase()).join(', ')}`).join('. ') +
    '. Everything else is AWS\u2019s.';
  let height = 0;
  figure(ctx, alt, (doc) => {
    models.forEach((m, i) => {
      const cx = x + labelW + gap + i * (colW + gap);
      write(ctx, MODEL_SHORT[m], cx, top, { face: 'bold', size: 7.5, color: COLOR.ink, width: colW, align: 'center', bare: true, maxLines: 1 });
      write(ctx, inUse(m), cx, top + 11, { size: 6.4, color: COLOR.muted, width: colW, align: 'center', bare: true, maxLines: 3, lineGap: 0 });
    });
    LAYERS.forEach((layer, r) => {
      const ry = top + headH + r * (rowH + 2);
      write(ctx, layer.title, x, ry + 4, { size: 7, color: COLOR.ink, width: labelW - 4, bare: true, maxLines: 1 });
      models.forEach((m, i) => {
        const cx = x + labelW + gap + i * (colW + gap);
        const mine = layer.customer[m];
        doc.roundedRect(cx, ry, colW, rowH, 2).fill(mine ? COLOR.accent : AWS_FILL);
        write(ctx, mine ? 'You' : 'AWS', cx, ry + 4, { face: 'bold', size: 6.6, color: mine ? COLOR.white : AWS_INK, width: colW, align: 'center', bare: true, maxLines: 1 });
      });
    });
    height = headH + LAYERS.length * (rowH + 2);
  });
  return height;
}

function drawMatrix(ctx: Ctx, matrix: ResponsibilityMatrix): void {
  subheading(ctx, 'Service by service', 220);
  paragraph(ctx, 'For each service in use (or whose use could not be determined), what AWS runs and what you must do, with the area of this report that assesses it.', { size: 8.5 });
  drawTable(
    ctx,
    [
      { title: 'Service', width: 92 },
      { title: 'AWS runs', width: 140 },
      { title: 'You must', width: CONTENT_WIDTH - 92 - 140 },
    ],
    matrix.rows.map((r) => [
      { text: safeLine(r.title, 60), bold: true, note: `${SERVICE_MODEL_TITLES[r.model]} · ${r.status === 'in-use' ? safeLine(r.evidence, 160) : `use unknown: ${safeLine(r.evidence, 200)}`}` },
      safeLine(r.awsManages.join(' '), 500),
      r.customerDuties.map((d) => `• ${safeLine(d.text, 300)} (${AREA_TITLES[d.area] ?? d.area})`).join('\n'),
    ]),
    undefined,
    { size: TYPE.small, padY: 4 },
  );
  ctx.y += 8;
  if (matrix.notInUse.length) {
    paragraph(ctx, `Read in every scanned region and not in use: ${matrix.notInUse.map((s) => safeLine(s.title, 40)).join(', ')}. Nothing to secure there today; the duties apply as soon as they are used.`, { size: 8.5, color: COLOR.muted });
  }
}
