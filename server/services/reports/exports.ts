/**
 * Exports for the host structure: my reports (or my team's, for a manager)
 * over the dashboard's period, one row per report, as CSV (UTF-8 BOM, `;`,
 * formula cells neutralised) or XLSX (the rows, then a summary sheet). Both
 * read the rows page by page and write them as they come; the CSV holds one
 * page in memory at a time (the XLSX writer buffers behind its zip).
 */
import { PassThrough, type Readable } from 'node:stream';
import type { Knex } from 'knex';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { notFound } from '../../errors';
import { reportsOfAuthorsPage, type ReportRow } from '../../db/reports';
import { teamMemberIds } from '../../db/report-teams';
import type { UserRow } from '../../db/users';
import { ACTIVITIES, AGE_BANDS, CANALS, DURATIONS, STATUSES, THEMES, labelOf } from '../../protocol/report-catalog';
import type { ReportStats, StatsQuery } from '../../protocol/reports';
import { neutralizeCell } from '../../csv';
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
  const people = await db<UserRow>('users').whereIn('id', ids).select('id', 'first_name', 'last_name');
  return { ids, names: new Map(people.map((p) => [p.id, `${p.first_name} ${p.last_name}`])) };
}

/** Every report of the authors over the period, a page at a time (person by person, then by date). */
async function* pages(db: Knex, ids: number[], q: StatsQuery): AsyncGenerator<ReportRow[]> {
  let after: { author: number; day: string; id: number } | null = null;
  for (;;) {
    const rows = await reportsOfAuthorsPage(db, ids, q.from, q.to, after, PAGE);
    if (rows.length) yield rows;
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1]!;
    after = { author: last.author_id, day: last.report_date, id: last.id };
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

/** The summary sheet: the dashboard's figures, breakdown by breakdown. */
function addSummary(wb: ExcelJS.stream.xlsx.WorkbookWriter, s: ReportStats): void {
  const sheet = wb.addWorksheet('Synthèse');
  sheet.columns = [{ width: 48 }, { width: 14 }];
  const line = (a: string, b: string | number | null = '') => sheet.addRow([a, b ?? '< 5']).commit();
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
  sheet.commit();
}

/** Lets the zip deflate what the last page wrote before the next page is read. */
const yieldToZip = () => new Promise((resolve) => setImmediate(resolve));

/** The XLSX export as a stream: ExcelJS's streaming writer commits each row as it goes. */
export async function reportsXlsx(db: Knex, actor: UserRow, q: StatsQuery): Promise<{ filename: string; stream: Readable }> {
  const { ids, names } = await authorsOf(db, actor, q);
  const stats = await statsFor(db, actor, q);
  const out = new PassThrough();
  void (async () => {
    try {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
      wb.creator = 'Maillage';
      // The rows first, the small summary second: the zip takes one sheet at a time. ExcelJS's writer
      // does not heed the zip's back-pressure, so an XLSX export's memory grows with its rows
      // (docs/performance.md); the CSV export's does not.
      const sheet = wb.addWorksheet('Accompagnements');
      sheet.addRow(header(!!names)).commit();
      for await (const rows of pages(db, ids, q)) {
        for (const r of rows) sheet.addRow(cellsOf(r, names)).commit();
        await yieldToZip();
      }
      sheet.commit();
      addSummary(wb, stats);
      await wb.commit();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return { filename: fileName(q, 'xlsx'), stream: out };
}
