/**
 * The kinds of content that go through moderation, registered by their own
 * domain (articles here; the resource library and agenda events can add
 * theirs): the queue lists every kind's submitted items, and a decision is
 * handed to the kind that owns the item. Nothing here knows a kind's tables.
 */
import type { Knex } from 'knex';
import type { Deps } from '../../deps';
import type { UserRow } from '../../db/users';
import type { NotificationRow } from '../../db/notifications';
import type { ModerationItem } from '../../protocol/publishing';

export type Decision = 'publish' | 'return' | 'reject';

/** What a decision did: the author's stored notifications, to push after the commit. */
export interface DecisionEffects {
  notifications: NotificationRow[];
}

/** One kind of moderated content. */
export interface ModeratedKind {
  /** The `:kind` of POST /api/moderation/:kind/:id (e.g. `article`). */
  kind: string;
  /** Submitted items `moderator` may decide on, oldest first. */
  queue(db: Knex, moderator: UserRow): Promise<ModerationItem[]>;
  /** Decides on one item (`not_found` if the moderator may not; `not_submitted` if it is no longer waiting). */
  decide(deps: Deps, moderator: UserRow, id: number, decision: Decision, comment: string): Promise<DecisionEffects>;
}

const kinds = new Map<string, ModeratedKind>();

/** Adds a kind (once per process; a second registration of the same kind replaces it). */
export function registerModeratedKind(k: ModeratedKind): void {
  kinds.set(k.kind, k);
}

export const moderatedKind = (kind: string): ModeratedKind | undefined => kinds.get(kind);

/**
 * Every kind's queue for this moderator, merged by submission date; the
 * filters keep the items of a kind, a département or a sector (an item whose
 * kind gives no categories matches no category filter).
 */
export async function moderationQueue(
  db: Knex,
  moderator: UserRow,
  f: { kind?: string; department?: string; sector?: number } = {},
): Promise<ModerationItem[]> {
  const lists = await Promise.all([...kinds.values()].filter((k) => !f.kind || k.kind === f.kind).map((k) => k.queue(db, moderator)));
  return lists
    .flat()
    .filter((i) => !f.department || (i.departmentCodes ?? []).includes(f.department))
    .filter((i) => !f.sector || (i.sectors ?? []).some((s) => s.id === f.sector))
    .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
}
