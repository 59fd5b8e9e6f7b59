/** The contract of the sign-up rules (#21): the e-mail domains allowed to sign up, set by admins. */
import { z } from 'zod';

/** A domain name: `exemple.fr`, `mairie-rennes.fr`, `interieur.gouv.fr` (a leading `@` is dropped). */
export const emailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^@/, ''))
  .pipe(
    z
      .string()
      .max(253)
      .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'Un nom de domaine, par exemple exemple.fr.'),
  );

/** Body of PUT /api/admin/signup-rules: the whole list (empty: open to every address). */
export const signupRulesBody = z
  .object({
    allowedDomains: z
      .array(emailDomain)
      .max(200)
      .transform((ds) => [...new Set(ds)].sort()),
  })
  .strict();

/** What GET /api/signup-rules answers (the sign-up form shows the list). */
export interface SignupRules {
  allowedDomains: string[];
}

/** Error codes of the sign-up rules. */
export const SIGNUP_RULES_ERROR_CODES = ['email_domain_not_allowed'] as const;
export type SignupRulesErrorCode = (typeof SIGNUP_RULES_ERROR_CODES)[number];
