import type { Knex } from 'knex';

export interface EventRow {
  id: number;
  group_id: number;
  created_by: number | null;
  title: string;
  description: string | null;
  starts_at: Date | number;
  ends_at: Date | number;
  location: string | null;
  video_url: string | null;
  capacity: number | null;
  waitlist: boolean | number;
  prescription_capacity: number | null;
  registration_deadline: Date | number | null;
  cancelled_at: Date | number | null;
  cancel_reason: string | null;
  created_at: Date | number;
  updated_at: Date | number;
  /** Moderation: draft → submitted → published, or returned (with a comment) or rejected. */
  status: EventStatus;
  /** public: readable without an account once published; pro: members only. */
  access: EventAccessLevel;
  place_name: string | null;
  street: string | null;
  postal_code: string | null;
  /** INSEE code of the commune (@etalab/decoupage-administratif). */
  commune_code: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  contact_website: string | null;
  price: EventPrice | null;
  event_type: EventType | null;
  project_size: ProjectSize | null;
  image_sha256: string | null;
  image_mime: string | null;
  image_alt: string | null;
  moderation_comment: string | null;
  moderated_by: number | null;
  moderated_at: Date | number | null;
  submitted_at: Date | number | null;
  published_at: Date | number | null;
  /** The public fields as last approved (JSON), shown while a newer edit waits for moderation. */
  published_json: string | null;
}

export type EventStatus = 'draft' | 'submitted' | 'published' | 'returned' | 'rejected';
export type EventAccessLevel = 'public' | 'pro';
export type EventPrice = 'gratuit' | 'payant';
export type EventType = 'atelier' | 'reunion_information' | 'formation' | 'salon' | 'webinaire';
/** Whether the event is for people who will work alone, or who plan a larger company. */
export type ProjectSize = 'seul' | 'equipe';

/** An event with its group's name and channel, and its creator's name. */
export type EventView = EventRow & {
  g_name: string;
  g_channel_id: number | null;
  g_visibility: string;
  c_username: string | null;
  c_first_name: string | null;
  c_last_name: string | null;
};

/** The columns an insert must give; the publishing ones are optional (default: a published, pro, uncategorised event). */
export type NewEvent = Pick<
  EventRow,
  | 'group_id'
  | 'created_by'
  | 'title'
  | 'description'
  | 'starts_at'
  | 'ends_at'
  | 'location'
  | 'video_url'
  | 'capacity'
  | 'waitlist'
  | 'prescription_capacity'
  | 'registration_deadline'
> &
  Partial<Omit<EventRow, 'id' | 'created_at' | 'updated_at'>>;

const viewQuery = (db: Knex) =>
  db('events as e')
    .join('groups as g', 'g.id', 'e.group_id')
    .leftJoin('users as c', 'c.id', 'e.created_by')
    .select(
      'e.*',
      'g.name as g_name',
      'g.channel_id as g_channel_id',
      'g.visibility as g_visibility',
      'c.username as c_username',
      'c.first_name as c_first_name',
      'c.last_name as c_last_name',
    );

export async function findEvent(db: Knex, id: number): Promise<EventView | undefined> {
  return viewQuery(db).where('e.id', id).first();
}

/**
 * Reads the event row and, on PostgreSQL, locks it until the transaction ends:
 * every registration change of an event runs behind this lock, so counting the
 * places and taking one cannot interleave. (SQLite has one writer and knex one
 * connection: transactions run one after the other already.)
 */
export async function lockEvent(trx: Knex.Transaction, id: number): Promise<EventRow | undefined> {
  const q = trx<EventRow>('events').where({ id });
  if (trx.client.config.client === 'pg') q.forUpdate();
  return q.first();
}

export async function insertEvent(db: Knex, e: NewEvent): Promise<number> {
  const now = new Date();
  const [row] = await db('events')
    .insert({ ...e, created_at: now, updated_at: now })
    .returning('id');
  return Number(typeof row === 'object' ? row.id : row);
}

export async function updateEvent(db: Knex, id: number, changes: Partial<EventRow>): Promise<void> {
  await db('events')
    .where({ id })
    .update({ ...changes, updated_at: new Date() });
}

export interface EventRange {
  from: Date;
  to: Date;
}

/** Events overlapping [from, to), ordered by start. */
function inRange(q: Knex.QueryBuilder, r: EventRange): Knex.QueryBuilder {
  return q.where('e.starts_at', '<', r.to).where('e.ends_at', '>', r.from).orderBy('e.starts_at').orderBy('e.id');
}

/** My calendar: events of the groups I am a full member of, and events I am invited to. */
export async function myEvents(db: Knex, userId: number, r: EventRange, limit: number): Promise<EventView[]> {
  const q = viewQuery(db)
    .where((w) =>
      w
        .whereIn('e.group_id', db('group_members').where({ user_id: userId, status: 'member' }).select('group_id'))
        .orWhereIn('e.id', db('event_invitations').where({ user_id: userId }).select('event_id')),
    )
    .limit(limit);
  return inRange(visibleTo(q, userId), r);
}

/** One group's events. */
export async function groupEvents(db: Knex, groupId: number, r: EventRange, limit: number, userId: number): Promise<EventView[]> {
  return inRange(visibleTo(viewQuery(db).where('e.group_id', groupId).limit(limit), userId), r);
}

export async function isInvited(db: Knex, eventId: number, userId: number): Promise<boolean> {
  return !!(await db('event_invitations').where({ event_id: eventId, user_id: userId }).first());
}

/** Of these events, the ones the user is invited to. */
export async function invitedAmong(db: Knex, userId: number, eventIds: number[]): Promise<Set<number>> {
  if (!eventIds.length) return new Set();
  const rows = await db('event_invitations').where({ user_id: userId }).whereIn('event_id', eventIds).select('event_id');
  return new Set(rows.map((r: { event_id: number }) => r.event_id));
}

/** Adds invitations; answers the users who were not invited yet. */
export async function insertInvitations(db: Knex, eventId: number, userIds: number[], invitedBy: number): Promise<number[]> {
  const added: number[] = [];
  for (const userId of userIds) {
    const rows = await db('event_invitations')
      .insert({ event_id: eventId, user_id: userId, invited_by: invitedBy, created_at: new Date() })
      .onConflict(['event_id', 'user_id'])
      .ignore()
      .returning('user_id');
    if (rows.length) added.push(userId);
  }
  return added;
}

export async function invitedUserIds(db: Knex, eventId: number): Promise<number[]> {
  const rows = await db('event_invitations').where({ event_id: eventId }).select('user_id');
  return rows.map((r: { user_id: number }) => r.user_id);
}

/** The fields of an event that moderation approves: readers see them as last published. */
export const PUBLISHED_FIELDS = [
  'title',
  'description',
  'access',
  'location',
  'video_url',
  'place_name',
  'street',
  'postal_code',
  'commune_code',
  'contact_name',
  'contact_email',
  'contact_phone',
  'contact_website',
  'price',
  'event_type',
  'project_size',
  'image_sha256',
  'image_mime',
  'image_alt',
] as const satisfies readonly (keyof EventRow)[];

/** The snapshot stored at publication (`published_json`). */
export function publishedSnapshot(e: EventRow): string {
  return JSON.stringify(Object.fromEntries(PUBLISHED_FIELDS.map((k) => [k, e[k]])));
}

/** The event as readers see it: the working copy's fields replaced by the version last published. */
export function asPublished<T extends EventRow>(e: T): T {
  if (!e.published_json) return e;
  try {
    return { ...e, ...(JSON.parse(e.published_json) as Partial<EventRow>) };
  } catch {
    return e;
  }
}

/** Published events visible to a list of readers, or drafts of their author. */
export function visibleTo(q: Knex.QueryBuilder, userId: number): Knex.QueryBuilder {
  return q.where((w) => w.whereNotNull('e.published_at').orWhere('e.created_by', userId));
}

export interface PublicEventFilters {
  departmentCode?: string;
  sectorId?: number;
  eventType?: string;
  price?: string;
}

/**
 * Published public events with a session still to come, soonest first. The
 * access and categories read are the published ones' (categories are shared).
 */
export async function publicEvents(db: Knex, f: PublicEventFilters, now: Date, limit: number): Promise<EventView[]> {
  const q = viewQuery(db)
    .whereNotNull('e.published_at')
    .whereNull('e.cancelled_at')
    .where('e.ends_at', '>', now)
    .orderBy('e.starts_at')
    .limit(limit * 2);
  if (f.departmentCode) q.whereIn('e.id', db('event_categories').where({ department_code: f.departmentCode }).select('event_id'));
  if (f.sectorId) q.whereIn('e.id', db('event_categories').where({ sector_id: f.sectorId }).select('event_id'));
  const rows = ((await q) as EventView[]).map(asPublished);
  return rows
    .filter((e) => e.access === 'public' && (!f.eventType || e.event_type === f.eventType) && (!f.price || e.price === f.price))
    .slice(0, limit);
}

/** Events a member organises: those they created and those of the groups they run. */
export async function organisedEvents(db: Knex, userId: number, limit: number): Promise<EventView[]> {
  return viewQuery(db)
    .where((w) =>
      w
        .where('e.created_by', userId)
        .orWhereIn(
          'e.group_id',
          db('group_members').where({ user_id: userId, status: 'member' }).whereIn('role', ['owner', 'admin']).select('group_id'),
        ),
    )
    .orderBy('e.starts_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit);
}

/** Submitted events, oldest submission first (of some groups, or all with null). */
export async function submittedEvents(db: Knex, groupIds: number[] | null): Promise<EventView[]> {
  const q = viewQuery(db).where('e.status', 'submitted').orderBy('e.submitted_at');
  if (groupIds) q.whereIn('e.group_id', groupIds);
  return q;
}

/** Applies a moderation decision if the event is still submitted; false when someone decided first. */
export async function decideEvent(db: Knex, id: number, changes: Partial<EventRow>): Promise<boolean> {
  const n = await db('events')
    .where({ id, status: 'submitted' })
    .update({ ...changes, updated_at: new Date() });
  return Number(n) === 1;
}
