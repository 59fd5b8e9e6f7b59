import type { Knex } from 'knex';

export interface EventCategories {
  departmentCodes: string[];
  sectors: { id: number; name: string }[];
}

/** The départements and sectors of some agenda events, by event id. */
export async function eventCategoriesOf(db: Knex, eventIds: number[]): Promise<Map<number, EventCategories>> {
  const out = new Map<number, EventCategories>(eventIds.map((id) => [id, { departmentCodes: [], sectors: [] }]));
  if (!eventIds.length) return out;
  const rows = (await db('event_categories as c')
    .leftJoin('sectors as s', 's.id', 'c.sector_id')
    .whereIn('c.event_id', eventIds)
    .orderBy(['c.department_code', 's.name'])
    .select('c.event_id', 'c.department_code', 'c.sector_id', 's.name as sector_name')) as Array<{
    event_id: number;
    department_code: string | null;
    sector_id: number | null;
    sector_name: string | null;
  }>;
  for (const r of rows) {
    const entry = out.get(Number(r.event_id))!;
    if (r.department_code) entry.departmentCodes.push(r.department_code);
    if (r.sector_id) entry.sectors.push({ id: Number(r.sector_id), name: r.sector_name ?? '' });
  }
  return out;
}

/** Replaces an event's départements and sectors. */
export async function setEventCategories(db: Knex, eventId: number, departmentCodes: string[], sectorIds: number[]): Promise<void> {
  await db('event_categories').where({ event_id: eventId }).delete();
  const rows = [
    ...[...new Set(departmentCodes)].map((code) => ({ event_id: eventId, department_code: code, sector_id: null })),
    ...[...new Set(sectorIds)].map((id) => ({ event_id: eventId, department_code: null, sector_id: id })),
  ];
  if (rows.length) await db('event_categories').insert(rows);
}
