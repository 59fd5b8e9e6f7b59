/** The applications and products resources are about: anyone reads the list, admins add and rename. */
import type { Deps } from '../../deps';
import { conflict, notFound } from '../../errors';
import { insertApplication, listApplications, renameApplication, type ResourceApplicationRow } from '../../db/resource-applications';

export const applications = (deps: Deps) => listApplications(deps.db);

const taken = () => conflict('name_taken', 'Cette application existe déjà.', { fields: { name: 'Cette application existe déjà.' } });

export async function addApplication(deps: Deps, name: string): Promise<ResourceApplicationRow> {
  try {
    return await insertApplication(deps.db, name);
  } catch (err) {
    if (/unique|duplicate/i.test(String(err))) throw taken();
    throw err;
  }
}

export async function changeApplication(deps: Deps, id: number, name: string): Promise<ResourceApplicationRow> {
  let row: ResourceApplicationRow | undefined;
  try {
    row = await renameApplication(deps.db, id, name);
  } catch (err) {
    if (/unique|duplicate/i.test(String(err))) throw taken();
    throw err;
  }
  if (!row) throw notFound('Application');
  return row;
}
