/** sheet_comments and sheet_reads: contributions on a sheet, and where each reader left it. */
import type { Knex } from 'knex';

export interface SheetCommentRow {
  id: number;
  sheet_id: number;
  postit_id: number | null;
  author_id: number | null;
  subject: string | null;
  body: string;
  created_at: Date | string;
  username: string | null;
  first_name: string | null;
  last_name: string | null;
}

const withAuthor = (db: Knex) =>
  db('sheet_comments as c').leftJoin('users as u', 'u.id', 'c.author_id').select('c.*', 'u.username', 'u.first_name', 'u.last_name');

/** A sheet's comments, oldest first (threads and sheet comments alike). */
export async function commentsOfSheet(db: Knex, sheetId: number): Promise<SheetCommentRow[]> {
  return withAuthor(db).where('c.sheet_id', sheetId).orderBy('c.id', 'asc').limit(2000);
}

export async function findComment(db: Knex, id: number): Promise<SheetCommentRow | undefined> {
  return withAuthor(db).where('c.id', id).first();
}

export async function insertComment(
  db: Knex,
  c: { sheetId: number; postitId: number | null; authorId: number; subject: string | null; body: string },
): Promise<number> {
  const [row] = await db('sheet_comments')
    .insert({ sheet_id: c.sheetId, postit_id: c.postitId, author_id: c.authorId, subject: c.subject, body: c.body, created_at: new Date() })
    .returning('id');
  return Number((row as { id: number }).id ?? row);
}

export interface SheetReadRow {
  sheet_id: number;
  user_id: number;
  seen_version: number;
  seen_comment_id: number;
  seen_at: Date | string;
}

export async function findRead(db: Knex, sheetId: number, userId: number): Promise<SheetReadRow | undefined> {
  return db<SheetReadRow>('sheet_reads').where({ sheet_id: sheetId, user_id: userId }).first();
}

/** Where these readers left these sheets, by sheet id. */
export async function readsOf(db: Knex, userId: number, sheetIds: number[]): Promise<Map<number, SheetReadRow>> {
  if (!sheetIds.length) return new Map();
  const rows = await db<SheetReadRow>('sheet_reads').where({ user_id: userId }).whereIn('sheet_id', sheetIds);
  return new Map(rows.map((r) => [Number(r.sheet_id), r]));
}

/** Records a visit; never moves backwards (two tabs). */
export async function saveRead(db: Knex, sheetId: number, userId: number, version: number, commentId: number): Promise<void> {
  const now = new Date();
  const prev = await findRead(db, sheetId, userId);
  if (!prev) {
    await db('sheet_reads')
      .insert({ sheet_id: sheetId, user_id: userId, seen_version: version, seen_comment_id: commentId, seen_at: now })
      .onConflict(['sheet_id', 'user_id'])
      .merge();
    return;
  }
  await db('sheet_reads')
    .where({ sheet_id: sheetId, user_id: userId })
    .update({
      seen_version: Math.max(prev.seen_version, version),
      seen_comment_id: Math.max(prev.seen_comment_id, commentId),
      seen_at: now,
    });
}

/** The newest comment id of a sheet (0 when none). */
export async function lastCommentId(db: Knex, sheetId: number): Promise<number> {
  const row = await db('sheet_comments').where({ sheet_id: sheetId }).max({ m: 'id' }).first();
  return Number(row?.m ?? 0);
}

/** Per sheet, how many comments by others than `userId` come after `afterId` (each sheet its own mark). */
export async function unreadCounts(db: Knex, userId: number, marks: Map<number, number>): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const [sheetId, afterId] of marks) {
    const row = await db('sheet_comments')
      .where({ sheet_id: sheetId })
      .where('id', '>', afterId)
      .where((w) => w.whereNull('author_id').orWhereNot('author_id', userId))
      .count({ n: '*' })
      .first();
    out.set(sheetId, Number(row?.n ?? 0));
  }
  return out;
}
