import type { Knex } from 'knex';

/** A row of `personal_data_exports`: an archive built in the background. */
export interface PersonalDataExportRow {
  id: number;
  user_id: number;
  token_hash: string;
  status: 'building' | 'ready' | 'failed';
  created_at: Date | number;
  ready_at: Date | number | null;
  expires_at: Date | number;
}

/** Records an archive being built. */
export async function insertExport(db: Knex, e: { userId: number; tokenHash: string; expiresAt: Date }): Promise<PersonalDataExportRow> {
  const [row] = await db('personal_data_exports')
    .insert({ user_id: e.userId, token_hash: e.tokenHash, status: 'building', created_at: new Date(), expires_at: e.expiresAt })
    .returning('*');
  return row as PersonalDataExportRow;
}

/** Marks an archive ready or failed. */
export async function setExportStatus(db: Knex, id: number, status: 'ready' | 'failed'): Promise<void> {
  await db('personal_data_exports')
    .where({ id })
    .update({ status, ready_at: status === 'ready' ? new Date() : null });
}

/** A live, ready archive of this user by the hash of its token (anything else: undefined). */
export async function findReadyExport(db: Knex, userId: number, tokenHash: string): Promise<PersonalDataExportRow | undefined> {
  return db<PersonalDataExportRow>('personal_data_exports')
    .where({ user_id: userId, token_hash: tokenHash, status: 'ready' })
    .andWhere('expires_at', '>', new Date())
    .first();
}

/** Deletes the rows of expired archives and answers their ids (their files go too). */
export async function takeExpiredExports(db: Knex, now: Date): Promise<number[]> {
  const rows = await db('personal_data_exports').where('expires_at', '<=', now).select('id');
  const ids = rows.map((r: { id: number }) => r.id);
  if (ids.length) await db('personal_data_exports').whereIn('id', ids).delete();
  return ids;
}
