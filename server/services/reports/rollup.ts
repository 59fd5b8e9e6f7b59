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

/** Replaces the roll-ups with the sums of `reports`: per day for each département, région and the nation, and per commune and month. */
export async function rebuildRollup(db: Knex): Promise<void> {
  const e = expressions();
  const cols = TALLY_COLUMNS.map((c) => `"${c}"`).join(', ');
  const sums = TALLY_COLUMNS.map((c) => e[c]).join(', ');
  const levels = [
    ["'D'", 'department_code', 'min(region_code)'],
    ["'R'", 'region_code', 'region_code'],
    ["'N'", "'FR'", "''"],
  ];
  await db.transaction(async (trx) => {
    await trx('report_daily').del();
    await trx('report_commune_months').del();
    for (const [level, code, region] of levels) {
      await trx.raw(
        `insert into report_daily (level, code, day, region_code, ${cols})
         select ${level}, ${code}, report_date, ${region}, ${sums} from reports group by report_date${code.startsWith("'") ? '' : `, ${code}`}`,
      );
    }
    await trx.raw(
      `insert into report_commune_months (month, commune_code, region_code, reports)
       select substr(report_date, 1, 7), commune_code, min(region_code), count(*) from reports group by substr(report_date, 1, 7), commune_code`,
    );
  });
}
