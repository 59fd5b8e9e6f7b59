/**
 * Exports for the host structure: my reports (or my team's, for a manager)
 * over the dashboard's period, one row per report, as CSV (UTF-8 BOM, `;`,
 * formula cells neutralised) or XLSX (the rows, then a summary sheet). Both
 * read the rows page by page and write them only as fast as the download
 * takes them, so each holds about one page in memory.
 */
import type { Readable } from 'node:stream';
import type { Knex } from 'knex';
import { stringify } from 'csv-stringify';
import { notFound } from '../../errors';
import { reportsOfAuthorPage, type ReportRow } from '../../db/reports';
import { teamMemberIds, teamPeople } from '../../db/report-teams';
import type { UserRow } from '../../db/users';
import { ACTIVITIES, AGE_BANDS, CANALS, DURATIONS, STATUSES, THEMES, labelOf } from '../../protocol/report-catalog';
import type { ReportStats, StatsQuery } from '../../protocol/reports';
import { neutralizeCell } from '../../csv';
import { xlsxStream, type XlsxCell } from '../../xlsx';
import { communeView } from './communes';
import { statsFor } from './stats';
import { themesOfMask } from './tally';

const PAGE = 1000;

/** Who an export covers: my own reports, or my team's (`not_found` without a team). Territories never export rows. */
async function authorsOf(db: Knex, actor: UserRow, q: StatsQuery): Promise<{ ids: number[]; names: Map<number, string> | null }> {
  if (q.scope === 'mine') return { ids: [actor.id], names: null };
  if (q.scope !== 'team') throw notFound('Export');
  const ids = await teamMemberIds(db, actor.id);
  if (!ids.length) throw notFound('Équipe');
  const people = await teamPeople(db, ids);
  return { ids, names: new Map(people.map((p) => [p.id, `${p.first_name} ${p.last_name}`])) };
}

/** Every report of the authors over the period, a page at a time: person by person (by id), then by date. */
async function* pages(db: Knex, ids: number[], q: StatsQuery): AsyncGenerator<ReportRow[]> {
  for (const author of [...ids].sort((a, b) => a - b)) {
    let after: { day: string; id: number } | null = null;
    for (;;) {
      const rows = await reportsOfAuthorPage(db, author, q.from, q.to, after, PAGE);
      if (rows.length) yield rows;
      if (rows.length < PAGE) break;
      const last = rows[rows.length - 1]!;
      after = { day: last.report_date, id: last.id };
    }
  }
}

/** The header of a row-per-report export. */
function header(team: boolean): string[] {
  return [
    ...(team ? ['Conseiller'] : []),
    'Date',
    'Commune',
    'Code INSEE',
    'Département',
    'Canal',
    'Activité',
    'Participants',
    ...AGE_BANDS.map((a) => a.label),
    ...STATUSES.map((s) => s.label),
    'Thèmes',
    'Durée',
    'Durée (min)',
    'Orientation',
  ];
}

/** One report as a row of cells. */
function cellsOf(r: ReportRow, names: Map<number, string> | null): (string | number)[] {
  const commune = communeView(r.commune_code);
  return [
    ...(names ? [names.get(r.author_id) ?? ''] : []),
    r.report_date,
    commune.name,
    r.commune_code,
    r.department_code,
    labelOf(CANALS, r.canal),
    labelOf(ACTIVITIES, r.activity),
    r.participants,
    ...AGE_BANDS.map((a) => Number(r[`age_${a.key}`])),
    ...STATUSES.map((s) => Number(r[`st_${s.key}`])),
    themesOfMask(r.themes)
      .map((t) => labelOf(THEMES, t))
      .join(', '),
    labelOf(DURATIONS, r.duration_band),
    r.duration_minutes ?? '',
    r.redirected ? (r.redirected_to ?? 'Oui') : 'Non',
  ];
}

/** The download name of an export. */
const fileName = (q: StatsQuery, ext: string) => `comptes-rendus-${q.scope === 'team' ? 'equipe-' : ''}${q.from}-au-${q.to}.${ext}`;

/** The CSV export as a stream (checked before the first byte, so a refusal is still a clean error). */
export async function reportsCsv(db: Knex, actor: UserRow, q: StatsQuery): Promise<{ filename: string; stream: Readable }> {
  const { ids, names } = await authorsOf(db, actor, q);
  const csv = stringify({ delimiter: ';', bom: true, record_delimiter: 'windows' });
  const text = (cells: (string | number)[]) => cells.map((c) => (typeof c === 'number' ? String(c) : neutralizeCell(c)));
  void (async () => {
    try {
      csv.write(text(header(!!names)));
      for await (const rows of pages(db, ids, q)) {
        for (const r of rows) if (!csv.write(text(cellsOf(r, names)))) await new Promise((res) => csv.once('drain', res));
      }
      csv.end();
    } catch (err) {
      csv.destroy(err as Error);
    }
  })();
  return { filename: fileName(q, 'csv'), stream: csv };
}

/** The summary sheet: the dashboard's figures, breakdown by breakdown ("< 5" for a masked cell). */
function summaryRows(s: ReportStats): XlsxCell[][] {
  const rows: XlsxCell[][] = [];
  const line = (a: string, b: string | number | null = '') => rows.push([a, b ?? '< 5']);
  line(`Comptes rendus d'activité du ${s.from} au ${s.to}`);
  line(s.territory);
  line('Accompagnements', s.reports);
  line('Personnes accompagnées', s.participants);
  line('Orientations vers une autre structure', s.redirected);
  const block = (title: string, cells: { label: string; count: number | null }[]) => {
    line('');
    line(title, 'Nombre');
    for (const c of cells) line(c.label, c.count);
  };
  block('Activité', s.activities);
  block('Canal', s.canals);
  block('Durée', s.durations);
  block('Thèmes', s.themes);
  block("Tranches d'âge (personnes)", s.ages);
  block('Statut (personnes)', s.statuses);
  block('Communes', s.communes);
  if (s.people)
    block(
      'Accompagnements par personne',
      s.people.map((p) => ({ label: p.label, count: p.reports })),
    );
  return rows;
}

/** Every report of the export as spreadsheet rows, header first, a page at a time. */
async function* reportRows(db: Knex, ids: number[], names: Map<number, string> | null, q: StatsQuery): AsyncGenerator<XlsxCell[][]> {
  yield [header(!!names)];
  for await (const rows of pages(db, ids, q)) yield rows.map((r) => cellsOf(r, names));
}

/**
 * The XLSX export as a stream: the rows' sheet, then the summary. The zip pulls
 * each page from the database only when it has written the previous one, so
 * memory stays flat whatever the number of rows (server/xlsx.ts).
 */
export async function reportsXlsx(db: Knex, actor: UserRow, q: StatsQuery): Promise<{ filename: string; stream: Readable }> {
  const { ids, names } = await authorsOf(db, actor, q);
  const stats = await statsFor(db, actor, q);
  const widths = [...(names ? [24] : []), 11, 24, 11, 12, 20, 26, 12];
  const stream = xlsxStream([
    { name: 'Accompagnements', widths, rows: reportRows(db, ids, names, q) },
    { name: 'Synthèse', widths: [48, 14], rows: [summaryRows(stats)] },
  ]);
  return { filename: fileName(q, 'xlsx'), stream };
}
