import type { Knex } from 'knex';
import { conflict, notFound } from '../../errors';
import { findCategory, findCategoryBySlug, insertCategory, listCategories, updateCategory, type CategoryRow } from '../../db/hotline-notes';
import type { UserRow } from '../../db/users';
import { canManageCategories } from '../../access/hotline';
import { freeSlug, slugify } from '../../slug';

/** The categories a request may be filed under; admins also see the archived ones when they ask. */
export async function categoriesFor(db: Knex, actor: UserRow, includeArchived: boolean): Promise<CategoryRow[]> {
  return listCategories(db, includeArchived && canManageCategories(actor));
}

async function nameTaken(db: Knex, name: string, exceptId?: number): Promise<boolean> {
  const rows = await listCategories(db, true);
  return rows.some((c) => c.id !== exceptId && c.name.localeCompare(name, 'fr', { sensitivity: 'base' }) === 0);
}

/** Admins add a category (names are unique, ignoring case and accents). */
export async function createCategory(db: Knex, input: { name: string; position?: number }): Promise<CategoryRow> {
  if (await nameTaken(db, input.name)) throw conflict('category_exists', 'Une catégorie porte déjà ce nom.');
  const slug = await freeSlug(slugify(input.name, 'categorie'), (s) => findCategoryBySlug(db, s));
  return insertCategory(db, { slug, name: input.name, position: input.position ?? 50 });
}

/** Admins rename, reorder, archive or restore a category; archived ones stay on old tickets but are no longer offered. */
export async function changeCategory(
  db: Knex,
  id: number,
  changes: { name?: string; position?: number; archived?: boolean },
): Promise<CategoryRow> {
  const c = await findCategory(db, id);
  if (!c) throw notFound('Catégorie');
  if (changes.name !== undefined && (await nameTaken(db, changes.name, id)))
    throw conflict('category_exists', 'Une catégorie porte déjà ce nom.');
  const row: Partial<CategoryRow> = {};
  if (changes.name !== undefined) row.name = changes.name;
  if (changes.position !== undefined) row.position = changes.position;
  if (changes.archived !== undefined) row.archived_at = changes.archived ? (c.archived_at ?? new Date()) : null;
  return Object.keys(row).length ? updateCategory(db, id, row) : c;
}
