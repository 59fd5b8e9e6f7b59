/**
 * Dashboards ("Mes statistiques", team, territories). Personal dashboards
 * sum their few rows in memory, team ones sum in SQL; territorial ones read
 * the daily roll-up and mask every cell of fewer than 5 reports.
 */
import type { Knex } from 'knex';
import { notFound } from '../../errors';
import { canSeeTerritories } from '../../access/reports';
import { reportsOfAuthors, topCommunes, type ReportRow } from '../../db/reports';
import { dailySeries, perDepartment, sumDaily, type Area } from '../../db/report-daily';
import { topCommunesOfPeriod } from '../../db/report-communes';
import { dailyOfAuthors, perAuthor, sumOfAuthors, topCommunesOfAuthors } from '../../db/report-sums';
import { teamMemberIds, teamPeople } from '../../db/report-teams';
import { findRegion, listDepartments } from '../../db/departments';
import type { UserRow } from '../../db/users';
import type { RankLine, ReportStats, StatCell, StatsQuery, TrendPoint } from '../../protocol/reports';
import { maskCount, presentBreakdowns } from '../../presenters/reports';
import { communeView } from './communes';
import { addTally, emptyTally, tallyOf, TALLY_COLUMNS } from './tally';

/** The first day of the week (Monday) or month that holds `day`. */
export function bucketOf(day: string, groupBy: 'week' | 'month'): string {
  if (groupBy === 'month') return `${day.slice(0, 8)}01`;
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** Every bucket of the period, empty ones included, so a chart shows the gaps. */
function trendOf(q: StatsQuery, days: { day: string; reports: number; participants: number }[], masked: boolean): TrendPoint[] {
  const sums = new Map<string, { reports: number; participants: number }>();
  for (let b = bucketOf(q.from, q.groupBy); b <= q.to;) {
    sums.set(b, { reports: 0, participants: 0 });
    const d = new Date(`${b}T00:00:00Z`);
    if (q.groupBy === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + 7);
    b = d.toISOString().slice(0, 10);
  }
  for (const x of days) {
    const s = sums.get(bucketOf(x.day, q.groupBy));
    if (s) {
      s.reports += x.reports;
      s.participants += x.participants;
    }
  }
  return [...sums].map(([start, s]) => ({
    start,
    reports: maskCount(masked, s.reports),
    participants: maskCount(masked, s.participants, s.reports),
  }));
}

const communeCells = (counts: { commune_code: string; n: number }[], masked: boolean): StatCell[] =>
  counts.map((c) => ({ key: c.commune_code, label: communeView(c.commune_code).name, count: maskCount(masked, c.n) }));

/** Sums rows in memory: the whole dashboard of a person or a team. */
function statsOfRows(q: StatsQuery, rows: ReportRow[], territory: string): ReportStats {
  const total = emptyTally();
  const communes = new Map<string, number>();
  const days = new Map<string, { day: string; reports: number; participants: number }>();
  for (const r of rows) {
    addTally(total, tallyOf(r));
    communes.set(r.commune_code, (communes.get(r.commune_code) ?? 0) + 1);
    const d = days.get(r.report_date) ?? { day: r.report_date, reports: 0, participants: 0 };
    d.reports += 1;
    d.participants += r.participants;
    days.set(r.report_date, d);
  }
  const top = [...communes]
    .map(([commune_code, n]) => ({ commune_code, n }))
    .sort((a, b) => b.n - a.n || a.commune_code.localeCompare(b.commune_code))
    .slice(0, 10);
  return {
    scope: q.scope,
    code: null,
    territory,
    from: q.from,
    to: q.to,
    masked: false,
    ...presentBreakdowns(total, false),
    communes: communeCells(top, false),
    groupBy: q.groupBy,
    trend: trendOf(q, [...days.values()], false),
    departments: null,
    people: null,
  };
}

/** "Mes statistiques": my own reports over the period. */
export async function myStats(db: Knex, actor: UserRow, q: StatsQuery): Promise<ReportStats> {
  return statsOfRows(q, await reportsOfAuthors(db, [actor.id], q.from, q.to), 'Mes accompagnements');
}

/**
 * A manager's team: the team's totals and a line per person, summed in SQL
 * (a team's period can hold many thousand reports: its dashboard and its
 * export's summary never load them). No team: `not_found`.
 */
export async function teamStats(db: Knex, actor: UserRow, q: StatsQuery): Promise<ReportStats> {
  const ids = await teamMemberIds(db, actor.id);
  if (!ids.length) throw notFound('Équipe');
  const [total, days, communes, authors, people] = await Promise.all([
    sumOfAuthors(db, ids, q.from, q.to),
    dailyOfAuthors(db, ids, q.from, q.to),
    topCommunesOfAuthors(db, ids, q.from, q.to, 10),
    perAuthor(db, ids, q.from, q.to),
    teamPeople(db, ids),
  ]);
  const byAuthor = new Map(authors.map((a) => [a.author_id, a]));
  const lines: RankLine[] = people.map((p) => ({
    key: String(p.id),
    label: `${p.first_name} ${p.last_name}`,
    reports: byAuthor.get(p.id)?.reports ?? 0,
    participants: byAuthor.get(p.id)?.participants ?? 0,
  }));
  lines.sort((a, b) => b.reports! - a.reports! || a.label.localeCompare(b.label, 'fr'));
  return {
    scope: q.scope,
    code: null,
    territory: 'Mon équipe',
    from: q.from,
    to: q.to,
    masked: false,
    ...presentBreakdowns(total, false),
    communes: communeCells(communes, false),
    groupBy: q.groupBy,
    trend: trendOf(q, days, false),
    departments: null,
    people: lines,
  };
}

/** A département, a région or the nation, from the roll-up, masked. Others than animators and admins: `not_found`. */
export async function territoryStats(db: Knex, actor: UserRow, q: StatsQuery): Promise<ReportStats> {
  if (!canSeeTerritories(actor)) throw notFound('Tableau de bord');
  const departments = await listDepartments(db);
  let area: Area = null;
  let territory = 'France entière';
  if (q.scope === 'department') {
    const d = departments.find((x) => x.code === q.code);
    if (!d) throw notFound('Département');
    area = { column: 'department_code', code: d.code };
    territory = `${d.name} (${d.code})`;
  } else if (q.scope === 'region') {
    const r = await findRegion(db, q.code!);
    if (!r) throw notFound('Région');
    area = { column: 'region_code', code: r.code };
    territory = r.name;
  }
  const [total, days, depts, communes] = await Promise.all([
    sumDaily(db, TALLY_COLUMNS, area, q.from, q.to),
    dailySeries(db, area, q.from, q.to),
    q.scope === 'department' ? Promise.resolve(null) : perDepartment(db, area, q.from, q.to),
    area?.column === 'department_code'
      ? topCommunes(db, area, q.from, q.to, 10)
      : topCommunesOfPeriod(db, area?.code ?? null, q.from, q.to, 10),
  ]);
  const names = new Map(departments.map((d) => [d.code, d.name]));
  return {
    scope: q.scope,
    code: q.code,
    territory,
    from: q.from,
    to: q.to,
    masked: true,
    ...presentBreakdowns(total, true),
    communes: communeCells(communes, true),
    groupBy: q.groupBy,
    trend: trendOf(q, days, true),
    departments: depts
      ? depts
          .sort((a, b) => b.reports - a.reports || a.department_code.localeCompare(b.department_code))
          .map((d) => ({
            key: d.department_code,
            label: `${names.get(d.department_code) ?? d.department_code} (${d.department_code})`,
            reports: maskCount(true, d.reports),
            participants: maskCount(true, d.participants, d.reports),
          }))
      : null,
    people: null,
  };
}

/** The dashboard the query asks for. */
export async function statsFor(db: Knex, actor: UserRow, q: StatsQuery): Promise<ReportStats> {
  if (q.scope === 'mine') return myStats(db, actor, q);
  if (q.scope === 'team') return teamStats(db, actor, q);
  return territoryStats(db, actor, q);
}
