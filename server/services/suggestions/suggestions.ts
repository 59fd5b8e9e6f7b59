/**
 * « Suggestions »: every full member proposes improvements and votes them up
 * (one vote each, taken back at will) while they are open or planned; admins
 * mark them planned, done or declined with a reason, and the author is told
 * in the app. The author deletes their own while it is open; admins delete any.
 */
import type { Knex } from 'knex';
import { forbidden, notFound, ruleViolated } from '../../errors';
import { isAdmin } from '../../access/roles';
import {
  countByStatus,
  deleteSuggestion,
  findSuggestion,
  insertSuggestion,
  listSuggestions,
  setStatus,
  setVote,
  votedBy,
  type SuggestionStatus,
  type SuggestionWithPeople,
} from '../../db/suggestions';
import type { NotificationRow } from '../../db/notifications';
import type { UserRow } from '../../db/users';
import { iso } from '../../presenters/time';
import { presentAuthor } from '../../presenters/users';
import type { Suggestion, SuggestionPage, SuggestionVoteAnswer } from '../../protocol/suggestions';
import { notify } from '../notifications/notifications';

const votable = (s: SuggestionStatus) => s === 'open' || s === 'planned';

function present(r: SuggestionWithPeople, actor: UserRow, mine: boolean): Suggestion {
  return {
    id: r.id,
    title: r.title,
    body: r.body,
    author: presentAuthor({ id: r.author_id, username: r.a_username, first_name: r.a_first_name, last_name: r.a_last_name }),
    status: r.status,
    statusReason: r.status_reason,
    statusAt: iso(r.status_at),
    statusBy:
      r.status_by && r.d_username
        ? presentAuthor({ id: r.status_by, username: r.d_username, first_name: r.d_first_name ?? '', last_name: r.d_last_name ?? '' })
        : null,
    voteCount: Number(r.vote_count),
    myVote: mine,
    votable: votable(r.status),
    canDelete: isAdmin(actor) || (r.author_id === actor.id && r.status === 'open'),
    createdAt: iso(r.created_at),
  };
}

async function load(db: Knex, id: number): Promise<SuggestionWithPeople> {
  const row = await findSuggestion(db, id);
  if (!row) throw notFound('Suggestion');
  return row;
}

/** GET /api/suggestions: one page, with the counts per status. */
export async function listForViewer(
  db: Knex,
  actor: UserRow,
  f: { sort: 'votes' | 'date'; status: SuggestionStatus | 'all'; q?: string; cursor?: number; limit: number },
): Promise<SuggestionPage> {
  const offset = f.cursor ?? 0;
  const rows = await listSuggestions(db, { ...f, offset, limit: f.limit + 1 });
  const page = rows.slice(0, f.limit);
  const mine = await votedBy(
    db,
    actor.id,
    page.map((r) => r.id),
  );
  return {
    items: page.map((r) => present(r, actor, mine.has(r.id))),
    nextCursor: rows.length > f.limit ? offset + f.limit : null,
    counts: await countByStatus(db),
    canDecide: isAdmin(actor),
  };
}

/** GET /api/suggestions/:id. */
export async function getSuggestion(db: Knex, actor: UserRow, id: number): Promise<Suggestion> {
  const row = await load(db, id);
  return present(row, actor, (await votedBy(db, actor.id, [id])).has(id));
}

/** POST /api/suggestions. */
export async function propose(db: Knex, actor: UserRow, input: { title: string; body: string }): Promise<Suggestion> {
  const id = await insertSuggestion(db, actor.id, input.title, input.body);
  return getSuggestion(db, actor, id);
}

/** PUT (on) / DELETE (off) /api/suggestions/:id/vote. */
export async function voteSuggestion(db: Knex, actor: UserRow, id: number, on: boolean): Promise<SuggestionVoteAnswer> {
  const row = await load(db, id);
  if (!votable(row.status))
    throw ruleViolated('suggestion_closed', 'Cette suggestion est close (réalisée ou écartée) : les votes ne sont plus possibles.');
  const voteCount = await db.transaction((trx) => setVote(trx, id, actor.id, on));
  return { id, voteCount, myVote: on };
}

/** POST /api/suggestions/:id/status: admins decide; the author is notified (unless they decided themselves). */
export async function decide(
  db: Knex,
  actor: UserRow,
  id: number,
  input: { status: SuggestionStatus; reason: string | null },
): Promise<{ suggestion: Suggestion; notifications: NotificationRow[] }> {
  if (!isAdmin(actor)) throw forbidden('Seuls les administrateurs du réseau changent le statut d’une suggestion.');
  const row = await load(db, id);
  const notifications = await db.transaction(async (trx) => {
    await setStatus(trx, id, input.status, input.reason, actor.id);
    if (row.author_id === actor.id) return [];
    return [
      await notify(trx, row.author_id, 'suggestion_status', {
        suggestionId: id,
        title: row.title,
        status: input.status,
        reason: input.reason,
        decidedBy: presentAuthor(actor),
      }),
    ];
  });
  return { suggestion: await getSuggestion(db, actor, id), notifications };
}

/** DELETE /api/suggestions/:id. */
export async function removeSuggestion(db: Knex, actor: UserRow, id: number): Promise<void> {
  const row = await load(db, id);
  if (!isAdmin(actor) && row.author_id !== actor.id) throw forbidden('Seuls son auteur et les administrateurs suppriment une suggestion.');
  if (!isAdmin(actor) && row.status !== 'open')
    throw ruleViolated('suggestion_closed', 'Une suggestion déjà examinée ne se supprime plus : elle garde la réponse apportée.');
  await deleteSuggestion(db, id);
}
