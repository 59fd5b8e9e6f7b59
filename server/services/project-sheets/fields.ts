/**
 * A sheet's fields: from the wire body to columns (checked against the
 * sectors and communes we know), and the list of what changed between two
 * versions, in words a professional reads.
 */
import type { Knex } from 'knex';
import { invalidPayload } from '../../errors';
import { countSectors, listSectors } from '../../db/sectors';
import { SHEET_FIELDS, type SheetFields } from '../../db/project-sheets';
import { departmentExists } from '../../db/departments';
import { findCommune } from '../reports/communes';
import { PROJECT_NEEDS, SHEET_PROJECT_SIZES, PROJECT_STAGES, type SheetChange } from '../../protocol/project-sheets';

/** A body as parsed by `sheetBodySchema` (every field present). */
export interface SheetInput {
  title: string;
  summary: string;
  stage: string;
  sectorId: number | null;
  departmentCode: string | null;
  communeCode: string | null;
  projectSize: string | null;
  legalForm: string | null;
  needs: string[];
  description: string;
}

/** The input of an existing row, to merge a PATCH into. */
export function inputOf(f: SheetFields): SheetInput {
  return {
    title: f.title,
    summary: f.summary,
    stage: f.stage,
    sectorId: f.sector_id === null ? null : Number(f.sector_id),
    departmentCode: f.department_code,
    communeCode: f.commune_code,
    projectSize: f.project_size,
    legalForm: f.legal_form,
    needs: parseNeeds(f.needs),
    description: f.description,
  };
}

export function parseNeeds(raw: string): string[] {
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Columns from an input; an unknown sector, département or commune is refused by field, a commune fills its département. */
export async function toColumns(db: Knex, i: SheetInput): Promise<SheetFields> {
  const errors: Record<string, string> = {};
  if (i.sectorId !== null && (await countSectors(db, [i.sectorId])) !== 1) errors.sectorId = 'Secteur inconnu.';
  let department = i.departmentCode;
  if (i.communeCode) {
    const c = findCommune(i.communeCode);
    if (!c) errors.communeCode = 'Commune inconnue.';
    else if (department && c.departmentCode !== department) errors.communeCode = 'Cette commune n’est pas dans le département choisi.';
    else department = c.departmentCode;
  }
  if (department && !errors.communeCode && !(await departmentExists(db, department))) errors.departmentCode = 'Département inconnu.';
  if (Object.keys(errors).length) throw invalidPayload('Certains champs sont à corriger.', { fields: errors });
  return {
    title: i.title,
    summary: i.summary,
    stage: i.stage,
    sector_id: i.sectorId,
    department_code: department,
    commune_code: i.communeCode,
    project_size: i.projectSize,
    legal_form: i.legalForm,
    needs: JSON.stringify([...new Set(i.needs)]),
    description: i.description,
  };
}

const LABELS: Record<keyof SheetFields, string> = {
  title: 'Titre',
  summary: 'Résumé',
  stage: 'Étape',
  sector_id: 'Secteur',
  department_code: 'Département',
  commune_code: 'Commune',
  project_size: 'Taille du projet',
  legal_form: 'Forme juridique envisagée',
  needs: 'Besoins',
  description: 'Description',
};

const labelOf = (list: readonly { key: string; label: string }[], key: string | null) =>
  list.find((x) => x.key === key)?.label ?? key ?? '';

/** What changed from `before` to `after`, in words (empty values as « — »). */
export async function describeChanges(db: Knex, before: SheetFields, after: SheetFields): Promise<SheetChange[]> {
  const sectors = new Map((await listSectors(db)).map((s) => [Number(s.id), s.name]));
  const text = (field: keyof SheetFields, f: SheetFields): string => {
    const v = f[field];
    if (v === null || v === undefined || v === '') return '—';
    switch (field) {
      case 'stage':
        return labelOf(PROJECT_STAGES, String(v));
      case 'project_size':
        return labelOf(SHEET_PROJECT_SIZES, String(v));
      case 'sector_id':
        return sectors.get(Number(v)) ?? '—';
      case 'commune_code':
        return findCommune(String(v))?.name ?? String(v);
      case 'needs':
        return (
          parseNeeds(String(v))
            .map((n) => labelOf(PROJECT_NEEDS, n))
            .join(', ') || '—'
        );
      default:
        return String(v);
    }
  };
  return SHEET_FIELDS.filter((k) => String(before[k] ?? '') !== String(after[k] ?? '')).map((k) => ({
    field: k,
    label: LABELS[k],
    before: text(k, before),
    after: text(k, after),
  }));
}

/** The stored fields of a row (what a version snapshots). */
export function fieldsOf(row: SheetFields): SheetFields {
  return Object.fromEntries(SHEET_FIELDS.map((k) => [k, row[k]])) as unknown as SheetFields;
}
