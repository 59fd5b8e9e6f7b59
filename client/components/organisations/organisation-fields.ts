/** The organisation sheet's fields, shared by the public request form and a manager's edit. */
import { html, type TemplateResult } from 'lit';
import { ORGANISATION_TYPES } from '../../../server/protocol/organisation-catalog.js';
import type { Organisation, OrganisationBody } from '../../../server/protocol/index.js';
import type { CommuneView } from '../../../server/protocol/reports.js';
import type { OrganisationsApi } from '../../api/organisations.js';
import { fieldRow, selectField, textArea, textRows } from '../shared/fields.js';
import '../reports/mai-commune-field.js';

/** What the sheet's inputs hold (text, as typed). */
export const EMPTY_SHEET = { type: '', name: '', siret: '', website: '', contactEmail: '', contactPhone: '', services: '' };
export type SheetValues = typeof EMPTY_SHEET;

export const TYPE_OPTIONS = ORGANISATION_TYPES.map((t) => ({ value: t.key, label: t.label }));

/** The values of an existing sheet. */
export function sheetValues(o: Organisation): SheetValues {
  return {
    type: o.type,
    name: o.name,
    siret: o.siret ?? '',
    website: o.website ?? '',
    contactEmail: o.contactEmail ?? '',
    contactPhone: o.contactPhone ?? '',
    services: o.services ?? '',
  };
}

/** Client-side checks (the server checks again, SIRET checksum included). */
export function sheetErrors(v: SheetValues, commune: CommuneView | null): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.type) errors.type = 'Choisissez un type d’organisation.';
  if (v.name.trim().length < 2) errors.name = 'Saisissez le nom de l’organisation.';
  if (!commune) errors.communeCode = 'Choisissez une commune dans la liste.';
  const siret = v.siret.replace(/[\s.]/g, '');
  if (siret && !/^\d{14}$/.test(siret)) errors.siret = 'Le SIRET compte 14 chiffres.';
  return errors;
}

/** The request body of the sheet. */
export function sheetBody(v: SheetValues, commune: CommuneView): OrganisationBody {
  return {
    type: v.type as OrganisationBody['type'],
    name: v.name.trim(),
    communeCode: commune.code,
    siret: v.siret.trim() || null,
    website: v.website.trim() || null,
    contactEmail: v.contactEmail.trim() || null,
    contactPhone: v.contactPhone.trim() || null,
    services: v.services.trim() || null,
  };
}

/** The sheet's fields in fieldset rows (ids `<prefix>-<name>`, the commune field `#mai-commune-input`). */
export function sheetFields(
  prefix: string,
  v: SheetValues,
  errors: Record<string, string | undefined>,
  commune: { value: CommuneView | null; api: OrganisationsApi; onPick: (c: CommuneView | null) => void },
): TemplateResult {
  const field = textRows(prefix, v, errors);
  return html`${fieldRow(
    selectField({
      id: `${prefix}-type`,
      name: 'type',
      label: 'Type d’organisation',
      value: v.type,
      error: errors.type,
      options: TYPE_OPTIONS,
      placeholder: 'Sélectionnez un type',
    }),
  )}
    ${field('name', 'Nom de l’organisation', { hint: 'Par exemple : Mairie de Saint-Alban' })}
    ${fieldRow(html`<mai-commune-field
      label="Commune"
      .api=${commune.api}
      .value=${commune.value}
      .error=${errors.communeCode ?? ''}
      @mai-commune=${(e: CustomEvent<{ commune: CommuneView | null }>) => commune.onPick(e.detail.commune)}
    ></mai-commune-field>`)}
    ${field('siret', 'Numéro SIRET', { optional: true, inputmode: 'numeric', hint: '14 chiffres, vérifiés à l’envoi' })}
    ${field('website', 'Site web', { optional: true, type: 'url', hint: 'Par exemple : https://www.mairie-exemple.fr' })}
    ${field('contactEmail', 'Courriel de contact', { optional: true, type: 'email', autocomplete: 'email' })}
    ${field('contactPhone', 'Téléphone de contact', { optional: true, type: 'tel', autocomplete: 'tel' })}
    ${fieldRow(textArea({ id: `${prefix}-services`, name: 'services', label: 'Nos services', value: v.services, error: errors.services, optional: true, rows: 4, hint: 'Ce que votre organisation propose, en quelques lignes.' }))}`;
}
