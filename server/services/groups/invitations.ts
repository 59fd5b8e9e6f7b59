import type { Knex } from 'knex';
import type { Deps } from '../../deps';
import { conflict, notFound, ruleViolated } from '../../errors';
import { findGroup, findGroupMember, upsertGroupMember, type GroupRow } from '../../db/groups';
import {
  claimInvitation,
  closeInvitations,
  decideRequest,
  findPendingEmailInvitation,
  findPendingInvitation,
  findPendingRequest,
  insertInvitation,
  setInvitationToken,
  unclaimedInvitationsFor,
  type InvitationRow,
} from '../../db/group-requests';
import type { NotificationRow } from '../../db/notifications';
import { findUserByEmail, findUserById, type UserRow } from '../../db/users';
import { displayName, presentAuthor } from '../../presenters/users';
import { iso } from '../../presenters/time';
import { groupInvitationMemberMail, groupInvitationSignupMail } from '../../mail-templates';
import { newSecretToken } from '../accounts/passwords';
import { accessGroupAsManager } from '../../access/groups';
import { isListedMember } from '../../access/directory';
import { assertParentMember, enterGroup, type MembershipEffects } from './membership';
import { notify } from '../notifications/notifications';

export type InviteInput = { userId: number; email?: undefined } | { email: string; userId?: undefined };

/** The answer to an invitation by e-mail: the same shape whether or not the address has an account. */
const emailInvitationView = (inv: InvitationRow, email: string) => ({
  id: inv.id,
  groupId: inv.group_id,
  user: null,
  email,
  status: inv.status,
  createdAt: iso(inv.created_at),
});

/**
 * Invites an account: an `invited` membership, an invitation row and a
 * notification. Someone already waiting for a decision is simply approved.
 */
async function inviteAccount(trx: Knex, actor: UserRow, group: GroupRow, user: UserRow, email: string | null) {
  const current = await findGroupMember(trx, group.id, user.id);
  if (current?.status === 'member') throw conflict('already_member', `${displayName(user)} est déjà membre du groupe.`);
  if (current?.status === 'invited')
    return {
      invitation: (await findPendingInvitation(trx, group.id, user.id))!,
      status: 'invited' as const,
      joined: [],
      notifications: [],
    };
  const pending = current?.status === 'pending' ? await findPendingRequest(trx, group.id, user.id) : undefined;
  const invitation = await insertInvitation(trx, { group_id: group.id, user_id: user.id, email, token_hash: null, invited_by: actor.id });
  if (pending) {
    // They had asked to join: the invitation is the approval.
    await enterGroup(trx, group, user.id);
    await decideRequest(trx, pending.id, 'approved', actor.id);
    await closeInvitations(trx, group.id, user.id, 'accepted');
    const n = await notify(trx, user.id, 'join_approved', { groupId: group.id, groupName: group.name, decidedBy: presentAuthor(actor) });
    return { invitation, status: 'member' as const, joined: [user.id], notifications: [n] };
  }
  await upsertGroupMember(trx, group.id, user.id, 'invited');
  const n = await notify(trx, user.id, 'group_invitation', { groupId: group.id, groupName: group.name, invitedBy: presentAuthor(actor) });
  return { invitation, status: 'invited' as const, joined: [], notifications: [n] };
}

/**
 * POST /api/groups/:id/invitations. A member by id; or an address: its account
 * if it has an active one (and a mail), otherwise a mail with a sign-up link
 * whose invitation waits for the account with that address.
 */
export async function invite(deps: Deps, actor: UserRow, groupId: number, input: InviteInput) {
  const { db } = deps;
  const { group } = await accessGroupAsManager(db, actor, groupId);
  const base = deps.config.publicUrl;
  if (input.userId !== undefined) {
    const user = await findUserById(db, input.userId);
    if (!user || user.status !== 'active') throw notFound('Membre');
    if (!isListedMember(user))
      throw ruleViolated('cannot_invite', "Ce compte n'a accès qu'à la messagerie : il ne peut pas rejoindre de groupe.");
    await assertParentMember(db, group, user.id);
    const r = await db.transaction((trx) => inviteAccount(trx, actor, group, user, null));
    return {
      status: r.status,
      invitation: {
        id: r.invitation.id,
        groupId: group.id,
        user: presentAuthor(user),
        email: null,
        status: r.invitation.status,
        createdAt: iso(r.invitation.created_at),
      },
      effects: { group, joined: r.joined, left: [], notifications: r.notifications } satisfies MembershipEffects,
    };
  }
  const email = input.email.toLowerCase();
  const user = await findUserByEmail(db, email);
  if (user && isListedMember(user) && user.id !== actor.id) {
    const current = await findGroupMember(db, group.id, user.id);
    if (current?.status === 'member') throw conflict('already_member', 'Cette personne est déjà membre du groupe.');
    const r = await db.transaction((trx) => inviteAccount(trx, actor, group, user, email));
    if (r.notifications.length) {
      await deps.mailer.send({
        to: user.email,
        ...groupInvitationMemberMail(user.first_name, displayName(actor), group.name, `${base}/groupes/${group.id}`),
      });
    }
    return {
      status: 'invited' as const,
      invitation: emailInvitationView(r.invitation, email),
      effects: { group, joined: r.joined, left: [], notifications: r.notifications },
    };
  }
  const { token, hash } = newSecretToken();
  const invitation = await db.transaction(async (trx) => {
    const earlier = await findPendingEmailInvitation(trx, group.id, email);
    if (!earlier) return insertInvitation(trx, { group_id: group.id, user_id: null, email, token_hash: hash, invited_by: actor.id });
    // Inviting the same address again sends a fresh link; the old one stops working.
    await setInvitationToken(trx, earlier.id, hash);
    return earlier;
  });
  await deps.mailer.send({
    to: email,
    ...groupInvitationSignupMail(displayName(actor), group.name, `${base}/inscription?invitation=${token}`),
  });
  return {
    status: 'invited' as const,
    invitation: emailInvitationView(invitation, email),
    effects: { group, joined: [], left: [], notifications: [] },
  };
}

/**
 * Invitations sent to this user's address before they had an account become
 * theirs (an `invited` membership and a notification). Run by the writes that
 * make an account usable (confirmation, sign-in, creation or re-enabling by an
 * admin), never by a read; only active accounts qualify, so the address has
 * been proven.
 */
export async function claimEmailInvitations(db: Knex, user: UserRow): Promise<NotificationRow[]> {
  if (!isListedMember(user)) return [];
  const waiting = await unclaimedInvitationsFor(db, user.email);
  const out: NotificationRow[] = [];
  for (const inv of waiting) {
    const group = await findGroup(db, inv.group_id);
    if (!group) continue;
    const n = await db.transaction(async (trx) => {
      if (!(await claimInvitation(trx, inv.id, user.id))) return null;
      const current = await findGroupMember(trx, group.id, user.id);
      if (current?.status === 'member') {
        await closeInvitations(trx, group.id, user.id, 'accepted');
        return null;
      }
      await upsertGroupMember(trx, group.id, user.id, 'invited');
      const inviter = inv.invited_by ? await findUserById(trx, inv.invited_by) : undefined;
      return notify(trx, user.id, 'group_invitation', {
        groupId: group.id,
        groupName: group.name,
        invitedBy: inviter ? presentAuthor(inviter) : null,
      });
    });
    if (n) out.push(n);
  }
  return out;
}
