/**
 * The lists of the organisation forms, plain data with no imports: the client
 * lists them as values (like report-catalog.ts), the server validates with them.
 */

/** Kinds of organisation, in the order the forms propose them. */
export const ORGANISATION_TYPES = [
  { key: 'mairie', label: 'Mairie' },
  { key: 'ccas', label: 'CCAS' },
  { key: 'epci', label: 'EPCI' },
  { key: 'departement', label: 'Département' },
  { key: 'region', label: 'Région' },
  { key: 'association', label: 'Association' },
  { key: 'entreprise', label: 'Entreprise' },
  { key: 'etat', label: 'Service de l’État' },
  { key: 'autre', label: 'Autre' },
] as const;

/** One kind of organisation. */
export type OrganisationType = (typeof ORGANISATION_TYPES)[number]['key'];

/** The functions an organisation's manager is offered when creating an account (any other may be typed). */
export const DEFAULT_FUNCTIONS = ['Maire', 'DGS', 'Secrétaire de mairie'] as const;

/** The label of a kind of organisation. */
export function organisationTypeLabel(key: string): string {
  return ORGANISATION_TYPES.find((t) => t.key === key)?.label ?? key;
}
