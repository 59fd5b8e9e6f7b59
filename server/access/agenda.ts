import type { Knex } from 'knex';
import { AppError, forbidden, notFound } from '../errors';
import { findEvent, isInvited, type EventView } from '../db/agenda-events';
import type { GroupMemberRow } from '../db/groups';
import type { UserRow } from '../db/users';
import { accessGroup, canManageGroup } from './groups';
import { isAnimator } from './roles';

/** Group owners and admins, global admins, and animators (on groups they can see) organise agenda events. */
export const canOrganise = (actor: UserRow, membership: GroupMemberRow | undefined): boolean =>
  canManageGroup(actor, membership) || isAnimator(actor);

/** An agenda event with what the viewer is to it. */
export interface EventAccess {
  event: EventView;
  membership: GroupMemberRow | undefined;
  invited: boolean;
  canManage: boolean;
}

/**
 * The agenda event if the actor may see it: full members of its group, organisers,
 * and people invited to it. Anyone else gets `not_found`, as for a missing event.
 */
export async function accessEvent(db: Knex, actor: UserRow, eventId: number): Promise<EventAccess> {
  const event = await findEvent(db, eventId);
  if (!event) throw notFound('Événement');
  const group = await accessGroup(db, actor, event.group_id).catch((err: unknown) => {
    if (err instanceof AppError) return null;
    throw err;
  });
  const membership = group?.membership;
  const invited = await isInvited(db, event.id, actor.id);
  const canManage = !!group && canOrganise(actor, membership);
  if (membership?.status !== 'member' && !invited && !canManage) throw notFound('Événement');
  return { event, membership, invited, canManage };
}

/** The agenda event as an organiser may change it (`forbidden` for those who only see it). */
export async function accessEventAsOrganiser(db: Knex, actor: UserRow, eventId: number): Promise<EventAccess> {
  const access = await accessEvent(db, actor, eventId);
  if (!access.canManage) throw forbidden('Réservé aux responsables du groupe et aux animateurs.');
  return access;
}

/** Whether the viewer organises an event of a group, seen from a list (a private group must also be theirs). */
export const canManageListedEvent = (actor: UserRow, membership: GroupMemberRow | undefined, privateGroup: boolean): boolean =>
  canOrganise(actor, membership) && (!privateGroup || membership?.status === 'member' || membership?.status === 'invited');
