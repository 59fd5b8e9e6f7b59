/**
 * Agenda events as editorial contents: a member proposes an event in a group
 * (with its sessions, address, contact, categories, access). Who publishes
 * directly follows the articles' table (access/publishing.ts); anyone else's
 * event waits for a moderator. An edit by a non-publisher of a published event
 * goes back to moderation while readers keep the version last published.
 */
import type { Knex } from 'knex';
import type { z } from 'zod';
import { forbidden, invalidPayload, ruleViolated } from '../../errors';
import { findEvent, insertEvent, publishedSnapshot, updateEvent, type EventRow } from '../../db/agenda-events';
import { insertSession } from '../../db/event-sessions';
import { eventCategoriesOf, setEventCategories } from '../../db/event-categories';
import { countSectors } from '../../db/sectors';
import { departmentExists } from '../../db/departments';
import type { UserRow } from '../../db/users';
import { accessGroup } from '../../access/groups';
import { canOrganise, accessEventAsOrganiser } from '../../access/agenda';
import { canWriteContents, publishesDirectly } from '../../access/publishing';
import { findCommune } from '../reports/communes';
import type { workshopSchemas } from '../../protocol/agenda-workshops';

export type WorkshopInput = z.output<typeof workshopSchemas.create>;
export type ContentChanges = z.output<typeof workshopSchemas.editContent>;

async function checkCategories(db: Knex, c: { departmentCodes?: string[]; sectorIds?: number[]; communeCode?: string | null }) {
  for (const code of c.departmentCodes ?? []) {
    if (!(await departmentExists(db, code)))
      throw invalidPayload('Département inconnu.', { fields: { departmentCodes: `Département inconnu : ${code}.` } });
  }
  const sectors = [...new Set(c.sectorIds ?? [])];
  if ((await countSectors(db, sectors)) !== sectors.length)
    throw invalidPayload('Secteur inconnu.', { fields: { sectorIds: 'Secteur inconnu.' } });
  if (c.communeCode && !findCommune(c.communeCode))
    throw invalidPayload('Commune inconnue.', { fields: { communeCode: 'Commune inconnue.' } });
}

/** The event columns of the descriptive fields given. */
function contentColumns(c: ContentChanges): Partial<EventRow> {
  const map: [keyof ContentChanges, keyof EventRow][] = [
    ['title', 'title'],
    ['description', 'description'],
    ['access', 'access'],
    ['placeName', 'place_name'],
    ['street', 'street'],
    ['postalCode', 'postal_code'],
    ['communeCode', 'commune_code'],
    ['videoUrl', 'video_url'],
    ['contactName', 'contact_name'],
    ['contactEmail', 'contact_email'],
    ['contactPhone', 'contact_phone'],
    ['contactWebsite', 'contact_website'],
    ['price', 'price'],
    ['eventType', 'event_type'],
    ['projectSize', 'project_size'],
    ['imageAlt', 'image_alt'],
    ['waitlist', 'waitlist'],
    ['registrationDeadline', 'registration_deadline'],
  ];
  const row: Record<string, unknown> = {};
  for (const [k, col] of map) if (c[k] !== undefined) row[col] = c[k];
  if (c.communeCode !== undefined || c.placeName !== undefined) {
    // `location` stays the one-line place of the calendar views and of the iCalendar files.
    const commune = c.communeCode ? findCommune(c.communeCode)?.name : null;
    if (c.placeName !== undefined || commune) row.location = [c.placeName, commune].filter(Boolean).join(', ') || null;
  }
  return row as Partial<EventRow>;
}

/** Whether `actor` may propose events in the group: its organisers, and full members of it who write contents. */
async function mayPropose(db: Knex, actor: UserRow, groupId: number): Promise<void> {
  const { membership } = await accessGroup(db, actor, groupId);
  if (canOrganise(actor, membership)) return;
  if (membership?.status === 'member' && canWriteContents(actor)) return;
  throw forbidden('Vous ne pouvez pas proposer d’événement dans ce groupe.');
}

/** Puts the event on line now: status, date, and the snapshot readers see. */
async function publishNow(trx: Knex, id: number): Promise<void> {
  const e = (await findEvent(trx, id))!;
  await updateEvent(trx, id, {
    status: 'published',
    published_at: e.published_at ?? new Date(),
    published_json: publishedSnapshot(e),
    moderation_comment: null,
  });
}

/** POST /api/events: creates the event with its sessions; published at once, submitted, or a draft (`submit: false`). */
export async function createWorkshop(db: Knex, actor: UserRow, input: WorkshopInput): Promise<number> {
  await mayPropose(db, actor, input.groupId);
  await checkCategories(db, input);
  const direct = await publishesDirectly(db, actor, input.groupId);
  const starts = Math.min(...input.sessions.map((s) => s.startsAt.getTime()));
  const ends = Math.max(...input.sessions.map((s) => s.endsAt.getTime()));
  if (input.registrationDeadline && input.registrationDeadline.getTime() > ends) {
    throw ruleViolated('invalid_dates', "La date limite d'inscription doit précéder la fin de l'événement.");
  }
  return db.transaction(async (trx) => {
    const first = input.sessions[0];
    const id = await insertEvent(trx, {
      group_id: input.groupId,
      created_by: actor.id,
      title: input.title,
      description: input.description,
      starts_at: new Date(starts),
      ends_at: new Date(ends),
      location: null,
      video_url: input.videoUrl,
      capacity: first.capacity,
      waitlist: input.waitlist,
      prescription_capacity: first.prescriptionCapacity,
      registration_deadline: input.registrationDeadline,
      ...contentColumns(input),
      status: input.submit ? 'submitted' : 'draft',
      submitted_at: input.submit ? new Date() : null,
      published_at: null,
    });
    for (const s of input.sessions) {
      await insertSession(trx, {
        event_id: id,
        starts_at: s.startsAt,
        ends_at: s.endsAt,
        capacity: s.capacity,
        prescription_capacity: s.prescriptionCapacity,
      });
    }
    await setEventCategories(trx, id, input.departmentCodes, input.sectorIds);
    if (direct && input.submit) await publishNow(trx, id);
    return id;
  });
}

/**
 * After the organisers changed what moderation approves: a publisher's change
 * goes on line; anyone else's event (re)enters the queue, the published
 * version staying visible meanwhile. Drafts stay drafts.
 */
export async function afterContentEdit(trx: Knex, actor: UserRow, eventId: number, submit?: boolean): Promise<void> {
  const e = (await findEvent(trx, eventId))!;
  if (e.status === 'rejected') throw ruleViolated('content_rejected', 'Cet événement a été refusé : il ne peut plus être modifié.');
  const wantsOnline = submit ?? e.status !== 'draft';
  if (!wantsOnline) return;
  if (await publishesDirectly(trx, actor, e.group_id)) await publishNow(trx, eventId);
  else if (e.status !== 'submitted') await updateEvent(trx, eventId, { status: 'submitted', submitted_at: new Date() });
}

/** PATCH /api/events/:id/content: the descriptive fields and categories; `submit` sends a draft (or a returned event) to moderation. */
export async function editWorkshopContent(db: Knex, actor: UserRow, eventId: number, changes: ContentChanges): Promise<void> {
  const { event } = await accessEventAsOrganiser(db, actor, eventId);
  if (event.cancelled_at) throw ruleViolated('event_cancelled', 'Cet événement est annulé : il ne peut plus être modifié.');
  await checkCategories(db, changes);
  const { submit, departmentCodes, sectorIds, ...rest } = changes;
  await db.transaction(async (trx) => {
    const row = contentColumns(rest);
    if (Object.keys(row).length) await updateEvent(trx, eventId, row);
    if (departmentCodes !== undefined || sectorIds !== undefined) {
      const current = (await eventCategoriesOf(trx, [eventId])).get(eventId)!;
      await setEventCategories(trx, eventId, departmentCodes ?? current.departmentCodes, sectorIds ?? current.sectors.map((s) => s.id));
    }
    await afterContentEdit(trx, actor, eventId, submit);
  });
}
