/** The member directory, a member's public profile and my contacts (with presence). */
import { z } from 'zod';
import { fields } from './common';
import type { PresenceStatus } from './presence';
import type { GroupRole, Visibility } from './groups';
import type { Member } from './users';

/** GET /api/users/:id: a member's public profile, with the groups of theirs I may see. */
export interface MemberProfile extends Member {
  bio: string | null;
  chatOnly: boolean;
  isContact: boolean;
  groups: { id: number; name: string; visibility: Visibility; role: GroupRole }[];
}

/** One person of GET /api/contacts. */
export interface Contact extends Member {
  presence: { status: PresenceStatus; lastSeenAt: string | null };
}

const blankToUndefined = z.literal('').transform(() => undefined);
/** GET /api/directory query. */
export const directoryQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  departmentCode: fields.departmentCode.optional().or(blankToUndefined),
  regionCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Z]{2,3}$/i, 'Région inconnue.')
    .optional()
    .or(blankToUndefined),
  role: fields.role.optional().or(blankToUndefined),
  employer: z.string().trim().max(160).optional(),
  /** `true`: professionals only (account types listed as such). */
  professional: z.enum(['true', 'false']).optional().or(blankToUndefined),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number<number>().int().min(1).max(100).default(30),
});
/** GET /api/contacts query. */
export const contactsQuerySchema = z.object({ q: z.string().trim().max(100).optional() });

/** The directory's filters as a client sends them. */
export type DirectoryFilters = z.input<typeof directoryQuerySchema>;
/** The directory's filters once parsed. */
export type DirectoryQuery = z.infer<typeof directoryQuerySchema>;
