/**
 * Rebuilds the roll-ups from the reports themselves, one statement per level:
 * after a bulk import (the bench's seed, the demo data, a migration of an
 * older tool's data) or to check that the incremental upkeep never drifted.
 */
import type { Knex } from 'knex';
import { rebuildCommuneCounts } from './report-communes';
import { tallyExpressions } from './report-sums';

/** Replaces the roll-ups with the sums of `reports`: per day for each département, région and the nation, and the communes' counters. */
export async function rebuildRollup(db: Knex): Promise<void> {
  const e = tallyExpressions();
  const cols = Object.keys(e)
    .map((c) => `"${c}"`)
    .join(', ');
  const sums = Object.values(e).join(', ');
  const levels = [
    ["'D'", 'department_code', 'min(region_code)'],
    ["'R'", 'region_code', 'region_code'],
    ["'N'", "'FR'", "''"],
  ];
  await db.transaction(async (trx) => {
    await trx('report_daily').del();
    for (const [level, code, region] of levels) {
      await trx.raw(
        `insert into report_daily (level, code, day, region_code, ${cols})
         select ${level}, ${code}, report_date, ${region}, ${sums} from reports group by report_date${code.startsWith("'") ? '' : `, ${code}`}`,
      );
    }
    await rebuildCommuneCounts(trx);
  });
}
