import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { voteSchema } from '../../protocol/polls';
import { requireFullMember, requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';
import { closePoll, getPoll, vote, withdrawVote } from '../../services/polls/polls';
import { pollResultsCsv } from '../../services/polls/export';
import type { GroupBroadcasts } from '../../realtime/broadcasts/groups';

/**
 * Polls (posts of kind `poll`; `:id` is the post's id): my view, my vote,
 * closing, the results as CSV. After each vote or closing the post's audience
 * gets `poll:updated` (counts only once closed; clients that may see the
 * results read them again with GET).
 */
export function pollRoutes(deps: Deps, live: GroupBroadcasts): Router<AppState> {
  const router = new Router<AppState>();
  const db = deps.db;
  const guard = [requireUser(), requireFullMember];
  const id = (v: string | undefined) => parseInput(fields.id, v);

  router.get('/api/polls/:id', ...guard, async (ctx) => {
    ctx.body = await getPoll(db, currentUser(ctx), id(ctx.params.id));
  });

  router.put('/api/polls/:id/vote', ...guard, async (ctx) => {
    const postId = id(ctx.params.id);
    const { optionIds } = parseInput(voteSchema, ctx.request.body);
    const { poll, update, audience } = await vote(db, currentUser(ctx), postId, optionIds);
    live.toAudience(audience, 'poll:updated', update);
    ctx.body = poll;
  });

  router.delete('/api/polls/:id/vote', ...guard, async (ctx) => {
    const { poll, update, audience } = await withdrawVote(db, currentUser(ctx), id(ctx.params.id));
    live.toAudience(audience, 'poll:updated', update);
    ctx.body = poll;
  });

  router.post('/api/polls/:id/close', ...guard, async (ctx) => {
    const { poll, update, audience } = await closePoll(db, currentUser(ctx), id(ctx.params.id));
    live.toAudience(audience, 'poll:updated', update);
    ctx.body = poll;
  });

  router.get('/api/polls/:id/results.csv', ...guard, async (ctx) => {
    const csv = await pollResultsCsv(db, currentUser(ctx), id(ctx.params.id));
    ctx.type = 'text/csv; charset=utf-8';
    ctx.set('Content-Disposition', `attachment; filename="${csv.filename}"`);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Cache-Control', 'private, no-cache');
    ctx.body = csv.body;
  });

  return router;
}
