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
import { hashPassword } from './passwords';
import { syncAutoMemberships } from '../chat/channels';
import { assertDepartment, assertPasswordRule } from './accounts';
import { locksSelfOut } from '../../access/users';
import { claimEmailInvitations } from '../groups/invitations';

/** An admin's new account once parsed (`chatOnly` defaulted). */
export type CreateUserInput = AdminCreateUserInput;

/** An admin creates an active account (terms still to accept at first login). */
export async function createUser(deps: Deps, input: CreateUserInput): Promise<UserRow> {
  assertPasswordRule(input.password, input);
  await assertDepartment(deps, input.departmentCode);
  if (await findUserByEmail(deps.db, input.email)) throw conflict('email_taken', 'Un compte existe déjà avec cette adresse.');
  if (await findUserByUsername(deps.db, input.username)) throw conflict('username_taken', "Ce nom d'utilisateur est déjà pris.");
  const user = await insertUser(deps.db, {
    email: input.email,
    username: input.username,
    password_hash: await hashPassword(input.password),
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
    status: 'active',
  });
  await syncAutoMemberships(deps.db, user);
  await claimEmailInvitations(deps.db, user);
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
