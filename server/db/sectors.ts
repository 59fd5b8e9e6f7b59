import type { Knex } from 'knex';

export interface SectorRow {
  id: number;
  name: string;
}

export async function listSectors(db: Knex): Promise<SectorRow[]> {
  return db<SectorRow>('sectors').orderByRaw('lower(name)').select('id', 'name');
}

export async function insertSector(db: Knex, name: string): Promise<SectorRow> {
  const [row] = await db('sectors').insert({ name, created_at: new Date() }).returning(['id', 'name']);
  return row as SectorRow;
}

export async function renameSector(db: Knex, id: number, name: string): Promise<SectorRow | undefined> {
  const [row] = await db('sectors').where({ id }).update({ name }).returning(['id', 'name']);
  return row as SectorRow | undefined;
}

/** How many of these ids are sectors. */
export async function countSectors(db: Knex, ids: number[]): Promise<number> {
  if (!ids.length) return 0;
  const row = await db('sectors').whereIn('id', ids).count({ n: '*' }).first();
  return Number(row?.n ?? 0);
}
