import { z } from 'zod';
import { invalidPayload } from './errors';
import { fieldLabel, frenchIssue } from './protocol/messages';
import { PHONE_MESSAGE, frenchPhoneE164 } from './protocol/phone';

// Every message in plain French from one map (server/protocol/messages.ts), never zod's own wording.
z.config({ customError: (issue) => frenchIssue(issue) });

/** Parses untrusted input; a bad payload becomes `invalid_payload` with one French message per field. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  const first = Object.entries(fields)[0];
  const message = first ? (first[0] === '_' ? first[1] : `${fieldLabel(first[0])} : ${first[1]}`) : 'Données invalides.';
  throw invalidPayload(message, { fields });
}

const trimmed = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** Shared field schemas, so a rule is written once. */
export const fields = {
  id: z.coerce.number().int().positive(),
  email: z.string().trim().toLowerCase().pipe(z.email({ message: 'Adresse e-mail invalide.' })).pipe(z.string().max(254)),
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,29}$/, "3 à 30 caractères : lettres minuscules, chiffres, « . », « _ » ou « - ».")
    .refine((v) => !['channel', 'here', 'all', 'everyone'].includes(v), 'Ce nom est réservé.'),
  name: trimmed(80),
  departmentCode: z.string().trim().toUpperCase().regex(/^(\d{2,3}|2A|2B)$/, 'Département inconnu.'),
  civility: z.enum(['mme', 'm']).nullish().transform((v) => v ?? null),
  password: z.string().min(1).max(200),
  token: z.string().trim().min(10).max(200),
  optionalText,
  role: z.enum(['member', 'animator', 'hotline', 'admin']),
  /** A French phone number as typed, stored in E.164; empty means none. */
  phone: z
    .string()
    .trim()
    .max(40)
    .nullish()
    .transform((v, ctx) => {
      if (!v) return null;
      const e164 = frenchPhoneE164(v);
      if (!e164) ctx.addIssue({ code: 'custom', message: PHONE_MESSAGE });
      return e164 ?? z.NEVER;
    }),
};

/** The fields every new account has (sign-up and admin creation). */
export const newAccountShape = {
  email: fields.email,
  password: fields.password,
  firstName: fields.name,
  lastName: fields.name,
  username: fields.username,
  departmentCode: fields.departmentCode,
};
