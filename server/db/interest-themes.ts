import type { Knex } from 'knex';

/** A row of `interest_themes`. */
export interface InterestThemeRow {
  id: number;
  label: string;
  position: number;
}

/** The theme list in its order. */
export async function listInterestThemes(db: Knex): Promise<InterestThemeRow[]> {
  return db<InterestThemeRow>('interest_themes')
    .orderBy([{ column: 'position' }, { column: 'id' }])
    .select('id', 'label', 'position');
}

export async function findInterestTheme(db: Knex, id: number): Promise<InterestThemeRow | undefined> {
  return db<InterestThemeRow>('interest_themes').where({ id }).first('id', 'label', 'position');
}

export async function findInterestThemeByLabel(db: Knex, label: string): Promise<InterestThemeRow | undefined> {
  return db<InterestThemeRow>('interest_themes').whereRaw('lower(label) = lower(?)', [label]).first('id', 'label', 'position');
}

/** Adds a theme at the end of the list. */
export async function insertInterestTheme(db: Knex, label: string): Promise<InterestThemeRow> {
  const max = await db('interest_themes').max({ p: 'position' }).first();
  const [row] = await db('interest_themes')
    .insert({ label, position: Number(max?.p ?? -1) + 1, created_at: new Date() })
    .returning('id');
  return (await findInterestTheme(db, Number(typeof row === 'object' ? row.id : row)))!;
}

export async function renameInterestTheme(db: Knex, id: number, label: string): Promise<void> {
  await db('interest_themes').where({ id }).update({ label });
}

/** Removes a theme; interests, subscriptions and issue audiences that named it go with it (foreign keys cascade). */
export async function deleteInterestTheme(db: Knex, id: number): Promise<boolean> {
  return (await db('interest_themes').where({ id }).delete()) === 1;
}

/** Of these ids, the ones that are themes. */
export async function existingThemeIds(db: Knex, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const rows = await db('interest_themes').whereIn('id', ids).select('id');
  return rows.map((r: { id: number }) => Number(r.id));
}

type Link = 'user_interests' | 'newsletter_subscriptions';

/** The theme ids a user chose, as interests or as newsletter subscriptions. */
export async function themeIdsOf(db: Knex, table: Link, userId: number): Promise<number[]> {
  const rows = await db(table).where({ user_id: userId }).orderBy('theme_id').select('theme_id');
  return rows.map((r: { theme_id: number }) => Number(r.theme_id));
}

/** Makes a user's set of interests (or subscriptions) exactly `themeIds`. */
export async function replaceThemeIds(db: Knex, table: Link, userId: number, themeIds: number[]): Promise<void> {
  const q = db(table).where({ user_id: userId });
  if (themeIds.length) q.whereNotIn('theme_id', themeIds);
  await q.delete();
  if (!themeIds.length) return;
  const now = new Date();
  await db(table)
    .insert(themeIds.map((theme_id) => ({ user_id: userId, theme_id, created_at: now })))
    .onConflict(['user_id', 'theme_id'])
    .ignore();
}

/** Drops some of a user's newsletter subscriptions; answers the theme ids actually dropped. */
export async function dropSubscriptions(db: Knex, userId: number, themeIds: number[]): Promise<number[]> {
  if (!themeIds.length) return [];
  const held = await db('newsletter_subscriptions').where({ user_id: userId }).whereIn('theme_id', themeIds).select('theme_id');
  await db('newsletter_subscriptions').where({ user_id: userId }).whereIn('theme_id', themeIds).delete();
  return held.map((r: { theme_id: number }) => Number(r.theme_id));
}
