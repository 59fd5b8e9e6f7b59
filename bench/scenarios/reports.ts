/**
 * Reports (CRA): `reports` activity reports from `conseillers` people over
 * `days` days, seeded in bulk (the daily roll-up rebuilt in one statement, as
 * after an import). Then, in process against the services (the HTTP layer
 * adds the same small cost to every route): a personal dashboard over one
 * random month, a national dashboard over one random year, and the CSV and
 * XLSX exports of a team holding `exportRows` reports, streamed to nowhere
 * while the process's RSS is sampled (flat memory = the peak does not grow
 * with the rows).
 */
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createScratchDb, bulkInsert } from '../lib/db';
import { Hist } from '../lib/hist';
import { log } from '../lib/proc';
import type { Db } from '../../server/database';
import type { UserRow } from '../../server/db/users';
import { ACTIVITIES, AGE_BANDS, CANALS, STATUSES, THEMES } from '../../server/protocol/report-catalog';
import { statsQuery } from '../../server/protocol/reports';
import { statsFor } from '../../server/services/reports/stats';
import { reportsCsv, reportsXlsx } from '../../server/services/reports/exports';
import { rebuildRollup } from '../../server/db/report-rollup';
import { insertTeamLink } from '../../server/db/report-teams';
import { perDepartment, sumDaily } from '../../server/db/report-daily';
import { topCommunesOfPeriod } from '../../server/db/report-communes';
import { TALLY_COLUMNS } from '../../server/services/reports/tally';
import communes from '@etalab/decoupage-administratif/data/communes.json' with { type: 'json' };

/** Options of the reports scenario (each one a `--flag`). */
export interface ReportsOptions {
  reports: number;
  conseillers: number;
  days: number;
  personalRuns: number;
  nationalRuns: number;
  exportRows: number;
}

/** The figures: 1 000 000 reports from 5 000 conseillers over two years, an export of 100 000 rows. */
export const reportsDefaults: ReportsOptions = {
  reports: 1_000_000,
  conseillers: 5000,
  days: 730,
  personalRuns: 300,
  nationalRuns: 30,
  exportRows: 100_000,
};

const DAY = 86_400_000;
const pick = <T>(a: readonly T[]) => a[Math.floor(Math.random() * a.length)]!;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Seeds people and reports; each conseiller works in three communes of one département. */
async function seed(db: Db, o: ReportsOptions): Promise<{ ids: number[]; today: number }> {
  const now = new Date();
  const users = Array.from({ length: o.conseillers }, (_, i) => ({
    email: `cra${i}@bench.invalid`,
    username: `cra${i}`,
    password_hash: 'bench',
    first_name: 'Banc',
    last_name: `CRA ${i}`,
    department_code: '69',
    role: 'member',
    chat_only: false,
    status: 'active',
    terms_accepted_at: now,
    created_at: now,
    updated_at: now,
    employer: 'Banc',
  }));
  await bulkInsert(db, 'users', users);
  const ids = ((await db('users').where('username', 'like', 'cra%').orderBy('id').select('id')) as { id: number }[]).map((r) => r.id);
  const all = (communes as any[]).filter((c) => c.type === 'commune-actuelle' && c.departement && c.region);
  const places = ids.map(() => {
    const home = pick(all);
    const near = all.filter((c) => c.departement === home.departement);
    return [home, pick(near), pick(near)];
  });
  const today = Date.parse(`${dayOf(Date.now())}T00:00:00Z`);
  const started = Date.now();
  const BATCH = 20_000;
  for (let done = 0; done < o.reports; done += BATCH) {
    const rows: Record<string, unknown>[] = [];
    for (let i = done; i < Math.min(o.reports, done + BATCH); i++) {
      const who = i % ids.length;
      const c = pick(places[who]!);
      const activity = Math.random() < 0.7 ? 'individual' : pick(ACTIVITIES).key;
      const n =
        activity === 'individual' ? 1 : activity === 'workshop' ? 2 + Math.floor(Math.random() * 10) : 1 + Math.floor(Math.random() * 2);
      const row: Record<string, unknown> = {
        author_id: ids[who],
        report_date: dayOf(today - Math.floor(Math.random() * o.days) * DAY),
        commune_code: c.code,
        department_code: c.departement,
        region_code: c.region,
        canal: pick(CANALS).key,
        activity,
        participants: n,
        themes:
          (1 << Math.floor(Math.random() * THEMES.length)) | (Math.random() < 0.5 ? 1 << Math.floor(Math.random() * THEMES.length) : 0),
        duration_band: pick(['under_30', '30_60', 'over_60']),
        duration_minutes: null,
        redirected: Math.random() < 0.1,
        redirected_to: null,
        created_at: now,
        updated_at: now,
      };
      for (const a of AGE_BANDS) row[`age_${a.key}`] = 0;
      for (const s of STATUSES) row[`st_${s.key}`] = 0;
      row[`age_${pick(AGE_BANDS).key}`] = n;
      row[`st_${pick(STATUSES).key}`] = n;
      rows.push(row);
    }
    await bulkInsert(db, 'reports', rows);
    if ((done / BATCH) % 10 === 0) log(`reports: ${done + rows.length} seeded (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  const t0 = Date.now();
  await rebuildRollup(db);
  log(`reports: roll-up rebuilt in ${Date.now() - t0} ms`);
  // What autovacuum does to a table at rest: statistics, and on PostgreSQL the visibility map that lets
  // the date index answer the partial months of the communes ranking without reading the rows.
  await db.raw(db.client.config.client === 'pg' ? 'vacuum analyze' : 'analyze');
  return { ids, today };
}

/** Runs `fn` `n` times after a short warm-up, answers the latency summary in ms. */
async function timed(n: number, fn: () => Promise<unknown>) {
  const h = new Hist();
  // Warm-up: the communes list loads on first use, and the first queries fill the page cache.
  for (let i = 0; i < Math.min(5, n); i++) await fn();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    h.add(performance.now() - t);
  }
  return h.summary();
}

/** Streams an export to nowhere; answers its time, bytes and the RSS and heap peaks above their values at the start (MB). */
async function drain(make: () => Promise<{ stream: NodeJS.ReadableStream }>) {
  global.gc?.();
  const start = process.memoryUsage();
  let peak = start.rss;
  let heapPeak = start.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
  }, 20);
  const t = performance.now();
  let bytes = 0;
  const { stream } = await make();
  await pipeline(
    stream,
    new Writable({
      write(chunk, _e, cb) {
        bytes += chunk.length;
        cb();
      },
    }),
  );
  clearInterval(timer);
  const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
  return {
    ms: Math.round(performance.now() - t),
    bytes,
    rssPeakAboveStartMB: mb(peak - start.rss),
    heapPeakAboveStartMB: mb(heapPeak - start.heapUsed),
  };
}

/** The scenario: seed, then the three measures. */
export async function reportsBench(o: ReportsOptions) {
  const scratch = await createScratchDb('reports');
  const db = scratch.open();
  try {
    const t0 = Date.now();
    const { ids, today } = await seed(db, o);
    const seedSeconds = Math.round((Date.now() - t0) / 1000);
    const actor = (id: number) => ({ id, role: 'member', status: 'active', chat_only: false }) as UserRow;
    const admin = { id: ids[0]!, role: 'admin', status: 'active', chat_only: false } as UserRow;
    const q = (from: number, to: number, scope: string) => statsQuery.parse({ from: dayOf(from), to: dayOf(to), scope });
    const personal = await timed(o.personalRuns, () => {
      const start = today - Math.floor(Math.random() * (o.days - 31)) * DAY - 30 * DAY;
      return statsFor(db, actor(pick(ids)), q(start, start + 30 * DAY, 'mine'));
    });
    log(`reports: personal month p50 ${personal.p50} p95 ${personal.p95} ms`);
    const national = await timed(o.nationalRuns, () => {
      const start = today - 364 * DAY - Math.floor(Math.random() * Math.max(1, o.days - 365)) * DAY;
      return statsFor(db, admin, q(start, start + 364 * DAY, 'national'));
    });
    log(`reports: national year p50 ${national.p50} p95 ${national.p95} ms`);
    // Its parts: the roll-up's sums, and the ranking of communes (commune-month roll-up plus the partial months).
    const yearStart = () => today - 364 * DAY - Math.floor(Math.random() * Math.max(1, o.days - 365)) * DAY;
    const nationalParts = {
      rollupSums: await timed(o.nationalRuns, () => {
        const f = yearStart();
        return sumDaily(db, TALLY_COLUMNS, null, dayOf(f), dayOf(f + 364 * DAY));
      }),
      departmentsRanking: await timed(o.nationalRuns, () => {
        const f = yearStart();
        return perDepartment(db, null, dayOf(f), dayOf(f + 364 * DAY));
      }),
      topCommunes: await timed(o.nationalRuns, () => {
        const f = yearStart();
        return topCommunesOfPeriod(db, null, dayOf(f), dayOf(f + 364 * DAY), 10);
      }),
    };
    log(
      `reports: national year parts p95: roll-up sums ${nationalParts.rollupSums.p95} ms, départements ${nationalParts.departmentsRanking.p95} ms, top communes ${nationalParts.topCommunes.p95} ms`,
    );
    // A manager whose team holds `exportRows` reports over the whole period.
    const team = Math.min(ids.length - 1, Math.max(1, Math.round((o.exportRows / o.reports) * ids.length)));
    const manager = ids[0]!;
    for (const m of ids.slice(1, team + 1)) await insertTeamLink(db, manager, m);
    const exportQuery = q(today - (o.days - 1) * DAY, today, 'team');
    const rows = Number(
      (
        (await db('reports')
          .whereIn('author_id', ids.slice(1, team + 1))
          .count({ n: '*' })
          .first()) as { n: number }
      ).n,
    );
    const twoMonths = { ...exportQuery, to: dayOf(today - (o.days - 60) * DAY) };
    const small = await drain(() => reportsCsv(db, actor(manager), twoMonths));
    const smallXlsx = await drain(() => reportsXlsx(db, actor(manager), twoMonths));
    const csv = await drain(() => reportsCsv(db, actor(manager), exportQuery));
    const xlsx = await drain(() => reportsXlsx(db, actor(manager), exportQuery));
    log(
      `reports: export of ${rows} rows: CSV ${csv.ms} ms (RSS +${csv.rssPeakAboveStartMB} MB, heap +${csv.heapPeakAboveStartMB} MB), XLSX ${xlsx.ms} ms (RSS +${xlsx.rssPeakAboveStartMB} MB, heap +${xlsx.heapPeakAboveStartMB} MB); 2-month exports: CSV +${small.rssPeakAboveStartMB} MB, XLSX +${smallXlsx.rssPeakAboveStartMB} MB`,
    );
    return {
      database: scratch.kind,
      seedSeconds,
      personalMonth: personal,
      nationalYear: national,
      nationalParts,
      export: { rows, csv, xlsx, smallCsvForComparison: small, smallXlsxForComparison: smallXlsx },
      targets: { personalMonthP95Under50ms: (personal.p95 ?? Infinity) < 50, nationalYearP95Under500ms: (national.p95 ?? Infinity) < 500 },
    };
  } finally {
    await db.destroy();
    await scratch.drop();
  }
}
