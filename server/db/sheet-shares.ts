/** sheet_shares: who a creator shared a sheet with (by address), and the reverse lookups access needs. */
import type { Knex } from 'knex';
import type { ProjectSheetRow } from './project-sheets';

export interface SheetShareRow {
  id: number;
  sheet_id: number;
  email: string;
  user_id: number | null;
  created_at: Date | string;
}

/** The share that names this person on this sheet (by account, or by address for a share made before the account). */
export async function shareFor(db: Knex, sheetId: number, user: { id: number; email: string }): Promise<SheetShareRow | undefined> {
  return db<SheetShareRow>('sheet_shares')
    .where({ sheet_id: sheetId })
    .where((w) => w.where('user_id', user.id).orWhere((x) => x.whereNull('user_id').where('email', user.email.toLowerCase())))
    .first();
}

export async function sharesOfSheet(db: Knex, sheetId: number): Promise<SheetShareRow[]> {
  return db<SheetShareRow>('sheet_shares').where({ sheet_id: sheetId }).orderBy('id', 'asc');
}

export async function findShare(db: Knex, sheetId: number, id: number): Promise<SheetShareRow | undefined> {
  return db<SheetShareRow>('sheet_shares').where({ sheet_id: sheetId, id }).first();
}

export async function findShareByEmail(db: Knex, sheetId: number, email: string): Promise<SheetShareRow | undefined> {
  return db<SheetShareRow>('sheet_shares').where({ sheet_id: sheetId, email }).first();
}

export async function insertShare(db: Knex, sheetId: number, email: string, userId: number | null): Promise<SheetShareRow> {
  const [row] = await db('sheet_shares').insert({ sheet_id: sheetId, email, user_id: userId, created_at: new Date() }).returning('*');
  return row as SheetShareRow;
}

export async function deleteShare(db: Knex, id: number): Promise<void> {
  await db('sheet_shares').where({ id }).delete();
}

/** The sheets shared with this person (by account or by address), the latest changed first. */
export async function sheetsSharedWith(db: Knex, user: { id: number; email: string }): Promise<ProjectSheetRow[]> {
  return db('project_sheets as p')
    .join('sheet_shares as s', 's.sheet_id', 'p.id')
    .where((w) => w.where('s.user_id', user.id).orWhere((x) => x.whereNull('s.user_id').where('s.email', user.email.toLowerCase())))
    .orderBy([
      { column: 'p.updated_at', order: 'desc' },
      { column: 'p.id', order: 'desc' },
    ])
    .select('p.*');
}
