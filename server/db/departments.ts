import type { Knex } from 'knex';
import departements from '@etalab/decoupage-administratif/data/departements.json' with { type: 'json' };
import regions from '@etalab/decoupage-administratif/data/regions.json' with { type: 'json' };

export interface DepartmentRow {
  code: string;
  name: string;
  region_code: string;
}

/**
 * Loads régions and départements from @etalab/decoupage-administratif (INSEE's
 * official list, kept up to date by Etalab) into the database. Idempotent: run
 * at every start so a package update reaches existing databases. Overseas
 * collectivities without a région get a région row of their own.
 */
export async function syncDepartments(db: Knex): Promise<void> {
  const regionRows = new Map<string, string>(regions.map((r) => [r.code, r.nom]));
  for (const d of departements) if (!regionRows.has(d.region)) regionRows.set(d.region, d.nom);
  await db.transaction(async (trx) => {
    for (const [code, name] of regionRows) {
      await trx('regions').insert({ code, name }).onConflict('code').merge();
    }
    for (const d of departements) {
      await trx('departments').insert({ code: d.code, name: d.nom, region_code: d.region }).onConflict('code').merge();
    }
  });
}

export async function listDepartments(db: Knex): Promise<DepartmentRow[]> {
  return db<DepartmentRow>('departments').orderByRaw('length(code), code');
}

export async function departmentExists(db: Knex, code: string): Promise<boolean> {
  return !!(await db('departments').where({ code }).first());
}

/** The régions, by name. */
export async function listRegions(db: Knex): Promise<{ code: string; name: string }[]> {
  return db('regions').orderBy('name').select('code', 'name');
}

/** One région by code. */
export async function findRegion(db: Knex, code: string): Promise<{ code: string; name: string } | undefined> {
  return db('regions').where({ code }).first('code', 'name');
}
