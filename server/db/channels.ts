import type { Knex } from 'knex';
import { hotRows, rawRows, valuesTable } from '../database';

export type ChannelKind = 'national' | 'departmental' | 'thematic' | 'group' | 'direct' | 'hotline';

export interface ChannelRow {
  id: number;
  kind: ChannelKind;
  name: string;
  slug: string;
  description: string | null;
  department_code: string | null;
  group_id: number | null;
  announce: boolean | number;
  direct_key: string | null;
  last_seq: number;
  created_by: number | null;
  archived_at: Date | number | null;
  created_at: Date | number;
}

/** A (channel, user) pair: a membership, held or asked about. */
export type ChannelUser = { channelId: number; userId: number };

export interface MemberRow {
  channel_id: number;
  user_id: number;
  last_read_seq: number;
  favorite: boolean | number;
  joined_at: Date | number;
}

/** A channel joined with the viewer's membership (null fields when not a member). */
export type ChannelWithMembership = ChannelRow & {
  m_user_id: number | null;
  last_read_seq: number | null;
  favorite: boolean | number | null;
};

export async function findChannel(db: Knex, id: number): Promise<ChannelRow | undefined> {
  return db<ChannelRow>('channels').where({ id }).first();
}

export async function findChannelBySlug(db: Knex, slug: string): Promise<ChannelRow | undefined> {
  return db<ChannelRow>('channels').where({ slug }).first();
}

/** Id and name of the channels people name themselves (thematic and group channels, archived ones included). */
export async function namedChannels(db: Knex): Promise<Pick<ChannelRow, 'id' | 'name' | 'kind'>[]> {
  return db<ChannelRow>('channels').whereIn('kind', ['thematic', 'group']).select('id', 'name', 'kind');
}

// The two below run on every connection (automatic memberships): written once.

export async function channelsBySlugs(db: Knex, slugs: string[]): Promise<ChannelRow[]> {
  return rawRows<ChannelRow>(db, `SELECT * FROM channels WHERE slug IN (${slugs.map(() => '?').join(', ')})`, slugs);
}

export async function findMembership(db: Knex, channelId: number, userId: number): Promise<MemberRow | undefined> {
  return db<MemberRow>('channel_members').where({ channel_id: channelId, user_id: userId }).first();
}

export async function insertChannel(db: Knex, c: Partial<ChannelRow> & Pick<ChannelRow, 'kind' | 'name' | 'slug'>): Promise<ChannelRow> {
  const [row] = await db('channels')
    .insert({ announce: false, last_seq: 0, ...c, created_at: new Date() })
    .returning('*');
  return row as ChannelRow;
}

/** Adds a member; returns false when they already were one. */
export async function addMember(db: Knex, channelId: number, userId: number, lastReadSeq = 0): Promise<boolean> {
  const rows = await db('channel_members')
    .insert({ channel_id: channelId, user_id: userId, last_read_seq: lastReadSeq, favorite: false, joined_at: new Date() })
    .onConflict(['channel_id', 'user_id'])
    .ignore()
    .returning('user_id');
  return rows.length > 0;
}

export async function removeMember(db: Knex, channelId: number, userId: number): Promise<boolean> {
  return (await db('channel_members').where({ channel_id: channelId, user_id: userId }).del()) > 0;
}

/** Every channel the user is in, with its kind (one read on connect: rooms and automatic memberships). */
export async function membershipKindsOf(db: Knex, userId: number): Promise<{ channel_id: number; kind: ChannelRow['kind'] }[]> {
  const rows = await hotRows<{ channel_id: number; kind: ChannelRow['kind'] }>(
    db,
    'SELECT m.channel_id, c.kind FROM channel_members m JOIN channels c ON c.id = m.channel_id WHERE m.user_id = ?',
    [userId],
  );
  return rows.map((r) => ({ channel_id: Number(r.channel_id), kind: r.kind }));
}

/** The ids of the channels the user is in. */
export async function channelIdsOfUser(db: Knex, userId: number): Promise<number[]> {
  const rows = await rawRows<{ channel_id: number }>(db, 'SELECT channel_id FROM channel_members WHERE user_id = ?', [userId]);
  return rows.map((r) => Number(r.channel_id));
}

export async function memberIds(db: Knex, channelId: number): Promise<number[]> {
  const rows = await db('channel_members').where({ channel_id: channelId }).select('user_id');
  return rows.map((r: { user_id: number }) => r.user_id);
}

export async function memberCount(db: Knex, channelId: number): Promise<number> {
  const row = (await db('channel_members').where({ channel_id: channelId }).count({ n: '*' }).first()) as { n: number | string };
  return Number(row.n);
}

/** Channels I belong to, plus thematic channels I may join (not archived). */
export async function listVisibleChannels(db: Knex, userId: number): Promise<ChannelWithMembership[]> {
  return db('channels as c')
    .leftJoin('channel_members as m', function () {
      this.on('m.channel_id', '=', 'c.id').andOn('m.user_id', '=', db.raw('?', [userId]));
    })
    .where((w) => w.whereNotNull('m.user_id').orWhere((o) => o.where('c.kind', 'thematic').whereNull('c.archived_at')))
    .select('c.*', 'm.user_id as m_user_id', 'm.last_read_seq', 'm.favorite')
    .orderBy('c.id');
}

/** Unread mentions per channel for a user (mentions after their read marker). */
export async function mentionCounts(db: Knex, userId: number, channelId?: number): Promise<Map<number, number>> {
  const q = db('message_mentions as mm')
    .join('channel_members as m', function () {
      this.on('m.channel_id', '=', 'mm.channel_id').andOn('m.user_id', '=', 'mm.user_id');
    })
    .where('mm.user_id', userId)
    .whereRaw('mm.seq > m.last_read_seq')
    .groupBy('mm.channel_id')
    .select('mm.channel_id')
    .count({ n: '*' });
  if (channelId) q.where('mm.channel_id', channelId);
  const rows = (await q) as { channel_id: number; n: number | string }[];
  return new Map(rows.map((r) => [r.channel_id, Number(r.n)]));
}

export interface UnreadState {
  channel_id: number;
  user_id: number;
  unread: number | string;
  mentions: number | string;
}

/** Unread count (the channel's last seq minus the marker) and unread mentions, for the selected memberships. */
const unreadColumns = `m.channel_id, m.user_id, c.last_seq - m.last_read_seq AS unread,
  (SELECT count(*) FROM message_mentions mm WHERE mm.user_id = m.user_id AND mm.channel_id = m.channel_id AND mm.seq > m.last_read_seq) AS mentions`;

/**
 * The unread state of every member of those channels that have at most
 * `maxMembers` members, in one statement (a channel's size is probed by an
 * index seek to its member number maxMembers + 1, not counted).
 */
export async function unreadStatesOfSmallChannels(db: Knex, channelIds: number[], maxMembers: number): Promise<UnreadState[]> {
  if (!channelIds.length) return [];
  const marks = channelIds.map(() => '?').join(', ');
  return rawRows<UnreadState>(
    db,
    `SELECT ${unreadColumns} FROM channels c JOIN channel_members m ON m.channel_id = c.id
     WHERE c.id IN (${marks}) AND (SELECT x.user_id FROM channel_members x WHERE x.channel_id = c.id LIMIT 1 OFFSET ?) IS NULL`,
    [...channelIds, maxMembers],
  );
}

/** The unread state of these (channel, user) memberships. */
export async function unreadStatesOf(db: Knex, pairs: ChannelUser[]): Promise<UnreadState[]> {
  if (!pairs.length) return [];
  const v = valuesTable(pairs.map((p) => [p.channelId, p.userId]));
  return rawRows<UnreadState>(
    db,
    `SELECT ${unreadColumns} FROM ${v.sql} JOIN channel_members m ON m.channel_id = v.column1 AND m.user_id = v.column2 JOIN channels c ON c.id = m.channel_id`,
    v.bindings,
  );
}

/** Moves a read marker forward only (never backwards); returns the marker now stored. */
export async function advanceReadMarker(db: Knex, channelId: number, userId: number, seq: number): Promise<number> {
  await db('channel_members')
    .where({ channel_id: channelId, user_id: userId })
    .where('last_read_seq', '<', seq)
    .update({ last_read_seq: seq });
  const row = await findMembership(db, channelId, userId);
  return row?.last_read_seq ?? 0;
}

/** A channel with the user's membership row, in one round trip; undefined when the user is not a member. */
export async function findChannelWithMembership(
  db: Knex,
  channelId: number,
  userId: number,
): Promise<{ channel: ChannelRow; membership: MemberRow } | undefined> {
  const row = await db('channels as c')
    .join('channel_members as m', 'm.channel_id', 'c.id')
    .where({ 'c.id': channelId, 'm.user_id': userId })
    .first('c.*', 'm.user_id as m_user_id', 'm.last_read_seq as m_last_read_seq', 'm.favorite as m_favorite', 'm.joined_at as m_joined_at');
  if (!row) return undefined;
  const { m_user_id, m_last_read_seq, m_favorite, m_joined_at, ...channel } = row;
  return {
    channel: channel as ChannelRow,
    membership: { channel_id: channelId, user_id: m_user_id, last_read_seq: m_last_read_seq, favorite: m_favorite, joined_at: m_joined_at },
  };
}

/** Inserts the channels whose slug is not taken yet (by hundreds). */
export async function insertChannelsIfMissing(db: Knex, rows: Partial<ChannelRow>[]): Promise<void> {
  const now = new Date();
  for (let i = 0; i < rows.length; i += 100) {
    await db('channels')
      .insert(rows.slice(i, i + 100).map((r) => ({ last_seq: 0, created_at: now, ...r })))
      .onConflict('slug')
      .ignore();
  }
}

/** Changes some columns of a channel. */
export async function updateChannel(db: Knex, id: number, changes: Partial<ChannelRow>): Promise<void> {
  if (Object.keys(changes).length) await db('channels').where({ id }).update(changes);
}

export async function deleteChannel(db: Knex, id: number): Promise<void> {
  await db('channels').where({ id }).del();
}

export async function setFavorite(db: Knex, channelId: number, userId: number, favorite: boolean): Promise<void> {
  await db('channel_members').where({ channel_id: channelId, user_id: userId }).update({ favorite });
}

/** The direct channel of a pair of users (`<smaller id>:<larger id>`). */
export async function findDirectChannel(db: Knex, directKey: string): Promise<ChannelRow | undefined> {
  return db<ChannelRow>('channels').where({ direct_key: directKey }).first();
}

/** Creates the direct channel of a pair unless a concurrent call already did; answers the one stored. */
export async function insertDirectChannel(db: Knex, pair: [number, number], createdBy: number): Promise<ChannelRow> {
  const [a, b] = pair;
  const key = `${a}:${b}`;
  await db('channels')
    .insert({
      kind: 'direct',
      name: 'Message direct',
      slug: `dm-${a}-${b}`,
      direct_key: key,
      announce: false,
      last_seq: 0,
      created_by: createdBy,
      created_at: new Date(),
    })
    .onConflict('direct_key')
    .ignore();
  return (await findDirectChannel(db, key))!;
}

/** Every thematic channel, archived ones included, with the viewer's membership; by name. */
export async function thematicChannelsFor(db: Knex, viewerId: number): Promise<ChannelWithMembership[]> {
  return db('channels as c')
    .leftJoin('channel_members as m', (j) => j.on('m.channel_id', 'c.id').andOn('m.user_id', db.raw('?', [viewerId])))
    .where('c.kind', 'thematic')
    .select('c.*', 'm.user_id as m_user_id', 'm.last_read_seq', 'm.favorite')
    .orderBy('c.name');
}

/** Member count of every thematic channel. */
export async function thematicMemberCounts(db: Knex): Promise<Map<number, number>> {
  const rows = (await db('channel_members as cm')
    .join('channels as c', 'c.id', 'cm.channel_id')
    .where('c.kind', 'thematic')
    .groupBy('cm.channel_id')
    .select('cm.channel_id')
    .count({ n: '*' })) as { channel_id: number; n: number | string }[];
  return new Map(rows.map((r) => [Number(r.channel_id), Number(r.n)]));
}

/** Members of a channel other than `exceptUserId` with these usernames (all of them when `usernames` is null). */
export async function memberIdsNamed(db: Knex, channelId: number, exceptUserId: number, usernames: string[] | null): Promise<number[]> {
  const q = db('channel_members as m')
    .join('users as u', 'u.id', 'm.user_id')
    .where('m.channel_id', channelId)
    .whereNot('m.user_id', exceptUserId);
  if (usernames) q.whereIn('u.username', usernames);
  return (await q.select('u.id')).map((r: { id: number }) => r.id);
}

/** Of these users, those whose read marker in the channel is at `seq` or beyond. */
export async function readersUpTo(db: Knex, channelId: number, userIds: number[], seq: number): Promise<number[]> {
  return db('channel_members')
    .where({ channel_id: channelId })
    .whereIn('user_id', userIds)
    .where('last_read_seq', '>=', seq)
    .pluck('user_id');
}

/** Puts a read marker at `seq`, backwards too ("mark as unread"). */
export async function setReadMarker(db: Knex, channelId: number, userId: number, seq: number): Promise<void> {
  await db('channel_members')
    .where({ channel_id: channelId, user_id: userId })
    .update({ last_read_seq: Math.max(0, seq) });
}
