/**
 * Rebuilds the daily roll-up from the reports themselves, in one statement:
 * after a bulk import (the bench's seed, a migration of an older tool's
 * data) or to check that the incremental upkeep never drifted.
 */
import type { Knex } from 'knex';
import { ACTIVITIES, AGE_BANDS, CANALS, DURATIONS, STATUSES, THEMES } from '../../protocol/report-catalog';
import { TALLY_COLUMNS } from './tally';

/** The SQL of each roll-up counter over `reports`, keyed by column (the same counts as tally.ts, in SQL). */
function expressions(): Record<string, string> {
  const when = (cond: string) => `sum(case when ${cond} then 1 else 0 end)`;
  const e: Record<string, string> = { reports: 'count(*)', participants: 'sum(participants)', redirected: when('redirected') };
  for (const a of ACTIVITIES) e[`act_${a.key}`] = when(`activity = '${a.key}'`);
  for (const c of CANALS) e[`canal_${c.key}`] = when(`canal = '${c.key}'`);
  for (const d of DURATIONS) e[`dur_${d.key}`] = when(`duration_band = '${d.key}'`);
  THEMES.forEach((t, bit) => (e[`theme_${t.key}`] = when(`(themes & ${1 << bit}) <> 0`)));
  for (const a of AGE_BANDS) {
    e[`age_${a.key}`] = `sum(age_${a.key})`;
    e[`age_${a.key}_r`] = when(`age_${a.key} > 0`);
  }
  for (const s of STATUSES) {
    e[`st_${s.key}`] = `sum(st_${s.key})`;
    e[`st_${s.key}_r`] = when(`st_${s.key} > 0`);
  }
  return e;
}

/** Replaces `report_daily` with the sums of `reports` per day and département. */
export async function rebuildRollup(db: Knex): Promise<void> {
  const e = expressions();
  const cols = TALLY_COLUMNS.map((c) => `"${c}"`).join(', ');
  const sums = TALLY_COLUMNS.map((c) => e[c]).join(', ');
  await db.transaction(async (trx) => {
    await trx('report_daily').del();
    await trx.raw(
      `insert into report_daily (day, department_code, region_code, ${cols})
       select report_date, department_code, min(region_code), ${sums} from reports group by report_date, department_code`,
    );
  });
}
