import type { Knex } from 'knex';
import { AppError, forbidden, notFound } from '../errors';
import { asPublished, findEvent, isInvited, type EventView } from '../db/agenda-events';
import type { GroupMemberRow } from '../db/groups';
import type { UserRow } from '../db/users';
import { accessGroup, canManageGroup, isFullMember } from './groups';
import { isAnimator } from './roles';

/** Group owners and admins, global admins, and animators (on groups they can see) organise agenda events. */
export const canOrganise = (actor: UserRow, membership: GroupMemberRow | undefined): boolean =>
  canManageGroup(actor, membership) || isAnimator(actor);

/** An agenda event with what the viewer is to it. */
export interface EventAccess {
  /** The working copy for its organisers, the version last published for everyone else. */
  event: EventView;
  membership: GroupMemberRow | undefined;
  invited: boolean;
  canManage: boolean;
}

/**
 * The agenda event if the actor may see it. Its organisers (the group's
 * managers, animators, and the member who proposed it) always do, drafts
 * included. Once published: full members of its group, people invited to it,
 * and — for public events, and pro events of public groups — every full
 * member. Anyone else gets `not_found`, as for a missing event.
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
  const canManage = (!!group && canOrganise(actor, membership)) || (event.created_by === actor.id && isFullMember(actor));
  if (canManage) return { event, membership, invited, canManage };
  if (!event.published_at) throw notFound('Événement');
  const published = asPublished(event);
  const wide = isFullMember(actor) && (published.access === 'public' || (!!group && event.g_visibility === 'public'));
  if (membership?.status !== 'member' && !invited && !wide) throw notFound('Événement');
  return { event: published, membership, invited, canManage };
}

/** The agenda event as an organiser may change it (`forbidden` for those who only see it). */
export async function accessEventAsOrganiser(db: Knex, actor: UserRow, eventId: number): Promise<EventAccess> {
  const access = await accessEvent(db, actor, eventId);
  if (!access.canManage) throw forbidden('Réservé aux organisateurs de l’événement.');
  return access;
}

/** A published public event for a visitor without an account (its published version); `not_found` otherwise. */
export async function accessPublicEvent(db: Knex, eventId: number): Promise<EventView> {
  const event = await findEvent(db, eventId);
  if (!event || !event.published_at) throw notFound('Événement');
  const published = asPublished(event);
  if (published.access !== 'public') throw notFound('Événement');
  return published;
}

/** Whether the viewer organises an event seen in a list (a private group must also be theirs; proposers organise their own). */
export const canManageListedEvent = (
  actor: UserRow,
  membership: GroupMemberRow | undefined,
  privateGroup: boolean,
  createdBy?: number | null,
): boolean =>
  (createdBy === actor.id && isFullMember(actor)) ||
  (canOrganise(actor, membership) && (!privateGroup || membership?.status === 'member' || membership?.status === 'invited'));
