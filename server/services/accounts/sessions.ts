import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { findUserByEmail, updateUser, type UserRow } from '../../db/users';
import { findLiveSessionWithUser, insertSession, revokeSession, type SessionRow } from '../../db/sessions';
import { cancelDeletionOnSignIn } from './deletion';
import { dummyHashPromise, hashToken, newSecretToken, verifyPassword } from './passwords';
import { claimEmailInvitations } from '../groups/invitations';

export interface Authenticated {
  user: UserRow;
  session: SessionRow;
}

const invalidCredentials = () => new AppError('invalid_credentials', 401, 'Adresse e-mail ou mot de passe incorrect.');

/**
 * Checks e-mail and password and opens a session. An unknown address costs the
 * same hash as a known one, so timing does not reveal which addresses exist.
 */
export async function login(
  deps: Deps,
  input: { email: string; password: string; userAgent?: string; ip?: string },
): Promise<{ user: UserRow; token: string; session: SessionRow }> {
  const user = await findUserByEmail(deps.db, input.email);
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyHashPromise));
  if (!user || !ok) throw invalidCredentials();
  if (user.status !== 'active') {
    throw new AppError(
      'account_not_active',
      403,
      user.status === 'pending'
        ? "Votre compte n'est pas encore activé : ouvrez le lien de confirmation reçu par e-mail."
        : 'Votre compte est désactivé. Contactez un administrateur.',
    );
  }
  return openSession(deps, user, input);
}

/** How a session was opened, beyond the password: what the OpenID provider said (acr, amr) and its ID token. */
export interface SessionOrigin {
  userAgent?: string;
  ip?: string;
  acr?: string | null;
  amr?: string | null;
  idToken?: string | null;
}

/** Opens a session for an account already checked (password or OpenID provider); the token is returned once, only its hash is stored. */
export async function openSession(
  deps: Deps,
  user: UserRow,
  origin: SessionOrigin,
): Promise<{ user: UserRow; token: string; session: SessionRow }> {
  const { token, hash } = newSecretToken();
  const expiresAt = new Date(Date.now() + deps.config.sessionDays * 86400_000);
  const session = await insertSession(deps.db, { userId: user.id, tokenHash: hash, expiresAt, ...origin });
  // Signing in during the grace period of a deletion cancels it (whatever the way in).
  if (await cancelDeletionOnSignIn(deps, user)) user = { ...user, deletion_requested_at: null };
  // Invitations mailed to this address while it had no usable account become its own at sign-in (never on a read).
  await claimEmailInvitations(deps.db, user);
  return { user, token, session };
}

/** The user behind a session token, if the session is live and the account active. */
export async function authenticateToken(deps: Pick<Deps, 'db'>, token: string | undefined | null): Promise<Authenticated | null> {
  if (!token || token.length > 200) return null;
  return (await findLiveSessionWithUser(deps.db, hashToken(token))) ?? null;
}

/** Revokes the session. */
export async function logout(deps: Deps, session: SessionRow): Promise<void> {
  await revokeSession(deps.db, session.id);
}

/** Records the acceptance of the terms of use (first login). */
export async function acceptTerms(deps: Deps, user: UserRow): Promise<UserRow> {
  if (user.terms_accepted_at) return user;
  return updateUser(deps.db, user.id, { terms_accepted_at: new Date() });
}
