/**
 * "Supprimer mon compte" (RGPD): asked with the password, then 14 days of
 * grace during which any sign-in cancels it; after that the erasure job wipes
 * the personal data and keeps what the person wrote, signed "Compte supprimé".
 */
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import type { UserRow } from '../../db/users';
import { revokeUserSessions } from '../../db/sessions';
import { accountsDueForErasure, clearDeletionRequest, eraseAccount, markDeletionRequested } from '../../db/account-erasure';
import { deletionCancelledMail, deletionScheduledMail } from '../../mail-templates';
import { NO_PASSWORD_HASH, verifyPassword } from './passwords';
import { sessionIdToken, type SessionRow } from '../../db/sessions';
import { ms } from '../../presenters/time';

/** The grace period between the request and the erasure. */
export const DELETION_GRACE_MS = 14 * 86400_000;

const longDate = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });

/** How recent a ProConnect sign-in must be to confirm a deletion on an account without a password. */
const FRESH_SIGN_IN_MS = 10 * 60_000;

/**
 * Re-authentication: the password again (a session left open is not enough);
 * an account that only ever signed in through ProConnect has none, so its
 * session must have been opened through the provider in the last 10 minutes.
 */
async function assertReauthenticated(
  deps: Deps,
  user: UserRow,
  session: SessionRow,
  password: string | undefined,
  now: Date,
): Promise<void> {
  if (user.password_hash === NO_PASSWORD_HASH) {
    const fresh = (await sessionIdToken(deps.db, session.id)) && now.getTime() - (ms(session.created_at) ?? 0) < FRESH_SIGN_IN_MS;
    if (fresh) return;
    throw new AppError(
      'reauthentication_required',
      422,
      'Pour confirmer, déconnectez-vous, reconnectez-vous avec ProConnect puis recommencez dans les 10 minutes.',
    );
  }
  if (!password || !(await verifyPassword(password, user.password_hash))) {
    // Not 401: the session is fine, only this confirmation failed (the client must not sign the person out).
    throw new AppError('wrong_password', 422, 'Mot de passe incorrect.', { fields: { password: 'Mot de passe incorrect.' } });
  }
}

/** Schedules the deletion of the caller's account once re-authenticated, and signs them out everywhere. */
export async function requestAccountDeletion(
  deps: Deps,
  user: UserRow,
  session: SessionRow,
  password: string | undefined,
  now = new Date(),
): Promise<{ erasesAt: Date }> {
  await assertReauthenticated(deps, user, session, password, now);
  await deps.db.transaction(async (trx) => {
    await markDeletionRequested(trx, user.id, now);
    await revokeUserSessions(trx, user.id);
  });
  const erasesAt = new Date(now.getTime() + DELETION_GRACE_MS);
  await deps.mailer.send({
    to: user.email,
    ...deletionScheduledMail(user.first_name, longDate.format(erasesAt), `${deps.config.publicUrl}/connexion`),
  });
  return { erasesAt };
}

/** Called on every sign-in: a pending deletion is cancelled, and the person told so by mail. */
export async function cancelDeletionOnSignIn(deps: Deps, user: UserRow): Promise<boolean> {
  if (!user.deletion_requested_at) return false;
  if (!(await clearDeletionRequest(deps.db, user.id))) return false;
  await deps.mailer.send({ to: user.email, ...deletionCancelledMail(user.first_name) });
  return true;
}

/** Erases every account whose grace period is over; answers the ids erased. */
export async function eraseDueAccounts(deps: Pick<Deps, 'db' | 'log'>, now = new Date()): Promise<number[]> {
  const before = new Date(now.getTime() - DELETION_GRACE_MS);
  const erased: number[] = [];
  for (;;) {
    const due = await accountsDueForErasure(deps.db, before, 50);
    if (!due.length) return erased;
    for (const id of due) {
      if (await deps.db.transaction((trx) => eraseAccount(trx, id, before))) erased.push(id);
    }
    if (due.length < 50) return erased;
  }
}
