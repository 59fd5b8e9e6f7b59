/** The sectors contents are sorted by: anyone reads the list, admins add and rename. */
import type { Deps } from '../../deps';
import { conflict, notFound } from '../../errors';
import { insertSector, listSectors, renameSector, type SectorRow } from '../../db/sectors';

export const sectors = (deps: Deps) => listSectors(deps.db);

const taken = () => conflict('name_taken', 'Ce secteur existe déjà.', { fields: { name: 'Ce secteur existe déjà.' } });

export async function addSector(deps: Deps, name: string): Promise<SectorRow> {
  try {
    return await insertSector(deps.db, name);
  } catch (err) {
    if (/unique|duplicate/i.test(String(err))) throw taken();
    throw err;
  }
}

export async function changeSector(deps: Deps, id: number, name: string): Promise<SectorRow> {
  let row: SectorRow | undefined;
  try {
    row = await renameSector(deps.db, id, name);
  } catch (err) {
    if (/unique|duplicate/i.test(String(err))) throw taken();
    throw err;
  }
  if (!row) throw notFound('Secteur');
  return row;
}
