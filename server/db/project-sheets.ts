/** project_sheets and project_sheet_versions: a creator's sheet and every state it went through. */
import type { Knex } from 'knex';

export interface ProjectSheetRow {
  id: number;
  owner_id: number;
  title: string;
  summary: string;
  stage: string;
  sector_id: number | null;
  department_code: string | null;
  commune_code: string | null;
  project_size: string | null;
  legal_form: string | null;
  /** JSON array of need keys. */
  needs: string;
  description: string;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

/** The columns a creator edits (what a version snapshots). */
export type SheetFields = Pick<
  ProjectSheetRow,
  'title' | 'summary' | 'stage' | 'sector_id' | 'department_code' | 'commune_code' | 'project_size' | 'legal_form' | 'needs' | 'description'
>;

export const SHEET_FIELDS: (keyof SheetFields)[] = [
  'title',
  'summary',
  'stage',
  'sector_id',
  'department_code',
  'commune_code',
  'project_size',
  'legal_form',
  'needs',
  'description',
];

export async function findSheet(db: Knex, id: number): Promise<ProjectSheetRow | undefined> {
  return db<ProjectSheetRow>('project_sheets').where({ id }).first();
}

/** Inserts a sheet and its version 1. */
export async function insertSheet(db: Knex, ownerId: number, f: SheetFields): Promise<ProjectSheetRow> {
  const now = new Date();
  const [row] = await db('project_sheets')
    .insert({ owner_id: ownerId, ...f, version: 1, created_at: now, updated_at: now })
    .returning('*');
  const sheet = row as ProjectSheetRow;
  await db('project_sheet_versions').insert({ sheet_id: sheet.id, version: 1, data: JSON.stringify(f), created_at: now });
  return sheet;
}

/** Writes the new fields as the next version (the caller checked that something changed). */
export async function updateSheet(db: Knex, sheet: ProjectSheetRow, f: SheetFields): Promise<ProjectSheetRow> {
  const now = new Date();
  const version = sheet.version + 1;
  // The version in the WHERE: two edits at once cannot both write version n+1 (the unique key refuses the second).
  await db('project_sheets')
    .where({ id: sheet.id, version: sheet.version })
    .update({ ...f, version, updated_at: now });
  await db('project_sheet_versions').insert({ sheet_id: sheet.id, version, data: JSON.stringify(f), created_at: now });
  return (await findSheet(db, sheet.id))!;
}

/** Marks the sheet touched (canvas changes) without a new version of its text. */
export async function touchSheet(db: Knex, id: number): Promise<void> {
  await db('project_sheets').where({ id }).update({ updated_at: new Date() });
}

export async function deleteSheet(db: Knex, id: number): Promise<void> {
  await db('project_sheets').where({ id }).delete();
}

/** The fields of one version, or undefined. */
export async function sheetVersion(db: Knex, sheetId: number, version: number): Promise<SheetFields | undefined> {
  const row = await db('project_sheet_versions').where({ sheet_id: sheetId, version }).first('data');
  if (!row) return undefined;
  try {
    return JSON.parse(row.data) as SheetFields;
  } catch {
    return undefined;
  }
}

/** A creator's own sheets, the latest changed first. */
export async function sheetsOfOwner(db: Knex, ownerId: number): Promise<ProjectSheetRow[]> {
  return db<ProjectSheetRow>('project_sheets')
    .where({ owner_id: ownerId })
    .orderBy([
      { column: 'updated_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ]);
}
