/** canvas_postits: the post-its of a sheet's canvas, ordered by position inside each block. */
import type { Knex } from 'knex';

export interface PostitRow {
  id: number;
  sheet_id: number;
  block: string;
  position: number;
  text: string;
  color: string;
  created_at: Date | string;
  updated_at: Date | string;
  comment_count?: number | string;
}

/** Every post-it of a sheet with its thread's size, block by block in order. */
export async function postitsOfSheet(db: Knex, sheetId: number): Promise<PostitRow[]> {
  return db('canvas_postits as p')
    .where('p.sheet_id', sheetId)
    .orderBy([{ column: 'p.block' }, { column: 'p.position' }, { column: 'p.id' }])
    .select('p.*', db('sheet_comments as c').whereRaw('c.postit_id = p.id').count('*').as('comment_count'));
}

export async function findPostit(db: Knex, sheetId: number, id: number): Promise<PostitRow | undefined> {
  return db<PostitRow>('canvas_postits').where({ sheet_id: sheetId, id }).first();
}

/** The ids of a block's post-its in order. */
export async function blockOrder(db: Knex, sheetId: number, block: string): Promise<number[]> {
  const rows = await db('canvas_postits')
    .where({ sheet_id: sheetId, block })
    .orderBy([{ column: 'position' }, { column: 'id' }])
    .select('id');
  return rows.map((r: { id: number }) => Number(r.id));
}

/** Writes a block's order: each id gets its index as position (and the block, for a post-it moved in). */
export async function writeBlockOrder(db: Knex, sheetId: number, block: string, ids: number[]): Promise<void> {
  const now = new Date();
  for (const [position, id] of ids.entries()) {
    await db('canvas_postits').where({ sheet_id: sheetId, id }).update({ block, position, updated_at: now });
  }
}

export async function insertPostit(
  db: Knex,
  p: { sheetId: number; block: string; text: string; color: string; position: number },
): Promise<PostitRow> {
  const now = new Date();
  const [row] = await db('canvas_postits')
    .insert({ sheet_id: p.sheetId, block: p.block, position: p.position, text: p.text, color: p.color, created_at: now, updated_at: now })
    .returning('*');
  return row as PostitRow;
}

export async function updatePostit(db: Knex, id: number, changes: { text?: string; color?: string }): Promise<void> {
  await db('canvas_postits')
    .where({ id })
    .update({ ...changes, updated_at: new Date() });
}

export async function deletePostit(db: Knex, id: number): Promise<void> {
  await db('canvas_postits').where({ id }).delete();
}
