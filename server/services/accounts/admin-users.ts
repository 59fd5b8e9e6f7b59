import type { Deps } from '../../deps';
import type { AdminCreateUserInput } from '../../protocol/accounts';
import { AppError, conflict, notFound } from '../../errors';
import {
  findUserByEmail,
  findUserById,
  findUserByUsername,
  insertUser,
  searchUsers,
  updateUser,
  type Role,
  type UserRow,
  type UserSearch,
} from '../../db/users';
import { revokeUserSessions } from '../../db/sessions';
import { hashPassword, newSecretToken, NO_PASSWORD_HASH } from './passwords';
import { insertToken } from '../../db/tokens';
import { reissueSetPasswordToken, SET_PASSWORD_LINK_TTL_MS } from './invitation-links';
import { welcomeMail } from '../../mail-templates';
import { displayName } from '../../presenters/users';

/** How long the welcome mail's set-password link works (as an organisation's invitation). */
export const WELCOME_TTL_MS = SET_PASSWORD_LINK_TTL_MS;
import { syncAutoMemberships } from '../chat/channels';
import { assertDepartment, assertPasswordRule } from './accounts';
import { locksSelfOut } from '../../access/users';
import { claimEmailInvitations } from '../groups/invitations';
import { eraseAccount, markDeletionRequested } from '../../db/account-erasure';

/** An admin's new account once parsed (`chatOnly` defaulted). */
export type CreateUserInput = AdminCreateUserInput;

/**
 * An admin creates an account and the person gets a welcome mail with a
 * set-password link (`/activer`, 7 days, single use). Without a password the
 * account stays pending until the link is opened; with a provisional one it is
 * active at once (the link then replaces that password). The terms are still
 * asked at the first sign-in. The sign-up rules (allowed domains) do not apply.
 */
export async function createUser(deps: Deps, admin: UserRow, input: CreateUserInput): Promise<UserRow> {
  if (input.password) assertPasswordRule(input.password, input);
  await assertDepartment(deps, input.departmentCode);
  if (await findUserByEmail(deps.db, input.email)) throw conflict('email_taken', 'Un compte existe déjà avec cette adresse.');
  if (await findUserByUsername(deps.db, input.username)) throw conflict('username_taken', "Ce nom d'utilisateur est déjà pris.");
  const passwordHash = input.password ? await hashPassword(input.password) : NO_PASSWORD_HASH;
  const { user, token } = await deps.db.transaction(async (trx) => {
    const user = await insertUser(trx, {
      email: input.email,
      username: input.username,
      password_hash: passwordHash,
      civility: null,
      first_name: input.firstName,
      last_name: input.lastName,
      department_code: input.departmentCode,
      phone: null,
      employer: null,
      job_title: null,
      city: null,
      role: input.role,
      chat_only: input.chatOnly,
      status: input.password ? 'active' : 'pending',
    });
    const { token, hash } = newSecretToken();
    await insertToken(trx, { userId: user.id, kind: 'invite', tokenHash: hash, expiresAt: new Date(Date.now() + WELCOME_TTL_MS) });
    return { user, token };
  });
  if (user.status === 'active') {
    await syncAutoMemberships(deps.db, user);
    await claimEmailInvitations(deps.db, user);
  }
  const link = `${deps.config.publicUrl}/activer?token=${encodeURIComponent(token)}`;
  await deps.mailer.send({ to: user.email, ...welcomeMail(user.first_name, displayName(admin), link) });
  return user;
}

export async function listUsers(deps: Deps, search: UserSearch) {
  const rows = await searchUsers(deps.db, { ...search, limit: search.limit + 1 });
  const items = rows.slice(0, search.limit);
  return { items, nextCursor: rows.length > search.limit ? String(items[items.length - 1]!.id) : null };
}

/**
 * Changes a user's role or disables/enables the account. Disabling revokes
 * every session; the caller then disconnects their sockets. An admin cannot
 * disable or demote themself (the network would risk losing its last admin).
 */
export async function changeUser(
  deps: Deps,
  actor: UserRow,
  userId: number,
  changes: { role?: Role; disabled?: boolean; chatOnly?: boolean },
): Promise<{ user: UserRow; disabledNow: boolean }> {
  const target = await findUserById(deps.db, userId);
  if (!target) throw notFound('Utilisateur');
  if (locksSelfOut(actor, target.id, changes)) {
    throw new AppError('forbidden', 403, 'Vous ne pouvez ni désactiver ni rétrograder votre propre compte.');
  }
  const row: Partial<UserRow> = {};
  if (changes.role) row.role = changes.role;
  if (changes.chatOnly !== undefined) row.chat_only = changes.chatOnly;
  let disabledNow = false;
  if (changes.disabled === true && target.status !== 'disabled') {
    row.status = 'disabled';
    disabledNow = true;
  } else if (changes.disabled === false && target.status === 'disabled') {
    row.status = 'active';
  }
  const user = await deps.db.transaction(async (trx) => {
    if (disabledNow) await revokeUserSessions(trx, target.id);
    return Object.keys(row).length ? updateUser(trx, target.id, row) : target;
  });
  // Enabled again, or no longer chat-only: invitations mailed to the address meanwhile become the account's.
  await claimEmailInvitations(deps.db, user);
  return { user, disabledNow };
}

/**
 * Mails a fresh welcome link to an account an admin made that is still
 * pending (the previous link dies); any other state: 409 `account_active`.
 */
export async function resendWelcome(deps: Deps, admin: UserRow, userId: number): Promise<void> {
  const target = await findUserById(deps.db, userId);
  if (!target || target.erased_at) throw notFound('Utilisateur');
  if (target.status !== 'pending')
    throw conflict('account_active', 'Ce compte n’attend pas d’activation : il n’y a pas de lien à renvoyer.');
  const token = await reissueSetPasswordToken(deps.db, target.id);
  const link = `${deps.config.publicUrl}/activer?token=${encodeURIComponent(token)}`;
  await deps.mailer.send({ to: target.email, ...welcomeMail(target.first_name, displayName(admin), link) });
}

/**
 * An admin deletes an account at once, with the erasure of personal data
 * (db/account-erasure.ts, the same as after a member's own request): the row
 * stays as "Compte supprimé" so messages and posts keep their author. Not
 * one's own account (that goes through /api/me/deletion and its grace period).
 */
export async function deleteUserNow(deps: Deps, actor: UserRow, userId: number): Promise<void> {
  const target = await findUserById(deps.db, userId);
  if (!target || target.erased_at) throw notFound('Utilisateur');
  if (target.id === actor.id) throw new AppError('forbidden', 403, 'Pour supprimer votre propre compte, passez par « Mes données ».');
  const now = new Date();
  await deps.db.transaction(async (trx) => {
    await markDeletionRequested(trx, target.id, now);
    if (!(await eraseAccount(trx, target.id, now))) throw notFound('Utilisateur');
  });
}
