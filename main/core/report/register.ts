/**
 * The accepted-risk register and the manual controls: what the client decided to live with (and
 * until when), and the controls no API can check, with the consultant's answers.
 */
import type { ManualAnswer } from '../../../shared/model/engagement.ts';
import { heading, openSection, paragraph, unavailable, type Ctx } from './layout.ts';
import type { ReportModel } from './model.ts';
import { cleanBlock, clip, formatCount, formatDate, safeLine } from './sanitize.ts';
import { drawTable, type Cell, type CellInput } from './table.ts';
import { COLOR, CONTENT_WIDTH, SECTION, SEVERITY_COLOR, STATUS_COLOR, TYPE } from './theme.ts';

export function drawRiskRegister(ctx: Ctx, model: ReportModel): void {
  openSection(ctx, SECTION.risks);
  heading(ctx, SECTION.risks, ctx.doc.outline, 1, 'risks');
  const part = model.acceptances;
  if (!part?.available) return unavailable(ctx, 'The accepted-risk register', part ? part.reason : 'it was not part of this report\u2019s input.');
  const asOf = formatDate(model.asOf);
  paragraph(
    ctx,
    `Risks the client chose to accept, with who approved them and until when. Accepted failures stay in the report, marked accepted, and do not set the posture; ` +
      `an acceptance that had expired by the end of the scan (${asOf}) no longer applies and its failures count as open again.`,
  );
  if (part.value.length === 0) {
    paragraph(ctx, 'No risk has been accepted for this engagement.');
    return;
  }
  const titles = new Map(model.checks.map((c) => [c.id, c.title]));
  const covered = new Map<number, number>();
  for (const f of model.findings) if (f.acceptance) covered.set(f.acceptance.id, (covered.get(f.acceptance.id) ?? 0) + 1);
  const asOfTime = Date.parse(model.asOf);
  drawTable(
    ctx,
    [
      { title: 'Check', width: 130 },
      { title: 'Scope', width: 90 },
      { title: 'Justification', width: CONTENT_WIDTH - 130 - 90 - 86 - 70 },
      { title: 'Approved by', width: 86 },
      { title: 'Status', width: 70 },
    ],
    part.value.map((a): CellInput[] => {
      const active = a.expiresAt === null || Date.parse(a.expiresAt) > asOfTime;
      const n = covered.get(a.id) ?? 0;
      return [
        { text: safeLine(titles.get(a.checkId) ?? a.checkId, 160), bold: true, note: safeLine(a.checkId, 80) },
        { text: a.resourceId ? safeLine(a.resourceId, 120) : 'Whole check', note: [a.accountId ? `account ${safeLine(a.accountId, 40)}` : '', a.region ? safeLine(a.region, 30) : 'all regions'].filter(Boolean).join(' · ') },
        clip(cleanBlock(a.justification), 500),
        { text: safeLine(a.approver, 80), note: `on ${formatDate(a.createdAt)}` },
        {
          text: active ? 'Active' : 'Expired',
          color: active ? STATUS_COLOR.PASS : STATUS_COLOR.FAIL,
          bold: true,
          note: `${a.expiresAt ? `${active ? 'until' : 'on'} ${formatDate(a.expiresAt)}` : 'no expiry'} · ${formatCount(n)} finding${n === 1 ? '' : 's'}`,
        },
      ];
    }),
    undefined,
    { size: TYPE.small, padY: 4 },
  );
}

const ANSWER: Readonly<Record<ManualAnswer, Cell>> = {
  yes: { text: 'Yes', color: STATUS_COLOR.PASS, bold: true },
  no: { text: 'No', color: STATUS_COLOR.FAIL, bold: true },
  'not-applicable': { text: 'Not applicable', color: COLOR.muted },
  unknown: { text: 'Unknown', color: SEVERITY_COLOR.medium, bold: true },
};

export function drawManualControls(ctx: Ctx, model: ReportModel): void {
  openSection(ctx, SECTION.manual);
  heading(ctx, SECTION.manual, ctx.doc.outline, 1, 'manual');
  const part = model.manualControls;
  if (!part?.available) return unavailable(ctx, 'The manual controls', part ? part.reason : 'it was not part of this report\u2019s input.');
  const answered = part.value.filter((c) => c.answer !== null).length;
  paragraph(
    ctx,
    `Controls no API can check, answered by the consultant with the client: ${formatCount(answered)} of ${formatCount(part.value.length)} answered. ` +
      'These answers are statements made to the consultant, not observations of the scan.',
  );
  if (part.value.length === 0) return;
  drawTable(
    ctx,
    [
      { title: 'Control', width: 140 },
      { title: 'What was asked', width: CONTENT_WIDTH - 140 - 70 - 120 },
      { title: 'Answer', width: 70 },
      { title: 'Notes', width: 120 },
    ],
    part.value.map((c): CellInput[] => [
      { text: safeLine(c.title, 160), bold: true, note: c.frameworks.map((f) => safeLine(f, 40)).join(', ') || undefined },
      safeLine(c.question, 600),
      c.answer ? ANSWER[c.answer] : { text: 'Not answered', color: COLOR.faint },
      { text: clip(cleanBlock(c.notes), 400) || '—', note: c.answeredAt ? `${safeLine(c.answeredBy, 60, '') || 'answered'} · ${formatDate(c.answeredAt)}` : undefined },
    ]),
    undefined,
    { size: TYPE.small, padY: 4 },
  );
}
