import type { Knex } from 'knex';

type Stamp = Date | number | string;

/** An internal note of the hotline staff on a ticket (never a channel message). */
export interface NoteRow {
  id: number;
  ticket_id: number;
  author_id: number;
  body: string;
  created_at: Stamp;
}

/** A note with its author's names joined in. */
export type NoteWithAuthor = NoteRow & { author_username: string; author_first_name: string; author_last_name: string };

const withAuthor = (db: Knex) =>
  db('hotline_notes as n')
    .join('users as u', 'u.id', 'n.author_id')
    .select('n.*', 'u.username as author_username', 'u.first_name as author_first_name', 'u.last_name as author_last_name');

export async function insertNote(db: Knex, note: Omit<NoteRow, 'id'>): Promise<NoteWithAuthor> {
  const [r] = await db('hotline_notes').insert(note).returning('id');
  return (await withAuthor(db)
    .where('n.id', Number((r as { id: number }).id))
    .first()) as NoteWithAuthor;
}

/** The notes of a ticket, oldest first. */
export async function notesOf(db: Knex, ticketId: number): Promise<NoteWithAuthor[]> {
  return withAuthor(db).where('n.ticket_id', ticketId).orderBy('n.id');
}

/** A hotline category (admins maintain the list; archived ones stay on old tickets). */
export interface CategoryRow {
  id: number;
  slug: string;
  name: string;
  position: number;
  archived_at: Stamp | null;
  created_at: Stamp;
}

export async function listCategories(db: Knex, includeArchived: boolean): Promise<CategoryRow[]> {
  const q = db<CategoryRow>('hotline_categories').orderBy([{ column: 'position' }, { column: 'name' }]);
  if (!includeArchived) q.whereNull('archived_at');
  return q;
}

export async function findCategory(db: Knex, id: number): Promise<CategoryRow | undefined> {
  return db<CategoryRow>('hotline_categories').where({ id }).first();
}

export async function findCategoryBySlug(db: Knex, slug: string): Promise<CategoryRow | undefined> {
  return db<CategoryRow>('hotline_categories').where({ slug }).first();
}

export async function insertCategory(db: Knex, c: Pick<CategoryRow, 'slug' | 'name' | 'position'>): Promise<CategoryRow> {
  const [row] = await db('hotline_categories')
    .insert({ ...c, created_at: new Date() })
    .returning('*');
  return row as CategoryRow;
}

export async function updateCategory(db: Knex, id: number, changes: Partial<CategoryRow>): Promise<CategoryRow> {
  await db('hotline_categories').where({ id }).update(changes);
  return (await findCategory(db, id))!;
}
