/**
 * Accounts made for an organisation (its first manager when a request is
 * accepted, then the staff its managers create): no password yet, pending
 * until the person opens the 7-day set-password link mailed to them.
 */
import type { Knex } from 'knex';
import type { Deps } from '../../deps';
import { AppError } from '../../errors';
import { findUserById, findUserByUsername, insertUser, updateUser, type UserRow } from '../../db/users';
import { findToken, insertToken } from '../../db/tokens';
import { insertOrganisationMember } from '../../db/organisation-members';
import { revokeUserSessions } from '../../db/sessions';
import { hashPassword, hashToken, newSecretToken, NO_PASSWORD_HASH } from '../accounts/passwords';
import { assertPasswordRule, consumeToken } from '../accounts/accounts';
import { syncAutoMemberships } from '../chat/channels';
import { SET_PASSWORD_LINK_TTL_MS } from '../accounts/invitation-links';
import { claimEmailInvitations } from '../groups/invitations';

/** How long an invitation's set-password link works. */
export const INVITATION_TTL_MS = SET_PASSWORD_LINK_TTL_MS;

/** A free username from the address's local part (`claire.dupont`, then `claire.dupont2`…). */
async function freeUsername(db: Knex, email: string): Promise<string> {
  const base =
    (email.split('@')[0] ?? '')
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .replace(/[^a-z0-9._-]/g, '')
      .replace(/^[^a-z0-9]+/, '')
      .slice(0, 26) || 'membre';
  const stem = base.length >= 3 ? base : `${base}-org`.slice(0, 26);
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? stem : `${stem}${n}`;
    if (!(await findUserByUsername(db, candidate))) return candidate;
  }
  return `${stem.slice(0, 18)}-${newSecretToken()
    .token.slice(0, 8)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}`;
}

/** What an organisation's new account needs. */
export interface InvitedAccount {
  email: string;
  firstName: string;
  lastName: string;
  function: string;
  departmentCode: string;
  employer: string;
  organisationId: number;
  managesMembers: boolean;
}

/**
 * Inserts the account, links it to its organisation and stores its
 * set-password token, in the caller's transaction; answers the token to mail.
 */
export async function createInvitedAccount(trx: Knex, a: InvitedAccount): Promise<{ user: UserRow; token: string }> {
  const user = await insertUser(trx, {
    email: a.email,
    username: await freeUsername(trx, a.email),
    password_hash: NO_PASSWORD_HASH,
    civility: null,
    first_name: a.firstName,
    last_name: a.lastName,
    department_code: a.departmentCode,
    phone: null,
    employer: a.employer,
    job_title: a.function,
    city: null,
    role: 'member',
    chat_only: false,
    status: 'pending',
  });
  await insertOrganisationMember(trx, { organisationId: a.organisationId, userId: user.id, managesMembers: a.managesMembers });
  const { token, hash } = newSecretToken();
  await insertToken(trx, { userId: user.id, kind: 'invite', tokenHash: hash, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) });
  return { user, token };
}

/** The link of an invitation mail. */
export const invitationLink = (deps: Deps, token: string) => `${deps.config.publicUrl}/activer?token=${encodeURIComponent(token)}`;

/**
 * Sets the first password from an invitation link (single use, 7 days): the
 * account becomes active and joins its automatic channels; the terms of use
 * are still asked at the first sign-in.
 */
export async function acceptInvitation(deps: Deps, token: string, password: string): Promise<UserRow> {
  const pendingUser = await consumeTokenOwner(deps, token);
  if (pendingUser) assertPasswordRule(password, { firstName: pendingUser.first_name, lastName: pendingUser.last_name });
  const user = await consumeToken(deps, 'invite', token);
  if (user.status === 'disabled') throw new AppError('account_not_active', 403, 'Ce compte est désactivé.');
  const passwordHash = await hashPassword(password);
  const active = await deps.db.transaction(async (trx) => {
    await revokeUserSessions(trx, user.id);
    return updateUser(trx, user.id, { password_hash: passwordHash, status: 'active' });
  });
  await syncAutoMemberships(deps.db, active);
  await claimEmailInvitations(deps.db, active);
  return active;
}

/** The owner of an invitation token, to check the password against their names before burning it. */
async function consumeTokenOwner(deps: Deps, token: string): Promise<UserRow | undefined> {
  const row = await findToken(deps.db, 'invite', hashToken(token));
  return row ? findUserById(deps.db, row.user_id) : undefined;
}
