/**
 * Wire contract of ProConnect / OpenID Connect sign-in (zod only: the client
 * imports it with `import type`).
 */
import { z } from 'zod';
import { fields } from './common';

/** Query of GET /api/auth/oidc/start: where to land once signed in (a path of ours). */
export const oidcStartQuery = z.object({ next: z.string().max(300).optional() });

/** Body of POST /api/auth/oidc/signup: the first sign-in's ticket and the département, asked once. */
export const oidcSignupBody = z.object({
  signup: fields.token,
  departmentCode: fields.departmentCode,
});
export type OidcSignupBody = z.infer<typeof oidcSignupBody>;

/** Answer of GET /api/auth/providers: which sign-in buttons to show. */
export interface AuthProviders {
  /** null when no OpenID provider is configured (the button is not shown). */
  oidc: { name: string; startUrl: string } | null;
}

/** What a pending first sign-in shows on the département page (GET /api/auth/oidc/signup?signup=). */
export interface OidcSignupView {
  email: string;
  firstName: string;
  lastName: string;
}

/**
 * Codes the callback puts in `/connexion?erreur=` when a sign-in through the
 * provider fails (the login page shows their French text).
 */
export const OIDC_ERROR_CODES = ['oidc_failed', 'oidc_email_unverified', 'account_not_active', 'oidc_unavailable'] as const;
export type OidcErrorCode = (typeof OIDC_ERROR_CODES)[number];
