import type { Knex } from 'knex';

/** A row of `resource_applications`: an application or product resources are about. */
export interface ResourceApplicationRow {
  id: number;
  name: string;
}

export async function listApplications(db: Knex): Promise<ResourceApplicationRow[]> {
  return db<ResourceApplicationRow>('resource_applications').orderByRaw('lower(name)').select('id', 'name');
}

export async function insertApplication(db: Knex, name: string): Promise<ResourceApplicationRow> {
  const [row] = await db('resource_applications').insert({ name, created_at: new Date() }).returning(['id', 'name']);
  return row as ResourceApplicationRow;
}

export async function renameApplication(db: Knex, id: number, name: string): Promise<ResourceApplicationRow | undefined> {
  const [row] = await db('resource_applications').where({ id }).update({ name }).returning(['id', 'name']);
  return row as ResourceApplicationRow | undefined;
}

export async function applicationExists(db: Knex, id: number): Promise<boolean> {
  return !!(await db('resource_applications').where({ id }).first('id'));
}
