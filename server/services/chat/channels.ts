import type { Knex } from 'knex';
import { AppError, forbidden, notFound, ruleViolated } from '../../errors';
import {
  addMember,
  advanceReadMarker,
  findChannel,
  findChannelBySlug,
  findDirectChannel,
  findMembership,
  insertChannel,
  insertChannelsIfMissing,
  insertDirectChannel,
  listVisibleChannels,
  mentionCounts,
  removeMember,
  setFavorite as setFavoriteRow,
  thematicChannelsFor,
  thematicMemberCounts,
  updateChannel,
  type ChannelRow,
} from '../../db/channels';
import { listDepartments } from '../../db/departments';
import { findUserById, type UserRow } from '../../db/users';
import { presentChannel, type PresentedChannel } from '../../presenters/channels';
import { displayName } from '../../presenters/users';
import { areContacts } from '../../db/contacts';
import { accessChannel, accessJoinableChannel, canJoinOpenChannels, canWriteDirectly, rightsInChannels } from '../../access/channels';
import { isHotlineStaff } from '../../access/roles';
import { syncAutoChannels } from './auto-memberships';
import { joinGroupChannel, leaveGroupChannel } from '../groups/membership';
import { freeSlug, slugify } from '../../slug';
import { assertChannelNameFree } from './channel-names';

export const THEMATIC_DEFAULTS = [
  { slug: 'theme-education', name: 'Éducation', description: 'Numérique éducatif, parentalité numérique, accompagnement scolaire.' },
  {
    slug: 'theme-insertion',
    name: 'Insertion professionnelle',
    description: "Recherche d'emploi en ligne, France Travail, compétences numériques.",
  },
  {
    slug: 'theme-demarches',
    name: 'Démarches en ligne',
    description: 'Impôts, CAF, ANTS, santé : accompagner les démarches administratives.',
  },
  { slug: 'theme-veille', name: 'Veille numérique', description: 'Outils, actualités et ressources à partager.' },
  { slug: 'theme-inclusion', name: 'Inclusion numérique', description: 'Publics éloignés du numérique, accessibilité, médiation.' },
];

/** Creates the national, announcement, départemental and default thematic channels if missing (idempotent). */
export async function provisionChannels(db: Knex): Promise<void> {
  const rows: Partial<ChannelRow>[] = [
    { kind: 'national', name: 'Général', slug: 'general', description: 'Le salon de tout le réseau.', announce: false },
    { kind: 'national', name: 'Annonces', slug: 'annonces', description: 'Les annonces des animateurs du réseau.', announce: true },
    ...THEMATIC_DEFAULTS.map((t) => ({ kind: 'thematic' as const, ...t, announce: false })),
  ];
  for (const d of await listDepartments(db)) {
    rows.push({
      kind: 'departmental',
      name: `${d.code} — ${d.name}`,
      slug: `dep-${d.code.toLowerCase()}`,
      department_code: d.code,
      announce: false,
    });
  }
  await insertChannelsIfMissing(db, rows);
}

/**
 * Puts the user in their automatic channels (national, Annonces, their département) and takes them out of
 * the national and départemental ones that no longer fit. Returns what moved, so the caller can move
 * sockets and tell the client (auto-memberships.ts).
 */
export async function syncAutoMemberships(db: Knex, user: UserRow): Promise<{ added: ChannelRow[]; removed: ChannelRow[] }> {
  const { added, removed } = await syncAutoChannels(db, user);
  return { added, removed };
}

async function peerOf(db: Knex, channel: ChannelRow, viewerId: number) {
  if (channel.kind !== 'direct' || !channel.direct_key) return null;
  const otherId =
    channel.direct_key
      .split(':')
      .map(Number)
      .find((id) => id !== viewerId) ?? viewerId;
  const other = await findUserById(db, otherId);
  return other ? { id: other.id, username: other.username, displayName: displayName(other) } : null;
}

/** One channel as a viewer sees it (for acks and `channel:added`). */
export async function channelView(db: Knex, user: UserRow, channel: ChannelRow): Promise<PresentedChannel> {
  const m = await findMembership(db, channel.id, user.id);
  const mentions = m ? ((await mentionCounts(db, user.id, channel.id)).get(channel.id) ?? 0) : 0;
  const rights = await rightsInChannels(db, user);
  return presentChannel(channel, {
    rights: rights(channel),
    joined: !!m,
    favorite: !!m?.favorite,
    lastReadSeq: m?.last_read_seq ?? 0,
    mentions,
    peer: await peerOf(db, channel, user.id),
  });
}

/** GET /api/channels: my channels and the thematic ones I may join. */
export async function listMyChannels(db: Knex, user: UserRow): Promise<PresentedChannel[]> {
  const [rows, mentions, rights] = await Promise.all([
    listVisibleChannels(db, user.id),
    mentionCounts(db, user.id),
    rightsInChannels(db, user),
  ]);
  const out: PresentedChannel[] = [];
  for (const c of rows) {
    if (c.archived_at && !c.m_user_id) continue;
    out.push(
      presentChannel(c, {
        joined: !!c.m_user_id,
        favorite: !!c.favorite,
        lastReadSeq: c.last_read_seq ?? 0,
        mentions: mentions.get(c.id) ?? 0,
        peer: await peerOf(db, c, user.id),
        rights: rights(c),
      }),
    );
  }
  return out;
}

/** Joins a thematic channel; the read marker starts at the present (no flood of old unread). */
export async function joinChannel(db: Knex, user: UserRow, channelId: number): Promise<{ channel: ChannelRow; added: boolean }> {
  // A group's channel follows the group: joining it joins a public group (services/groups/membership.ts).
  const found = await findChannel(db, channelId);
  if (found?.kind === 'group' && found.group_id) return joinGroupChannel(db, user, found);
  const channel = await accessJoinableChannel(db, user, channelId);
  // Hotline staff take their place in a ticket's channel they were not in yet (an old ticket, a new agent).
  if (channel.kind === 'hotline' && isHotlineStaff(user)) return { channel, added: await addMember(db, channel.id, user.id) };
  if (channel.kind !== 'thematic') {
    if (await findMembership(db, channelId, user.id)) return { channel, added: false };
    throw notFound('Salon');
  }
  if (channel.archived_at) throw ruleViolated('channel_archived', 'Ce salon est archivé.');
  if (!canJoinOpenChannels(user)) throw forbidden('Votre compte donne accès à la messagerie uniquement sur invitation.');
  return { channel, added: await addMember(db, channel.id, user.id, Number(channel.last_seq)) };
}

/** Leaves a thematic channel (the automatic ones cannot be left). */
export async function leaveChannel(db: Knex, user: UserRow, channelId: number): Promise<{ channel: ChannelRow; removed: boolean }> {
  const { channel } = await accessChannel(db, user, channelId);
  if (channel.kind === 'group' && channel.group_id) return leaveGroupChannel(db, user, channel);
  if (channel.kind !== 'thematic') {
    throw ruleViolated('cannot_leave', 'On ne peut pas quitter ce salon : il suit votre profil ou votre groupe.');
  }
  return { channel, removed: await removeMember(db, channel.id, user.id) };
}

export async function setFavorite(db: Knex, user: UserRow, channelId: number, favorite: boolean): Promise<void> {
  await accessChannel(db, user, channelId);
  await setFavoriteRow(db, channelId, user.id, favorite);
}

/** Moves my read marker forward (never backwards, never past the last message). */
export async function markRead(
  db: Knex,
  user: UserRow,
  channelId: number,
  seq: number,
): Promise<{ channel: ChannelRow; lastReadSeq: number; mentions: number }> {
  const { channel } = await accessChannel(db, user, channelId);
  const lastReadSeq = await advanceReadMarker(db, channelId, user.id, Math.min(seq, Number(channel.last_seq)));
  const mentions = (await mentionCounts(db, user.id, channelId)).get(channelId) ?? 0;
  return { channel, lastReadSeq, mentions };
}

/**
 * Our direct channel, created on first use. Allowed between contacts, towards
 * animators, hotline staff and admins, and from them to anyone.
 */
export async function openDirect(
  db: Knex,
  actor: UserRow,
  otherId: number,
): Promise<{ channel: ChannelRow; created: boolean; other: UserRow }> {
  const other = await findUserById(db, otherId);
  if (!other || other.status !== 'active' || other.id === actor.id) throw notFound('Membre');
  if (!(await canWriteDirectly(actor, other, () => areContacts(db, actor.id, other.id))))
    throw new AppError('forbidden', 403, "Vous ne pouvez écrire directement qu'à vos contacts, aux animateurs et à la hotline.");
  const [a, b] = [actor.id, other.id].sort((x, y) => x - y) as [number, number];
  const existing = await findDirectChannel(db, `${a}:${b}`);
  if (existing) {
    await addMember(db, existing.id, actor.id);
    await addMember(db, existing.id, other.id);
    return { channel: existing, created: false, other };
  }
  const channel = await db.transaction(async (trx) => {
    const c = await insertDirectChannel(trx, [a, b], actor.id);
    await addMember(trx, c.id, a);
    await addMember(trx, c.id, b);
    return c;
  });
  return { channel, created: true, other };
}

/** Animators and admins create thematic channels. */
export async function createThematic(db: Knex, actor: UserRow, input: { name: string; description: string | null }): Promise<ChannelRow> {
  await assertChannelNameFree(db, input.name);
  const slug = await freeSlug(`theme-${slugify(input.name, 'salon')}`, (s) => findChannelBySlug(db, s));
  const channel = await insertChannel(db, {
    kind: 'thematic',
    name: input.name,
    slug,
    description: input.description,
    created_by: actor.id,
  });
  await addMember(db, channel.id, actor.id);
  return channel;
}

/** Every thematic channel, archived ones included, with its member count: what animators and admins manage. */
export async function listThematicForStaff(db: Knex, actor: UserRow): Promise<(PresentedChannel & { memberCount: number })[]> {
  const [rows, countOf] = await Promise.all([thematicChannelsFor(db, actor.id), thematicMemberCounts(db)]);
  const [mentions, rights] = await Promise.all([mentionCounts(db, actor.id), rightsInChannels(db, actor)]);
  return rows.map((c) => ({
    ...presentChannel(c, {
      joined: !!c.m_user_id,
      favorite: !!c.favorite,
      lastReadSeq: c.last_read_seq ?? 0,
      mentions: mentions.get(c.id) ?? 0,
      rights: rights(c),
    }),
    memberCount: countOf.get(c.id) ?? 0,
  }));
}

/** Rename, describe, archive or restore a thematic channel. */
export async function updateThematic(
  db: Knex,
  channelId: number,
  changes: { name?: string; description?: string | null; archived?: boolean },
): Promise<ChannelRow> {
  const channel = await findChannel(db, channelId);
  if (!channel || channel.kind !== 'thematic') throw notFound('Salon thématique');
  if (changes.name !== undefined) await assertChannelNameFree(db, changes.name, channel.id);
  const row: Partial<ChannelRow> = {};
  if (changes.name !== undefined) row.name = changes.name;
  if (changes.description !== undefined) row.description = changes.description;
  if (changes.archived !== undefined) row.archived_at = changes.archived ? (channel.archived_at ?? new Date()) : null;
  await updateChannel(db, channelId, row);
  return (await findChannel(db, channelId))!;
}
