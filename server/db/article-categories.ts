import type { Knex } from 'knex';
import type { Sector } from '../protocol/publishing';

/** The categories of some articles, by article id. */
export async function categoriesOf(db: Knex, articleIds: number[]): Promise<Map<number, { departmentCodes: string[]; sectors: Sector[] }>> {
  const out = new Map<number, { departmentCodes: string[]; sectors: Sector[] }>();
  for (const id of articleIds) out.set(id, { departmentCodes: [], sectors: [] });
  if (!articleIds.length) return out;
  const rows = await db('article_categories as c')
    .leftJoin('sectors as s', 's.id', 'c.sector_id')
    .whereIn('c.article_id', articleIds)
    .orderBy(['c.department_code', 's.name'])
    .select('c.article_id', 'c.department_code', 'c.sector_id', 's.name as sector_name');
  for (const r of rows as Array<{
    article_id: number;
    department_code: string | null;
    sector_id: number | null;
    sector_name: string | null;
  }>) {
    const entry = out.get(Number(r.article_id))!;
    if (r.department_code) entry.departmentCodes.push(r.department_code);
    if (r.sector_id) entry.sectors.push({ id: Number(r.sector_id), name: r.sector_name ?? '' });
  }
  return out;
}

/** Replaces an article's categories. */
export async function setCategories(db: Knex, articleId: number, departmentCodes: string[], sectorIds: number[]): Promise<void> {
  await db('article_categories').where({ article_id: articleId }).delete();
  const rows = [
    ...[...new Set(departmentCodes)].map((code) => ({ article_id: articleId, department_code: code, sector_id: null })),
    ...[...new Set(sectorIds)].map((id) => ({ article_id: articleId, department_code: null, sector_id: id })),
  ];
  if (rows.length) await db('article_categories').insert(rows);
}
