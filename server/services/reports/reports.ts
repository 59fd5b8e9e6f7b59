/** Recording activity reports: create, edit and delete (for 30 days), list my own. */
import type { Knex } from 'knex';
import { forbidden, invalidPayload, ruleViolated } from '../../errors';
import { accessReport, canRecordReports } from '../../access/reports';
import { authorReportsPage, deleteReportRow, insertReport, replaceReport, type ReportRow, type ReportValues } from '../../db/reports';
import { addToDaily } from '../../db/report-daily';
import { addToCommuneCounts } from '../../db/report-communes';
import type { UserRow } from '../../db/users';
import { durationBandOf, EDIT_WINDOW_DAYS, type AgeBand, type Status } from '../../protocol/report-catalog';
import type { ReportInput } from '../../protocol/reports';
import { ms } from '../../presenters/time';
import { findCommune } from './communes';
import { addTally, maskOfThemes, tallyOf } from './tally';

const DAY = 86_400_000;

function ensureRecorder(actor: UserRow): void {
  if (!canRecordReports(actor)) throw forbidden('Votre compte ne permet pas de saisir des comptes rendus.');
}

/** The stored values of a validated body (commune checked against INSEE's list). */
function valuesOf(actor: UserRow, input: ReportInput): ReportValues {
  const commune = findCommune(input.communeCode);
  if (!commune) throw invalidPayload('Champ « communeCode » : Commune inconnue.', { fields: { communeCode: 'Commune inconnue.' } });
  const counts: Record<string, number> = {};
  for (const [k, n] of Object.entries(input.ages) as [AgeBand, number][]) counts[`age_${k}`] = n;
  for (const [k, n] of Object.entries(input.statuses) as [Status, number][]) counts[`st_${k}`] = n;
  return {
    author_id: actor.id,
    report_date: input.date,
    commune_code: commune.code,
    department_code: commune.departmentCode,
    region_code: commune.regionCode,
    canal: input.canal,
    activity: input.activity,
    participants: input.participants,
    themes: maskOfThemes(input.themes),
    duration_band: input.durationMinutes ? durationBandOf(input.durationMinutes) : input.durationBand!,
    duration_minutes: input.durationMinutes ?? null,
    redirected: input.redirected,
    redirected_to: input.redirected ? input.redirectedTo : null,
    ...counts,
  } as ReportValues;
}

/** Keeps the roll-ups in step with a row coming in (+1) or going out (−1), and maybe another (an edit's old row). */
async function rollUp(trx: Knex, row: ReportRow, sign: 1 | -1, also?: { row: ReportRow; sign: 1 | -1 }): Promise<void> {
  for (const x of also ? [{ row, sign }, also] : [{ row, sign }]) {
    await addToCommuneCounts(trx, { day: x.row.report_date, commune_code: x.row.commune_code, region_code: x.row.region_code }, x.sign);
  }
  const sameKey = also && also.row.report_date === row.report_date && also.row.department_code === row.department_code;
  const delta = tallyOf(row, sign);
  if (also && sameKey) addTally(delta, tallyOf(also.row, also.sign));
  await addToDaily(trx, { day: row.report_date, department_code: row.department_code, region_code: row.region_code }, delta);
  if (also && !sameKey) {
    await addToDaily(
      trx,
      { day: also.row.report_date, department_code: also.row.department_code, region_code: also.row.region_code },
      tallyOf(also.row, also.sign),
    );
  }
}

/** A report stays editable for 30 days after it was recorded; then it is final. */
function ensureEditable(row: ReportRow, now = Date.now()): void {
  if (ms(row.created_at)! + EDIT_WINDOW_DAYS * DAY <= now) {
    throw ruleViolated('report_final', `Ce compte rendu a plus de ${EDIT_WINDOW_DAYS} jours : il est définitif.`);
  }
}

/** Records a report and counts it in the roll-up, in one transaction. */
export async function createReport(db: Knex, actor: UserRow, input: ReportInput): Promise<ReportRow> {
  ensureRecorder(actor);
  const values = valuesOf(actor, input);
  return db.transaction(async (trx) => {
    const row = await insertReport(trx, values);
    await rollUp(trx, row, 1);
    return row;
  });
}

/** Replaces one of my reports (within 30 days); the roll-up moves the old counts out and the new ones in. */
export async function updateReport(db: Knex, actor: UserRow, id: number, input: ReportInput): Promise<ReportRow> {
  ensureRecorder(actor);
  const values = valuesOf(actor, input);
  return db.transaction(async (trx) => {
    const old = await accessReport(trx, actor, id);
    ensureEditable(old);
    const row = await replaceReport(trx, id, values);
    await rollUp(trx, row, 1, { row: old, sign: -1 });
    return row;
  });
}

/** Deletes one of my reports (within 30 days) and takes it out of the roll-up. */
export async function deleteReport(db: Knex, actor: UserRow, id: number): Promise<void> {
  await db.transaction(async (trx) => {
    const old = await accessReport(trx, actor, id);
    ensureEditable(old);
    await deleteReportRow(trx, id);
    await rollUp(trx, old, -1);
  });
}

/** One of my reports. */
export async function getReport(db: Knex, actor: UserRow, id: number): Promise<ReportRow> {
  return accessReport(db, actor, id);
}

/** A page of my reports, newest first; the cursor is `<day>_<id>` of the last one. */
export async function listMyReports(
  db: Knex,
  actor: UserRow,
  cursor: string | undefined,
  limit: number,
): Promise<{ items: ReportRow[]; nextCursor: string | null }> {
  const after = cursor ? { day: cursor.slice(0, 10), id: Number(cursor.slice(11)) } : null;
  const rows = await authorReportsPage(db, actor.id, after, limit + 1);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? `${last.report_date}_${last.id}` : null };
}
