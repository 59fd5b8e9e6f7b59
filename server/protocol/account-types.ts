/** The contract of account types: the list offered at sign-up (admins edit it) and the admins' validation queue. */
import { z } from 'zod';

/** A type as the sign-up form and the admins see it. */
export interface AccountType {
  key: string;
  label: string;
  needsValidation: boolean;
}

/** An account waiting for its type to be validated. */
export interface AccountTypeRequest {
  userId: number;
  displayName: string;
  email: string;
  employer: string | null;
  jobTitle: string | null;
  departmentCode: string;
  currentType: string;
  requestedType: string;
  requestedLabel: string;
  createdAt: string;
}

/** A type's key: lower-case letters, digits and `_`. */
export const accountTypeKey = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9_]{1,31}$/, '2 à 32 caractères : lettres minuscules sans accent, chiffres ou « _ ».');

/** Body of POST /api/admin/account-types. */
export const accountTypeBody = z
  .object({ key: accountTypeKey, label: z.string().trim().min(2).max(80), needsValidation: z.boolean().default(false) })
  .strict();

/** Body of PATCH /api/admin/account-types/:key. */
export const accountTypeChangeBody = z
  .object({ label: z.string().trim().min(2).max(80).optional(), needsValidation: z.boolean().optional() })
  .strict();

/** Body of POST /api/admin/account-type-requests/:userId/refuse. */
export const typeRefusalBody = z.object({ reason: z.string().trim().min(5).max(2000) }).strict();

/** Body of POST /api/me/account-type: the type a member asks for after sign-up. */
export const ownAccountTypeBody = z.object({ accountType: z.string().trim().min(1).max(32) }).strict();

/** Error codes of account types. */
export const ACCOUNT_TYPE_ERROR_CODES = ['unknown_account_type', 'type_request_decided'] as const;
export type AccountTypeErrorCode = (typeof ACCOUNT_TYPE_ERROR_CODES)[number];
