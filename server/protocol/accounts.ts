/**
 * The account routes: sign-up, confirmation, login, password reset (/api/auth),
 * my profile (/api/me) and user management (/api/admin/users). Schemas are
 * what the server parses; the `…Body` types are what a client sends.
 */
import { z } from 'zod';
import { fields } from './common';
import type { User } from './users';

/** The fields every new account has (sign-up and admin creation). */
export const newAccountShape = {
  email: fields.email,
  password: fields.password,
  firstName: fields.name,
  lastName: fields.name,
  username: fields.username,
  departmentCode: fields.departmentCode,
};

/** POST /api/auth/register. */
export const registerSchema = z.object({
  ...newAccountShape,
  civility: fields.civility,
  phone: fields.optionalText(30),
  employer: fields.optionalText(160),
  jobTitle: fields.optionalText(160),
  city: fields.optionalText(120),
  /** One of GET /api/account-types' keys; left out: a basic member. */
  accountType: z.string().trim().toLowerCase().max(32).optional(),
});
/** POST /api/auth/login. */
export const loginSchema = z.object({ email: z.string().trim().toLowerCase().min(1).max(254), password: fields.password });
/** POST /api/auth/confirm. */
export const tokenSchema = z.object({ token: fields.token });
/** POST /api/auth/password-reset. */
export const resetSchema = z.object({ email: fields.email });
/** POST /api/auth/password-reset/confirm. */
export const resetConfirmSchema = z.object({ token: fields.token, password: fields.password });

/** PATCH /api/me: any of these; unknown keys are refused. */
export const profileSchema = z
  .object({
    civility: fields.civility.optional(),
    firstName: fields.name.optional(),
    lastName: fields.name.optional(),
    departmentCode: fields.departmentCode.optional(),
    phone: fields.optionalText(30).optional(),
    employer: fields.optionalText(160).optional(),
    jobTitle: fields.optionalText(160).optional(),
    city: fields.optionalText(120).optional(),
    bio: fields.optionalText(2000).optional(),
  })
  .strict();

/** GET /api/admin/users query. */
export const adminUserSearchSchema = z.object({
  q: z.string().trim().max(100).optional(),
  role: fields.role.optional(),
  status: z.enum(['pending', 'active', 'disabled']).optional(),
  departmentCode: fields.departmentCode.optional(),
  cursor: z.coerce.number<number>().int().positive().optional(),
  limit: z.coerce.number<number>().int().min(1).max(100).default(50),
});
/** POST /api/admin/users. */
export const adminCreateUserSchema = z.object({
  ...newAccountShape,
  // Left out (the admin form does): the account waits for the person to choose theirs from the welcome mail.
  password: fields.password.optional(),
  role: fields.role.default('member'),
  chatOnly: z.boolean().default(false),
});
/** PATCH /api/admin/users/:id: at least one change. */
export const adminChangeUserSchema = z
  .object({ role: fields.role.optional(), disabled: z.boolean().optional(), chatOnly: z.boolean().optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'Rien à modifier.');

/** What every new account needs (sign-up, or created by an admin). */
export type NewAccount = z.input<z.ZodObject<typeof newAccountShape>>;
/** Body of POST /api/auth/register. */
export type RegisterBody = z.input<typeof registerSchema>;
/** Body of POST /api/admin/users. */
export type AdminCreateUserBody = z.input<typeof adminCreateUserSchema>;
/** Body of PATCH /api/admin/users/:id. */
export type AdminChangeUserBody = z.input<typeof adminChangeUserSchema>;
/** Body of PATCH /api/me: any of these. */
export type ProfilePatch = z.input<typeof profileSchema>;

/** A sign-up once parsed (what the service receives). */
export type RegisterInput = z.infer<typeof registerSchema>;
/** An admin's new account once parsed. */
export type AdminCreateUserInput = z.infer<typeof adminCreateUserSchema>;
/** A profile change once parsed. */
export type ProfileChanges = z.infer<typeof profileSchema>;

/** Answer of POST /api/auth/login. */
export interface LoginResponse {
  user: User;
  token: string;
}

/** POST /api/me/password body: the current password is checked, the new one follows the sign-up rules. */
export const passwordChangeSchema = z.object({ currentPassword: fields.password, newPassword: fields.password }).strict();
export type PasswordChangeBody = z.infer<typeof passwordChangeSchema>;

/** POST /api/me/email: the new address, and the password (accounts made through ProConnect have none). */
export const emailChangeSchema = z.object({ email: fields.email, password: z.string().max(200).optional() }).strict();
export type EmailChangeBody = z.input<typeof emailChangeSchema>;

/** Error codes of the account routes. */
export const ACCOUNT_ERROR_CODES = [
  'account_not_active',
  'email_taken',
  'username_taken',
  'invalid_credentials',
  'invalid_token',
  'token_expired',
  'unsupported_type',
  'wrong_password',
  'account_active',
] as const;
/** One of the account error codes. */
export type AccountErrorCode = (typeof ACCOUNT_ERROR_CODES)[number];
