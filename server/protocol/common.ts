/**
 * What every domain's contract shares: field schemas (a rule written once),
 * the error body, pages and socket acknowledgements. Imports zod only: the
 * client reads this file with `import type`.
 */
import { z } from 'zod';

const trimmed = (max: number) => z.string().trim().min(1).max(max);

/** Optional free text: trimmed, at most `max` characters; empty or missing becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** Shared field schemas, so a rule is written once. Ids are typed `number` for senders; strings are still coerced (route params). */
export const fields = {
  id: z.coerce.number<number>().int().positive(),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'Adresse e-mail invalide.' }))
    .pipe(z.string().max(254)),
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,29}$/, '3 à 30 caractères : lettres minuscules, chiffres, « . », « _ » ou « - ».')
    .refine((v) => !['channel', 'here', 'all', 'everyone'].includes(v), 'Ce nom est réservé.'),
  name: trimmed(80),
  departmentCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^(\d{2,3}|2A|2B)$/, 'Département inconnu.'),
  civility: z
    .enum(['mme', 'm'])
    .nullish()
    .transform((v) => v ?? null),
  password: z.string().min(1).max(200),
  token: z.string().trim().min(10).max(200),
  optionalText,
  role: z.enum(['member', 'animator', 'hotline', 'admin']),
  /** A client-chosen idempotency key (`message:send`, `hotline:open`). */
  clientMsgId: z.string().min(1).max(64),
};

/** Global role of a user. */
export type Role = z.infer<typeof fields.role>;

/** The short person block of messages, tickets, events, documents. */
export interface Person {
  id: number;
  username: string;
  displayName: string;
}

/** The same, with the photo (posts, comments). */
export interface PersonWithAvatar extends Person {
  avatarUrl: string | null;
}

/** A page of a cursor-paginated list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | number | null;
}

/** The error object of every REST answer and every failed acknowledgement. */
export interface WireError {
  /** One of the *_ERROR_CODES of common.ts or of the domain's file. */
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** Body of every REST error answer. */
export interface ErrorBody {
  error: WireError;
}

/** A socket acknowledgement: `{ ok: true, …T }` or `{ ok: false, error }`. */
export type Ack<T> = ({ ok: true } & T) | { ok: false; error: WireError };

/** Error codes any route or event may answer (each domain file lists its own). */
export const COMMON_ERROR_CODES = [
  'invalid_payload',
  'unauthorized',
  'forbidden',
  'not_found',
  'terms_not_accepted',
  'rate_limited',
  'too_large',
  'invalid_cursor',
  'unsupported_type',
  'bad_origin',
  'unknown_event',
  'internal_error',
] as const;
/** One of the shared error codes. */
export type CommonErrorCode = (typeof COMMON_ERROR_CODES)[number];
