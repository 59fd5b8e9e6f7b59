/** What the organisation services share: the commune check and lookup, and the sheet's columns. */
import { invalidPayload } from '../../errors';
import { findCommune } from '../reports/communes';
import type { OrganisationInput, OrganisationCommune } from '../../protocol/organisations';
import type { OrganisationSheet } from '../../db/organisations';

/** A commune's name and département for the wire (the code itself if INSEE's list no longer has it). */
export function communeOf(code: string): OrganisationCommune {
  const c = findCommune(code);
  return { code, name: c?.name ?? code, departmentCode: c?.departmentCode ?? '' };
}

/** The sheet's columns from a parsed body; an unknown commune is a field error. */
export function sheetColumns(input: OrganisationInput): OrganisationSheet {
  const commune = findCommune(input.communeCode);
  if (!commune) throw invalidPayload('Commune inconnue.', { fields: { communeCode: 'Choisissez une commune dans la liste.' } });
  return {
    type: input.type,
    name: input.name,
    commune_code: commune.code,
    department_code: commune.departmentCode,
    siret: input.siret,
    website: input.website,
    contact_email: input.contactEmail,
    contact_phone: input.contactPhone,
    services: input.services,
  };
}
