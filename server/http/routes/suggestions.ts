import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { newSuggestionSchema, suggestionListQuerySchema, suggestionStatusSchema } from '../../protocol/suggestions';
import { requireFullMember, requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';
import type { Broadcasts } from '../../realtime/broadcasts';
import { decide, getSuggestion, listForViewer, propose, removeSuggestion, voteSuggestion } from '../../services/suggestions/suggestions';

/** « Suggestions »: list, propose, vote up (PUT) or take back (DELETE), decide a status (admins), delete. */
export function suggestionRoutes(deps: Deps, broadcasts: Broadcasts): Router<AppState> {
  const router = new Router<AppState>();
  const db = deps.db;
  const guard = [requireUser(), requireFullMember];
  const id = (v: string | undefined) => parseInput(fields.id, v);

  router.get('/api/suggestions', ...guard, async (ctx) => {
    ctx.body = await listForViewer(db, currentUser(ctx), parseInput(suggestionListQuerySchema, ctx.query));
  });

  router.post('/api/suggestions', ...guard, async (ctx) => {
    ctx.status = 201;
    ctx.body = await propose(db, currentUser(ctx), parseInput(newSuggestionSchema, ctx.request.body));
  });

  router.get('/api/suggestions/:id', ...guard, async (ctx) => {
    ctx.body = await getSuggestion(db, currentUser(ctx), id(ctx.params.id));
  });

  router.put('/api/suggestions/:id/vote', ...guard, async (ctx) => {
    ctx.body = await voteSuggestion(db, currentUser(ctx), id(ctx.params.id), true);
  });

  router.delete('/api/suggestions/:id/vote', ...guard, async (ctx) => {
    ctx.body = await voteSuggestion(db, currentUser(ctx), id(ctx.params.id), false);
  });

  router.post('/api/suggestions/:id/status', ...guard, async (ctx) => {
    const suggestionId = id(ctx.params.id);
    const input = parseInput(suggestionStatusSchema, ctx.request.body);
    const { suggestion, notifications } = await decide(db, currentUser(ctx), suggestionId, input);
    broadcasts.notifications.pushed(notifications);
    ctx.body = suggestion;
  });

  router.delete('/api/suggestions/:id', ...guard, async (ctx) => {
    await removeSuggestion(db, currentUser(ctx), id(ctx.params.id));
    ctx.status = 204;
  });

  return router;
}
