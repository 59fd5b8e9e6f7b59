import type { Knex } from 'knex';
import { forbidden, ruleViolated } from '../../errors';
import { accessGroup } from '../../access/groups';
import { accessEvent, accessEventAsOrganiser, canManageListedEvent, canOrganise, type EventAccess } from '../../access/agenda';
import {
  findEvent,
  groupEvents,
  insertEvent,
  insertInvitations,
  invitedAmong,
  lockEvent,
  myEvents,
  updateEvent,
  type EventRange,
  type EventRow,
  type EventView,
} from '../../db/agenda-events';
import { allRegistrationsOf, countsFor, prescriptionsBy, selfRegistrations } from '../../db/agenda-registrations';
import { asPublished, publishedSnapshot } from '../../db/agenda-events';
import { cancelSessionsOf, insertSession, lockSession, sessionsOf, updateSession } from '../../db/event-sessions';
import { countsForSessions, mySessionRegistrations, sessionWaitlistPosition } from '../../db/session-registrations';
import { extrasOf, extrasOfOne } from './event-extras';
import { afterContentEdit } from './event-content';
import { groupMemberIds, membershipsIn } from '../../db/groups';
import { activeFullMemberIds, type UserRow } from '../../db/users';
import { presentEvent, type PresentedEvent } from '../../presenters/agenda-events';
import { ms } from '../../presenters/time';
import { notify } from '../notifications/notifications';
import { notifyGroupActivity } from '../notifications/group-activity';
import { cancellationNotices, changeNotices, eventRef, noEffects, type EventEffects } from './notices';
import { fillPlaces } from './places';

/** One event as the viewer sees it, with the people they registered on the prescription list. */
export async function eventView(db: Knex, actor: UserRow, access: EventAccess): Promise<PresentedEvent> {
  const id = access.event.id;
  const [counts, mine, prescriptions] = await Promise.all([
    countsFor(db, [id]),
    selfRegistrations(db, actor.id, [id]),
    prescriptionsBy(db, id, actor.id),
  ]);
  const myPrescriptions = [];
  for (const p of prescriptions)
    myPrescriptions.push({ id: p.id, name: p.name, email: p.email, status: p.status, position: await sessionWaitlistPosition(db, p) });
  const extras = await extrasOfOne(db, access.event);
  return presentEvent(access.event, counts.get(id)!, extras, {
    myRegistration: mine.get(id) ?? null,
    mySessionRegistrations: await mySessions(
      db,
      actor.id,
      extras.sessions.map((s) => s.row.id),
    ),
    invited: access.invited,
    canManage: access.canManage,
    myPrescriptions,
  });
}

/** My places on the direct list in these sessions, with their waiting-list positions. */
async function mySessions(db: Knex, userId: number, sessionIds: number[]) {
  const rows = await mySessionRegistrations(db, userId, sessionIds);
  const out = [];
  for (const r of rows) out.push({ sessionId: r.session_id, id: r.id, status: r.status, position: await sessionWaitlistPosition(db, r) });
  return out;
}

/** Many events for one viewer, with counts and their own registration, in few queries (readers get the published versions). */
async function presentMany(db: Knex, actor: UserRow, events: EventView[]): Promise<PresentedEvent[]> {
  const ids = events.map((e) => e.id);
  const groupIds = [...new Set(events.map((e) => e.group_id))];
  const [counts, mine, invited, memberships, extras] = await Promise.all([
    countsFor(db, ids),
    selfRegistrations(db, actor.id, ids),
    invitedAmong(db, actor.id, ids),
    membershipsIn(db, actor.id, groupIds),
    extrasOf(db, events),
  ]);
  const sessionIds = [...extras.values()].flatMap((x) => x.sessions.map((s) => s.row.id));
  const mineBySession = await mySessions(db, actor.id, sessionIds);
  const roles = new Map(memberships.map((m) => [m.group_id, m]));
  return events.map((e) => {
    const canManage = canManageListedEvent(actor, roles.get(e.group_id), e.g_visibility === 'private', e.created_by);
    const x = extras.get(e.id)!;
    const own = new Set(x.sessions.map((s) => s.row.id));
    return presentEvent(canManage ? e : asPublished(e), counts.get(e.id)!, x, {
      myRegistration: mine.get(e.id) ?? null,
      invited: invited.has(e.id),
      canManage,
      mySessionRegistrations: mineBySession.filter((m) => own.has(m.sessionId)),
    });
  });
}

const MAX_LIST = 500;

/** GET /api/events: my calendar (events of my groups and those I am invited to) over a range. */
export async function listMyEvents(db: Knex, actor: UserRow, range: EventRange): Promise<PresentedEvent[]> {
  return presentMany(db, actor, await myEvents(db, actor.id, range, MAX_LIST));
}

/** GET /api/groups/:id/events: a group's agenda, for its members and organisers. */
export async function listGroupEvents(db: Knex, actor: UserRow, groupId: number, range: EventRange): Promise<PresentedEvent[]> {
  const { group, membership } = await accessGroup(db, actor, groupId);
  if (membership?.status !== 'member' && !canOrganise(actor, membership)) {
    throw forbidden('Réservé aux membres du groupe.', 'not_a_member');
  }
  return presentMany(db, actor, await groupEvents(db, group.id, range, MAX_LIST, actor.id));
}

export interface EventFields {
  title: string;
  description: string | null;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  videoUrl: string | null;
  capacity: number | null;
  waitlist: boolean;
  prescriptionCapacity: number | null;
  registrationDeadline: Date | null;
}

export interface Invitees {
  /** Tell every member of the group. */
  group?: boolean;
  /** Invite these people (members of the group or not): they see the event and get a notification. */
  userIds?: number[];
}

function assertDates(f: Pick<EventFields, 'startsAt' | 'endsAt' | 'registrationDeadline'>): void {
  if (f.endsAt.getTime() <= f.startsAt.getTime()) throw ruleViolated('invalid_dates', "La fin de l'événement doit suivre son début.");
  if (f.registrationDeadline && f.registrationDeadline.getTime() > f.endsAt.getTime()) {
    throw ruleViolated('invalid_dates', "La date limite d'inscription doit précéder la fin de l'événement.");
  }
}

/**
 * Sends invitations: named people get an invitation row (which lets them see
 * the event) and a notification; `group` notifies every member of the group.
 * Unknown, inactive or chat-only accounts are refused (422 `unknown_users`).
 */
export async function inviteToEvent(
  trx: Knex,
  actor: UserRow,
  event: EventRow,
  groupName: string,
  who: Invitees,
  out: EventEffects,
): Promise<void> {
  const ids = [...new Set(who.userIds ?? [])].filter((id) => id !== actor.id);
  if (ids.length) {
    const known = new Set(await activeFullMemberIds(trx, ids));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) throw ruleViolated('unknown_users', 'Certaines personnes invitées sont introuvables.', { userIds: unknown });
  }
  const notified = new Set<number>([actor.id]);
  const data = {
    ...eventRef(event, groupName),
    invitedBy: { id: actor.id, username: actor.username, displayName: `${actor.first_name} ${actor.last_name}` },
  };
  for (const userId of await insertInvitations(trx, event.id, ids, actor.id)) {
    notified.add(userId);
    out.notifications.push(await notify(trx, userId, 'event_invitation', data));
  }
  if (who.group) {
    for (const user_id of await groupMemberIds(trx, event.group_id)) {
      if (notified.has(user_id)) continue;
      notified.add(user_id);
      out.notifications.push(await notify(trx, user_id, 'event_invitation', { ...data, wholeGroup: true }));
    }
  }
}

/** POST /api/groups/:id/events: organisers create an event, and may invite people or the whole group. */
export async function createEvent(
  db: Knex,
  actor: UserRow,
  groupId: number,
  f: EventFields,
  who: Invitees = {},
): Promise<{ access: EventAccess; effects: EventEffects }> {
  const { group, membership } = await accessGroup(db, actor, groupId);
  if (!canOrganise(actor, membership)) throw forbidden('Seuls les responsables du groupe et les animateurs créent des événements.');
  assertDates(f);
  const { id, effects } = await db.transaction(async (trx) => {
    const id = await insertEvent(trx, {
      group_id: group.id,
      created_by: actor.id,
      title: f.title,
      description: f.description,
      starts_at: f.startsAt,
      ends_at: f.endsAt,
      location: f.location,
      video_url: f.videoUrl,
      capacity: f.capacity,
      waitlist: f.waitlist,
      prescription_capacity: f.prescriptionCapacity,
      registration_deadline: f.registrationDeadline,
      status: 'published',
      published_at: new Date(),
    });
    await insertSession(trx, {
      event_id: id,
      starts_at: f.startsAt,
      ends_at: f.endsAt,
      capacity: f.capacity,
      prescription_capacity: f.prescriptionCapacity,
    });
    const created = (await findEvent(trx, id))!;
    await updateEvent(trx, id, { published_json: publishedSnapshot(created) });
    const effects = noEffects(id, true);
    const event = (await findEvent(trx, id))!;
    await inviteToEvent(trx, actor, event, group.name, who, effects);
    // Members not invited by name (nor as the whole group) hear of it as group activity.
    effects.notifications.push(
      ...(await notifyGroupActivity(trx, {
        kind: 'event_new',
        groupId: group.id,
        groupName: group.name,
        authorId: actor.id,
        data: eventRef(event, group.name),
        alreadyNotified: effects.notifications.map((n) => n.user_id),
      })),
    );
    return { id, effects };
  });
  return { access: await accessEvent(db, actor, id), effects };
}

/** POST /api/events/:id/invitations: more invitations later. */
export async function inviteMore(db: Knex, actor: UserRow, eventId: number, who: Invitees): Promise<EventEffects> {
  const { event } = await accessEventAsOrganiser(db, actor, eventId);
  if (event.cancelled_at) throw ruleViolated('event_cancelled', 'Cet événement est annulé.');
  return db.transaction(async (trx) => {
    const effects = noEffects(event.id);
    await inviteToEvent(trx, actor, event, event.g_name, who, effects);
    return effects;
  });
}

const capacityRule = (list: string, registered: number) =>
  ruleViolated('capacity_below_registered', `La capacité ${list} ne peut pas être inférieure au nombre d'inscrits (${registered}).`, {
    registered,
  });

/**
 * PATCH /api/events/:id, behind the event's lock: a capacity never goes below
 * the number already registered (422), a larger one promotes from the waiting
 * list at once, and registrants hear of a new date or place.
 */
export async function editEvent(
  db: Knex,
  actor: UserRow,
  eventId: number,
  changes: Partial<EventFields>,
  publicUrl: string,
): Promise<EventEffects> {
  const { event: seen } = await accessEventAsOrganiser(db, actor, eventId);
  if (seen.cancelled_at) throw ruleViolated('event_cancelled', 'Cet événement est annulé : il ne peut plus être modifié.');
  return db.transaction(async (trx) => {
    const event = (await lockEvent(trx, eventId))!;
    const merged = {
      startsAt: changes.startsAt ?? new Date(event.starts_at),
      endsAt: changes.endsAt ?? new Date(event.ends_at),
      registrationDeadline:
        changes.registrationDeadline !== undefined
          ? changes.registrationDeadline
          : event.registration_deadline === null
            ? null
            : new Date(event.registration_deadline),
    };
    assertDates(merged);
    const sessions = (await sessionsOf(trx, [eventId])).get(eventId) ?? [];
    const timing = ['startsAt', 'endsAt', 'capacity', 'prescriptionCapacity'].some((k) => changes[k as keyof EventFields] !== undefined);
    if (timing && sessions.length !== 1) {
      throw ruleViolated('use_sessions', 'Cet événement a plusieurs dates : modifiez-les une par une.');
    }
    const only = sessions[0];
    const counts =
      (await countsForSessions(trx, only ? [only.id] : [])).get(only?.id ?? -1) ?? (await countsFor(trx, [eventId])).get(eventId)!;
    if (changes.capacity != null && changes.capacity < counts.member.registered) throw capacityRule('', counts.member.registered);
    if (changes.prescriptionCapacity !== undefined && counts.prescription.registered + counts.prescription.waitlisted > 0) {
      if (changes.prescriptionCapacity === null) throw capacityRule('« sur prescription »', counts.prescription.registered);
      if (changes.prescriptionCapacity < counts.prescription.registered)
        throw capacityRule('« sur prescription »', counts.prescription.registered);
    }
    const row: Partial<EventRow> = {};
    if (changes.title !== undefined) row.title = changes.title;
    if (changes.description !== undefined) row.description = changes.description;
    if (changes.startsAt !== undefined) row.starts_at = changes.startsAt;
    if (changes.endsAt !== undefined) row.ends_at = changes.endsAt;
    if (changes.location !== undefined) row.location = changes.location;
    if (changes.videoUrl !== undefined) row.video_url = changes.videoUrl;
    if (changes.capacity !== undefined) row.capacity = changes.capacity;
    if (changes.waitlist !== undefined) row.waitlist = changes.waitlist;
    if (changes.prescriptionCapacity !== undefined) row.prescription_capacity = changes.prescriptionCapacity;
    if (changes.registrationDeadline !== undefined) row.registration_deadline = changes.registrationDeadline;
    const effects = noEffects(eventId, true);
    if (!Object.keys(row).length) return effects;
    await updateEvent(trx, eventId, row);
    if (only && timing) {
      await updateSession(trx, only.id, {
        starts_at: row.starts_at ?? only.starts_at,
        ends_at: row.ends_at ?? only.ends_at,
        capacity: row.capacity !== undefined ? row.capacity : only.capacity,
        prescription_capacity: row.prescription_capacity !== undefined ? row.prescription_capacity : only.prescription_capacity,
      });
    }
    if (['title', 'description', 'location', 'video_url'].some((k) => k in row)) await afterContentEdit(trx, actor, eventId);
    const saved = (await lockEvent(trx, eventId))!;
    for (const session of (await sessionsOf(trx, [eventId])).get(eventId) ?? []) {
      const locked = (await lockSession(trx, session.id))!;
      for (const list of ['member', 'prescription'] as const) await fillPlaces(trx, saved, locked, seen.g_name, list, publicUrl, effects);
    }
    const moved =
      ms(saved.starts_at) !== ms(event.starts_at) ||
      ms(saved.ends_at) !== ms(event.ends_at) ||
      saved.location !== event.location ||
      saved.video_url !== event.video_url;
    if (moved) await changeNotices(trx, saved, seen.g_name, await allRegistrationsOf(trx, eventId), actor.id, effects);
    return effects;
  });
}

/** DELETE /api/events/:id: cancels the event (kept, marked cancelled) and tells everyone on its lists. Idempotent. */
export async function cancelEvent(db: Knex, actor: UserRow, eventId: number, reason: string | null): Promise<EventEffects> {
  const { event: seen } = await accessEventAsOrganiser(db, actor, eventId);
  return db.transaction(async (trx) => {
    const event = (await lockEvent(trx, eventId))!;
    if (event.cancelled_at) return noEffects(eventId);
    await updateEvent(trx, eventId, { cancelled_at: new Date(), cancel_reason: reason });
    await cancelSessionsOf(trx, eventId, reason);
    const effects = noEffects(eventId, true);
    await cancellationNotices(trx, event, seen.g_name, await allRegistrationsOf(trx, eventId), reason, effects);
    return effects;
  });
}
