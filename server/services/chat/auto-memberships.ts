import type { Knex } from 'knex';
import { addMember, channelsBySlugs, findChannel, membershipKindsOf, removeMember, type ChannelRow } from '../../db/channels';
import type { UserRow } from '../../db/users';
import { canJoinOpenChannels } from '../../access/channels';

/**
 * The slug → id of the automatic channels, per database: these rows are reference data (created at
 * start-up, never deleted), and every connection needs them, so the morning login burst reads them once
 * rather than once per arrival (docs/performance.md, *login burst*).
 */
const autoIds = new WeakMap<Knex, Map<string, number>>();

/** The slugs of a user's automatic channels: national, Annonces, their département (chat-only accounts too). */
function autoSlugs(user: UserRow): string[] {
  if (!canJoinOpenChannels(user) || user.status !== 'active') return [];
  return ['general', 'annonces', `dep-${user.department_code.toLowerCase()}`];
}

/** The ids of a user's automatic channels (read from the database once per slug). */
async function autoChannelIds(db: Knex, user: UserRow): Promise<number[]> {
  const slugs = autoSlugs(user);
  let known = autoIds.get(db);
  if (!known) autoIds.set(db, (known = new Map()));
  const missing = slugs.filter((s) => !known.has(s));
  if (missing.length) for (const c of await channelsBySlugs(db, missing)) known.set(c.slug!, c.id);
  return slugs.flatMap((s) => (known.has(s) ? [known.get(s)!] : []));
}

/** What a sync moved, and every channel the user is in afterwards. */
export interface AutoSync {
  added: ChannelRow[];
  removed: ChannelRow[];
  channelIds: number[];
  /** The kinds of those channels. */
  kinds: Set<string>;
}

/**
 * Puts the user in their automatic channels and takes them out of the national and départemental ones
 * that no longer fit (a change of département, an account turned chat-only). In the usual case (nothing
 * moved) it reads the user's memberships once and writes nothing; the rows of what moved are read then.
 */
export async function syncAutoChannels(db: Knex, user: UserRow): Promise<AutoSync> {
  const [wanted, memberships] = await Promise.all([autoChannelIds(db, user), membershipKindsOf(db, user.id)]);
  const have = new Set(memberships.map((m) => m.channel_id));
  const wantedIds = new Set(wanted);
  const added: ChannelRow[] = [];
  for (const id of wanted) {
    if (have.has(id)) continue;
    const c = await findChannel(db, id);
    if (c && (await addMember(db, c.id, user.id, Number(c.last_seq)))) added.push(c);
  }
  const removed: ChannelRow[] = [];
  for (const m of memberships) {
    if ((m.kind !== 'national' && m.kind !== 'departmental') || wantedIds.has(m.channel_id)) continue;
    const c = await findChannel(db, m.channel_id);
    await removeMember(db, m.channel_id, user.id);
    if (c) removed.push(c);
  }
  const gone = new Set(removed.map((c) => c.id));
  const channelIds = [...memberships.map((m) => m.channel_id).filter((id) => !gone.has(id)), ...added.map((c) => c.id)];
  const kinds = new Set([...memberships.filter((m) => !gone.has(m.channel_id)).map((m) => m.kind), ...added.map((c) => c.kind)]);
  return { added, removed, channelIds, kinds };
}
