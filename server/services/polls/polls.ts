/**
 * Polls: voting (one ballot per member, changeable until closing), closing,
 * and each viewer's view of the results. Who sees results: the author and the
 * group's managers at any time; everyone once the poll is closed; before
 * that, with `after_vote`, a member once they have voted (`after_close`:
 * nobody else). An anonymous poll never names a voter in any answer, event or
 * export: its ballots are stored under an HMAC of the user id, not the id.
 */
import crypto from 'node:crypto';
import type { Knex } from 'knex';
import { forbidden, invalidPayload, ruleViolated } from '../../errors';
import { accessPoll, type PollAccess } from '../../access/polls';
import {
  choicesOf,
  closePollRow,
  deleteBallot,
  findPoll,
  insertPoll,
  lockPoll,
  namedChoices,
  optionsOf,
  saveBallot,
  tally,
  type PollRow,
} from '../../db/polls';
import { audienceOf } from '../../db/posts';
import type { UserRow } from '../../db/users';
import { iso, ms } from '../../presenters/time';
import { presentAuthor } from '../../presenters/users';
import type { Poll, PollUpdate } from '../../protocol/polls';
import type { z } from 'zod';
import type { newPollSchema } from '../../protocol/polls';

/** The `poll` block of a new post, parsed. */
export type PollInput = z.output<typeof newPollSchema>;

const yes = (v: boolean | number) => !!v;

/** Stores the poll of a post just inserted (inside the post's transaction). */
export async function createPollFor(trx: Knex, postId: number, input: PollInput): Promise<void> {
  if (input.closesAt && input.closesAt.getTime() <= Date.now())
    throw invalidPayload('Date de clôture : elle doit être dans le futur.', {
      fields: { 'poll.closesAt': 'La date de clôture doit être dans le futur.' },
    });
  await insertPoll(
    trx,
    {
      post_id: postId,
      multiple: input.multiple,
      anonymous: input.anonymous,
      results_visibility: input.resultsVisibility,
      closes_at: input.closesAt,
      voter_salt: crypto.randomBytes(32).toString('hex'),
    },
    input.options,
  );
}

/** The key of a member's ballot: their id for a named poll, an HMAC of it (keyed by the poll's salt) for an anonymous one. */
export function voterKey(poll: PollRow, userId: number): string {
  if (!yes(poll.anonymous)) return `u:${userId}`;
  return `h:${crypto.createHmac('sha256', poll.voter_salt).update(String(userId)).digest('hex')}`;
}

/** Closed by hand, or past its end date. */
export const isClosed = (poll: PollRow, now = Date.now()): boolean =>
  poll.closed_at !== null || (poll.closes_at !== null && (ms(poll.closes_at) ?? Infinity) <= now);

/** The poll as `actor` sees it. */
export async function presentPollFor(db: Knex, actor: UserRow, a: PollAccess): Promise<Poll> {
  const { poll, post } = a;
  const [options, counts, mine] = await Promise.all([
    optionsOf(db, poll.post_id),
    tally(db, poll.post_id),
    choicesOf(db, poll.post_id, voterKey(poll, actor.id)),
  ]);
  const closed = isClosed(poll);
  const visible = closed || a.canManage || (poll.results_visibility === 'after_vote' && mine.length > 0);
  // Names only for a named poll, and only to who sees the results.
  const named = visible && !yes(poll.anonymous) ? await namedChoices(db, poll.post_id) : [];
  return {
    postId: poll.post_id,
    groupId: post.group_id,
    question: post.title,
    multiple: yes(poll.multiple),
    anonymous: yes(poll.anonymous),
    resultsVisibility: poll.results_visibility,
    closesAt: iso(poll.closes_at),
    closedAt: iso(poll.closed_at),
    closed,
    options: options.map((o) => ({
      id: o.id,
      label: o.label,
      votes: visible ? (counts.perOption.get(o.id) ?? 0) : null,
      ...(visible && !yes(poll.anonymous) ? { voters: named.filter((n) => n.option_id === o.id).map(presentAuthor) } : {}),
    })),
    voterCount: counts.voters,
    myChoices: mine,
    resultsVisible: visible,
    canVote: !closed,
    canManage: a.canManage,
  };
}

/** What the post's audience is told after a vote or a closing: counts only once closed (then they are everyone's). */
async function updateFor(db: Knex, postId: number, groupId: number): Promise<PollUpdate> {
  const poll = (await findPoll(db, postId))!;
  const counts = await tally(db, postId);
  const closed = isClosed(poll);
  const results = closed ? (await optionsOf(db, postId)).map((o) => ({ optionId: o.id, votes: counts.perOption.get(o.id) ?? 0 })) : null;
  return { postId, groupId, voterCount: counts.voters, closed, closedAt: iso(poll.closed_at), results };
}

/** GET /api/polls/:id. */
export async function getPoll(db: Knex, actor: UserRow, postId: number): Promise<Poll> {
  return presentPollFor(db, actor, await accessPoll(db, actor, postId));
}

/** PUT /api/polls/:id/vote: sets (or replaces) my ballot while the poll is open. */
export async function vote(db: Knex, actor: UserRow, postId: number, optionIds: number[]) {
  const a = await accessPoll(db, actor, postId);
  const chosen = [...new Set(optionIds)];
  const options = await optionsOf(db, postId);
  if (chosen.some((id) => !options.some((o) => o.id === id)))
    throw ruleViolated('invalid_choice', 'Une des options choisies n’appartient pas à ce sondage.');
  if (!yes(a.poll.multiple) && chosen.length !== 1) throw ruleViolated('invalid_choice', 'Ce sondage n’accepte qu’une seule réponse.');
  await db.transaction(async (trx) => {
    // Locked: a vote and a closing of the same poll never interleave, and one member's concurrent votes leave one ballot.
    const poll = (await lockPoll(trx, postId))!;
    if (isClosed(poll)) throw ruleViolated('poll_closed', 'Ce sondage est clos : les votes ne sont plus possibles.');
    await saveBallot(trx, { postId, voterKey: voterKey(poll, actor.id), userId: yes(poll.anonymous) ? null : actor.id, optionIds: chosen });
  });
  return answer(db, actor, postId, a.post.group_id);
}

/** DELETE /api/polls/:id/vote: withdraws my ballot while the poll is open. */
export async function withdrawVote(db: Knex, actor: UserRow, postId: number) {
  const a = await accessPoll(db, actor, postId);
  await db.transaction(async (trx) => {
    const poll = (await lockPoll(trx, postId))!;
    if (isClosed(poll)) throw ruleViolated('poll_closed', 'Ce sondage est clos : les votes ne sont plus modifiables.');
    await deleteBallot(trx, postId, voterKey(poll, actor.id));
  });
  return answer(db, actor, postId, a.post.group_id);
}

/** POST /api/polls/:id/close: the author or a manager of the group ends it now (again: no change). */
export async function closePoll(db: Knex, actor: UserRow, postId: number) {
  const a = await accessPoll(db, actor, postId);
  if (!a.canManage) throw forbidden('Seuls l’auteur du sondage et les responsables du groupe peuvent le clore.');
  await db.transaction(async (trx) => {
    await lockPoll(trx, postId);
    await closePollRow(trx, postId, actor.id);
  });
  return answer(db, actor, postId, a.post.group_id);
}

async function answer(db: Knex, actor: UserRow, postId: number, groupId: number) {
  const poll = await presentPollFor(db, actor, await accessPoll(db, actor, postId));
  return { poll, update: await updateFor(db, postId, groupId), audience: await audienceOf(db, postId) };
}
