/**
 * Sign-up rules (#21): admins may restrict sign-up to some e-mail domains
 * (none: open to every address). The check reads the typed address only, never
 * the accounts: the refusal is the same whether or not the address has one (no
 * enumeration). Accounts made by an admin or an organisation are not bound by it.
 */
import type { Deps } from '../../deps';
import type { UserRow } from '../../db/users';
import { AppError } from '../../errors';
import { listSignupDomains, replaceSignupDomains } from '../../db/signup-email-domains';
import type { SignupRules } from '../../protocol/signup-rules';

export const signupRules = async (deps: Deps): Promise<SignupRules> => ({ allowedDomains: await listSignupDomains(deps.db) });

export async function setSignupRules(deps: Deps, admin: UserRow, allowedDomains: string[]): Promise<SignupRules> {
  await replaceSignupDomains(deps.db, allowedDomains, admin.id);
  return signupRules(deps);
}

/** Whether `email` is allowed: its domain is one of the list, or a sub-domain of one (`gouv.fr` lets `interieur.gouv.fr` in). */
export function domainAllowed(email: string, allowed: string[]): boolean {
  if (!allowed.length) return true;
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return allowed.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/** A clear refusal for an address outside the allowed domains (400 `email_domain_not_allowed`, on the `email` field). */
export async function assertSignupDomain(deps: Deps, email: string): Promise<void> {
  const allowed = await listSignupDomains(deps.db);
  if (domainAllowed(email, allowed)) return;
  const list = allowed.map((d) => `@${d}`).join(', ');
  const message = `Les inscriptions sont réservées aux adresses ${list}. Utilisez votre adresse professionnelle.`;
  throw new AppError('email_domain_not_allowed', 400, message, { fields: { email: message }, allowedDomains: allowed });
}
