/** Answers to the manual controls, per engagement. */
import { MANUAL_ANSWERS, type ManualAnswer, type ManualControl } from '../../../shared/model/engagement.ts';
import { ApiFailure } from '../api.ts';
import { MANUAL_CONTROLS } from '../manual-controls.ts';
import type { Db } from './open.ts';

interface AnswerRow {
  control_id: string;
  answer: ManualAnswer;
  notes: string;
  answered_at: string;
  answered_by: string;
}

export function listManualControls(db: Db, engagementId: string): ManualControl[] {
  const rows = db.prepare('SELECT * FROM manual_answers WHERE engagement_id = ?').all(engagementId) as AnswerRow[];
  const byId = new Map(rows.map((r) => [r.control_id, r]));
  return MANUAL_CONTROLS.map((c) => {
    const a = byId.get(c.id);
    return { ...c, answer: a?.answer ?? null, notes: a?.notes ?? '', answeredAt: a?.answered_at ?? null, answeredBy: a?.answered_by ?? '' };
  });
}

export function answerManualControl(
  db: Db,
  input: { engagementId: string; controlId: string; answer: ManualAnswer; notes?: string; answeredBy?: string },
  now: Date = new Date(),
): void {
  if (!MANUAL_CONTROLS.some((c) => c.id === input.controlId)) throw new ApiFailure('not-found', `Unknown manual control "${input.controlId.slice(0, 60)}".`);
  if (!MANUAL_ANSWERS.includes(input.answer)) throw new ApiFailure('bad-request', `An answer is one of ${MANUAL_ANSWERS.join(', ')}.`);
  if (!db.prepare('SELECT 1 FROM engagements WHERE id = ?').get(input.engagementId)) {
    throw new ApiFailure('not-found', `No engagement with id "${input.engagementId.slice(0, 60)}".`);
  }
  db.prepare(
    `INSERT INTO manual_answers (engagement_id, control_id, answer, notes, answered_at, answered_by) VALUES (@e, @c, @a, @n, @t, @b)
     ON CONFLICT (engagement_id, control_id) DO UPDATE SET answer = @a, notes = @n, answered_at = @t, answered_by = @b`,
  ).run({ e: input.engagementId, c: input.controlId, a: input.answer, n: input.notes ?? '', t: now.toISOString(), b: input.answeredBy ?? '' });
}
