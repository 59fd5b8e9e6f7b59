/** project_sheet_files: attachments of a project sheet. */
import type { Knex } from 'knex';

export interface SheetFileRow {
  id: number;
  sheet_id: number;
  uploader_id: number | null;
  sha256: string;
  filename: string;
  mime_type: string;
  size: number | string;
  created_at: Date | string;
}

export async function filesOfSheet(db: Knex, sheetId: number): Promise<SheetFileRow[]> {
  return db<SheetFileRow>('project_sheet_files').where({ sheet_id: sheetId }).orderBy('id', 'asc');
}

export async function findSheetFile(db: Knex, sheetId: number, id: number): Promise<SheetFileRow | undefined> {
  return db<SheetFileRow>('project_sheet_files').where({ sheet_id: sheetId, id }).first();
}

export async function insertSheetFile(db: Knex, f: Omit<SheetFileRow, 'id' | 'created_at'>): Promise<SheetFileRow> {
  const [row] = await db('project_sheet_files')
    .insert({ ...f, created_at: new Date() })
    .returning('*');
  return row as SheetFileRow;
}

export async function deleteSheetFile(db: Knex, id: number): Promise<void> {
  await db('project_sheet_files').where({ id }).delete();
}
