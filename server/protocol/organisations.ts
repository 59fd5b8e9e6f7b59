/**
 * The contract of organisations: the public access request, the admins'
 * queue, the directory and sheet, the members an organisation's managers
 * administer, and the invitation link that sets a first password.
 */
import { z } from 'zod';
import { fields, optionalText } from './common';
import { ORGANISATION_TYPES, type OrganisationType } from './organisation-catalog';

export type { OrganisationType };

const typeKeys = ORGANISATION_TYPES.map((t) => t.key) as [OrganisationType, ...OrganisationType[]];

/**
 * A SIRET's checksum: Luhn over the 14 digits. La Poste's establishments
 * (SIREN 356 000 000) follow their own rule, the sum of the digits being a
 * multiple of 5, as INSEE documents it.
 */
export function siretIsValid(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith('356000000')) return [...siret].reduce((s, d) => s + Number(d), 0) % 5 === 0;
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let d = Number(siret[13 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Optional SIRET: spaces removed, 14 digits whose checksum holds; empty becomes null. */
export const siretField = z
  .string()
  .transform((v) => v.replace(/[\s.]/g, ''))
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^\d{14}$/.test(v), 'Le SIRET compte 14 chiffres.')
  .refine((v) => v === null || !/^\d{14}$/.test(v) || siretIsValid(v), 'Ce numéro SIRET n’est pas valide : vérifiez les chiffres.');

/** Optional web address: https:// or http:// only (never javascript:), added when left out. */
export const websiteField = z
  .string()
  .trim()
  .max(300)
  .nullish()
  .transform((v) => (v ? (/^https?:\/\//i.test(v) ? v : `https://${v}`) : null))
  .refine((v) => {
    if (v === null) return true;
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.includes('.');
    } catch {
      return false;
    }
  }, 'Adresse web invalide, par exemple https://www.mairie-exemple.fr.');

const optionalEmail = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v.toLowerCase() : null))
  .pipe(z.email({ message: 'Adresse e-mail invalide.' }).max(254).nullable());

/** A commune's INSEE code (5 characters, Corsica's 2A/2B included). */
export const communeCodeField = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(\d{5}|2[AB]\d{3})$/, 'Choisissez une commune dans la liste.');

/** The sheet of an organisation (request form, and a manager's edit). */
const sheetShape = {
  type: z.enum(typeKeys, { message: 'Choisissez un type d’organisation.' }),
  name: z.string().trim().min(2).max(160),
  communeCode: communeCodeField,
  siret: siretField,
  website: websiteField,
  contactEmail: optionalEmail,
  contactPhone: optionalText(30),
  services: optionalText(4000),
};

/** Body of PATCH /api/organisations/:id (the whole sheet). */
export const organisationBody = z.object(sheetShape).strict();
export type OrganisationBody = z.input<typeof organisationBody>;
export type OrganisationInput = z.infer<typeof organisationBody>;

/** A function (maire, DGS, secrétaire de mairie, or any other typed). */
const functionField = z.string().trim().min(2).max(120);

/** Body of POST /api/organisation-requests: the sheet and who asks. */
export const organisationRequestBody = z
  .object({
    ...sheetShape,
    firstName: fields.name,
    lastName: fields.name,
    function: functionField,
    email: fields.email,
    /** The anti-robot answer (server/security/anti-robot.ts), required. */
    altcha: z.string().max(8000).optional(),
  })
  .strict();
export type OrganisationRequestBody = z.input<typeof organisationRequestBody>;
export type OrganisationRequestInput = z.infer<typeof organisationRequestBody>;

/** Query of GET /api/admin/organisation-requests. */
export const organisationRequestQuery = z.object({
  status: z.enum(['pending', 'accepted', 'refused']).default('pending'),
});

/** Body of POST /api/admin/organisation-requests/:id/refuse. */
export const refuseRequestBody = z.object({ reason: z.string().trim().min(5).max(2000) }).strict();

/** Query of GET /api/organisations (the directory). */
export const organisationSearchQuery = z.object({
  q: z.string().trim().max(100).optional(),
  type: z
    .enum(typeKeys)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  departmentCode: fields.departmentCode.optional().or(z.literal('').transform(() => undefined)),
  cursor: z.coerce.number<number>().int().min(0).optional(),
  limit: z.coerce.number<number>().int().min(1).max(100).default(30),
});

/** Body of POST /api/organisations/:id/members: an account created by function, invited by mail. */
export const organisationMemberBody = z
  .object({
    firstName: fields.name,
    lastName: fields.name,
    email: fields.email,
    function: functionField,
    managesMembers: z.boolean().default(false),
  })
  .strict();
export type OrganisationMemberBody = z.input<typeof organisationMemberBody>;

/** Body of PATCH /api/organisations/:id/members/:userId (any subset). */
export const organisationMemberChangeBody = z
  .object({
    firstName: fields.name.optional(),
    lastName: fields.name.optional(),
    function: functionField.optional(),
    disabled: z.boolean().optional(),
    managesMembers: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'Aucune modification.');
export type OrganisationMemberChangeBody = z.input<typeof organisationMemberChangeBody>;

/** Body of POST /api/auth/invitation: the mailed token and the first password. */
export const invitationAcceptBody = z.object({ token: fields.token, password: fields.password }).strict();

/** A commune as the organisation forms show it. */
export interface OrganisationCommune {
  code: string;
  name: string;
  departmentCode: string;
}

/** A line of the directory. */
export interface OrganisationSummary {
  id: number;
  type: OrganisationType;
  name: string;
  commune: OrganisationCommune;
  memberCount: number;
}

/** A member as the organisation's sheet lists them (what members see of each other). */
export interface OrganisationPerson {
  id: number;
  displayName: string;
  function: string | null;
}

/** The sheet (GET /api/organisations/:id). `canManage`: the caller manages its members. */
export interface Organisation extends OrganisationSummary {
  siret: string | null;
  website: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  services: string | null;
  members: OrganisationPerson[];
  canManage: boolean;
}

/** A member as the organisation's managers see them. */
export interface OrganisationMember extends OrganisationPerson {
  firstName: string;
  lastName: string;
  email: string;
  status: 'pending' | 'active' | 'disabled';
  managesMembers: boolean;
}

/** A request in the admins' queue. */
export interface OrganisationRequest {
  id: number;
  status: 'pending' | 'accepted' | 'refused';
  type: OrganisationType;
  name: string;
  commune: OrganisationCommune;
  siret: string | null;
  website: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  services: string | null;
  requester: { firstName: string; lastName: string; function: string; email: string };
  reason: string | null;
  organisationId: number | null;
  createdAt: string;
  decidedAt: string | null;
}

/** My organisation, on GET /api/me (null when none). */
export interface MyOrganisation {
  id: number;
  name: string;
  managesMembers: boolean;
}

/** Error codes of the organisation routes. */
export const ORGANISATION_ERROR_CODES = ['request_decided', 'siret_taken', 'last_manager'] as const;
export type OrganisationErrorCode = (typeof ORGANISATION_ERROR_CODES)[number];
