/** Checks of a resource's references (départements, sectors, application) and its categories as the wire shows them. */
import type { Knex } from 'knex';
import { invalidPayload } from '../../errors';
import { departmentExists } from '../../db/departments';
import { countSectors, listSectors } from '../../db/sectors';
import { applicationExists } from '../../db/resource-applications';
import { resourceCategories } from '../../db/resources';
import type { ResourceTheme } from '../../protocol/resources';
import type { ResourceCategories } from '../../presenters/resources';

/** Unknown départements, sectors or application answer `invalid_payload` naming the field. */
export async function checkReferences(
  db: Knex,
  input: { departmentCodes: string[]; sectorIds: number[]; applicationId: number | null },
): Promise<void> {
  for (const code of input.departmentCodes) {
    if (!(await departmentExists(db, code)))
      throw invalidPayload('Département inconnu.', { fields: { departmentCodes: `Département inconnu : ${code}.` } });
  }
  const sectors = new Set(input.sectorIds);
  if ((await countSectors(db, [...sectors])) !== sectors.size) {
    throw invalidPayload('Secteur inconnu.', { fields: { sectorIds: 'Secteur inconnu.' } });
  }
  if (input.applicationId !== null && !(await applicationExists(db, input.applicationId))) {
    throw invalidPayload('Application inconnue.', { fields: { applicationId: 'Application inconnue.' } });
  }
}

/** The categories of some resources, by id (sectors with their names). */
export async function categoriesFor(db: Knex, ids: number[]): Promise<Map<number, ResourceCategories>> {
  const out = new Map<number, ResourceCategories>();
  for (const id of ids) out.set(id, { themes: [], departmentCodes: [], sectors: [] });
  const rows = await resourceCategories(db, ids);
  const sectorNames = rows.some((r) => r.sector_id) ? new Map((await listSectors(db)).map((s) => [s.id, s.name])) : new Map();
  for (const r of rows) {
    const c = out.get(Number(r.resource_id))!;
    if (r.theme) c.themes.push(r.theme as ResourceTheme);
    if (r.department_code) c.departmentCodes.push(r.department_code);
    if (r.sector_id) c.sectors.push({ id: Number(r.sector_id), name: sectorNames.get(Number(r.sector_id)) ?? '' });
  }
  for (const c of out.values()) {
    c.departmentCodes.sort();
    c.sectors.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }
  return out;
}
