/**
 * What a sign-in through the OpenID provider does to accounts: the linked
 * account signs in; else an account with the same *verified* e-mail is linked;
 * else the person gets a one-time ticket to name their département, and then a
 * new active account that still has to accept the terms of use.
 */
import type { Deps } from '../../deps';
import { assertSignupDomain } from './signup-rules';
import { AppError, conflict } from '../../errors';
import { findUserByEmail, findUserById, findUserByUsername, insertUser, updateUser, type UserRow } from '../../db/users';
import { findIdentity, insertIdentity, touchIdentity } from '../../db/user-identities';
import { deleteOidcSignup, findOidcSignup, insertOidcSignup, type OidcSignupRow } from '../../db/oidc-signups';
import { oidcClientFor, type OidcIdentity } from './oidc-client';
import { sessionIdToken } from '../../db/sessions';
import { NO_PASSWORD_HASH, hashToken, newSecretToken } from './passwords';
import { openSession, type SessionOrigin } from './sessions';
import { assertDepartment } from './accounts';
import { syncAutoMemberships } from '../chat/channels';

const SIGNUP_TTL_MS = 30 * 60 * 1000;

/** A session opened, or a ticket for the département page. */
export type OidcSignInResult = { kind: 'session'; user: UserRow; token: string } | { kind: 'signup'; ticket: string };

type Client = { userAgent?: string; ip?: string };

const notActive = () => new AppError('account_not_active', 403, 'Votre compte est désactivé. Contactez un administrateur.');

function originOf(identity: Pick<OidcIdentity, 'acr' | 'amr' | 'idToken'>, client: Client): SessionOrigin {
  return { ...client, acr: identity.acr, amr: identity.amr, idToken: identity.idToken };
}

/** Signs in (or prepares the sign-up of) the person the provider vouched for. */
export async function signInWithOidc(deps: Deps, identity: OidcIdentity, next: string | null, client: Client): Promise<OidcSignInResult> {
  const linked = await findIdentity(deps.db, identity.issuer, identity.subject);
  if (linked) {
    const user = await findUserById(deps.db, linked.user_id);
    if (!user || user.status !== 'active') throw notActive();
    await touchIdentity(deps.db, linked.id);
    return { kind: 'session', ...(await openSession(deps, user, originOf(identity, client))) };
  }
  if (!identity.email) throw new AppError('oidc_failed', 400, "Le fournisseur d'identité n'a pas transmis d'adresse e-mail.");
  const existing = await findUserByEmail(deps.db, identity.email);
  if (existing) {
    // Only an address the provider vouches for may take over an account made with a password.
    if (!identity.emailVerified) {
      throw new AppError(
        'oidc_email_unverified',
        403,
        "Votre adresse n'est pas vérifiée par le fournisseur d'identité : connectez-vous avec votre mot de passe.",
      );
    }
    if (existing.status === 'disabled') throw notActive();
    await insertIdentity(deps.db, { userId: existing.id, issuer: identity.issuer, subject: identity.subject });
    // The provider proved the address: a sign-up still waiting for its confirmation link is confirmed.
    const user = existing.status === 'pending' ? await updateUser(deps.db, existing.id, { status: 'active' }) : existing;
    if (existing.status === 'pending') await syncAutoMemberships(deps.db, user);
    return { kind: 'session', ...(await openSession(deps, user, originOf(identity, client))) };
  }
  const { token, hash } = newSecretToken();
  await insertOidcSignup(deps.db, {
    token_hash: hash,
    issuer: identity.issuer,
    subject: identity.subject,
    email: identity.email,
    first_name: identity.firstName || identity.email.split('@')[0]!.slice(0, 80),
    last_name: identity.lastName || '-',
    acr: identity.acr,
    amr: identity.amr,
    id_token: identity.idToken,
    next,
    expires_at: new Date(Date.now() + SIGNUP_TTL_MS),
  });
  return { kind: 'signup', ticket: token };
}

const invalidTicket = () => new AppError('invalid_token', 400, 'Ce lien a expiré : identifiez-vous à nouveau.');

/** The pending sign-up behind a ticket (for the département page). */
export async function findPendingOidcSignup(deps: Deps, ticket: string): Promise<OidcSignupRow> {
  const row = await findOidcSignup(deps.db, hashToken(ticket));
  if (!row) throw invalidTicket();
  return row;
}

/** A free username drawn from the e-mail's local part (`prenom.nom`, then `prenom.nom-2`…). */
async function freeUsername(deps: Deps, email: string): Promise<string> {
  let base = email
    .split('@')[0]!
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^a-z0-9._-]/g, '');
  base = base.replace(/^[^a-z0-9]+/, '').slice(0, 26);
  if (base.length < 3 || ['channel', 'here', 'all', 'everyone'].includes(base)) base = `agent${base}`.slice(0, 26);
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await findUserByUsername(deps.db, candidate))) return candidate;
  }
  throw conflict('username_taken', "Aucun nom d'utilisateur libre n'a pu être choisi.");
}

/** Creates the account of a first sign-in with the département it names, links it and opens its session. */
export async function completeOidcSignup(
  deps: Deps,
  ticket: string,
  departmentCode: string,
  client: Client,
): Promise<{ user: UserRow; token: string; next: string | null }> {
  const pending = await findPendingOidcSignup(deps, ticket);
  // The sign-up rules bind a ProConnect sign-up too (an existing account signs in whatever its domain).
  await assertSignupDomain(deps, pending.email);
  await assertDepartment(deps, departmentCode);
  if (await findUserByEmail(deps.db, pending.email)) {
    throw conflict('email_taken', 'Un compte existe déjà avec cette adresse : connectez-vous avec votre mot de passe.');
  }
  const username = await freeUsername(deps, pending.email);
  let user: UserRow;
  try {
    user = await deps.db.transaction(async (trx) => {
      // The ticket is single use: of two racing submissions, one deletes it, the other stops here.
      if (!(await deleteOidcSignup(trx, pending.id))) throw invalidTicket();
      const row = await insertUser(trx, {
        email: pending.email,
        username,
        password_hash: NO_PASSWORD_HASH,
        civility: null,
        first_name: pending.first_name,
        last_name: pending.last_name,
        department_code: departmentCode,
        phone: null,
        employer: null,
        job_title: null,
        city: null,
        role: 'member',
        chat_only: false,
        status: 'active',
      });
      await insertIdentity(trx, { userId: row.id, issuer: pending.issuer, subject: pending.subject });
      return row;
    });
  } catch (err) {
    if (/unique|duplicate/i.test(String(err))) throw conflict('email_taken', 'Un compte existe déjà avec cette adresse.');
    throw err;
  }
  await syncAutoMemberships(deps.db, user);
  const session = await openSession(deps, user, { ...client, acr: pending.acr, amr: pending.amr, idToken: pending.id_token });
  return { user, token: session.token, next: pending.next };
}

/**
 * Where the browser goes after our logout to end the provider's session too
 * (null for a session opened with a password). Read before the session is revoked.
 */
export async function providerLogoutUrl(deps: Deps, sessionId: number): Promise<string | null> {
  if (!deps.config.oidc) return null;
  const idToken = await sessionIdToken(deps.db, sessionId);
  if (!idToken) return null;
  return oidcClientFor(deps.config.oidc).endSessionUrl(idToken, `${deps.config.publicUrl}/connexion`);
}
