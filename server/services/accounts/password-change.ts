/** Changing one's password from the profile: the current one is asked, every other session is revoked. */
import type { Deps } from '../../deps';
import { AppError, invalidPayload } from '../../errors';
import { liveSessionIds, revokeUserSessions } from '../../db/sessions';
import { updateUser, type UserRow } from '../../db/users';
import { hashPassword, passwordProblems, verifyPassword } from './passwords';

/** What the route needs after the change: the user, and the sessions whose sockets must be dropped. */
export interface PasswordChanged {
  user: UserRow;
  revokedSessionIds: number[];
}

/**
 * Sets `newPassword` once `currentPassword` is verified (400 `wrong_password` on the
 * `currentPassword` field otherwise) and the house rules are met (400 `invalid_payload` on
 * `newPassword`). Sessions other than `keepSessionId` are revoked in the same transaction:
 * whoever knew the old password is out, the person stays signed in here.
 */
export async function changePassword(
  deps: Pick<Deps, 'db'>,
  actor: UserRow,
  keepSessionId: number,
  input: { currentPassword: string; newPassword: string },
): Promise<PasswordChanged> {
  if (!(await verifyPassword(input.currentPassword, actor.password_hash))) {
    const message = 'Le mot de passe actuel est incorrect.';
    throw new AppError('wrong_password', 400, message, { fields: { currentPassword: message } });
  }
  const problems = passwordProblems(input.newPassword, { firstName: actor.first_name, lastName: actor.last_name });
  if (input.newPassword === input.currentPassword) problems.push('Choisissez un mot de passe différent de l’actuel.');
  if (problems.length) {
    throw invalidPayload(`Nouveau mot de passe : ${problems.join(' ')}`, { fields: { newPassword: problems.join(' ') }, rules: problems });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return deps.db.transaction(async (trx) => {
    const revokedSessionIds = await liveSessionIds(trx, actor.id, keepSessionId);
    await revokeUserSessions(trx, actor.id, keepSessionId);
    const user = await updateUser(trx, actor.id, { password_hash: passwordHash });
    return { user, revokedSessionIds };
  });
}
