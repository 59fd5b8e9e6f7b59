import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { faqChangeSchema, faqEntrySchema, faqIdSchema, faqQuerySchema, type FaqList } from '../../protocol/help';
import { requireAccess, requireUser } from '../middleware/auth';
import { canEditFaq } from '../../access/help';
import { currentUser, type AppState } from '../context';
import { changeFaqEntry, createFaqEntry, listFaq, removeFaqEntry } from '../../services/help/faq';
import { presentFaqEntry } from '../../presenters/help';

/** The help centre's FAQ: anyone reads it (signed out too: /aide is public), admins edit it. */
export function helpRoutes(deps: Deps): Router<AppState> {
  const { db } = deps;
  const router = new Router<AppState>({ prefix: '/api/help' });

  router.get('/faq', async (ctx) => {
    const query = parseInput(faqQuerySchema, ctx.query);
    const body: FaqList = { items: (await listFaq(db, query)).map(presentFaqEntry) };
    ctx.body = body;
  });

  router.post('/faq', requireUser(), requireAccess(canEditFaq), async (ctx) => {
    const input = parseInput(faqEntrySchema, ctx.request.body);
    ctx.status = 201;
    ctx.body = presentFaqEntry(await createFaqEntry(db, currentUser(ctx), input));
  });

  router.patch('/faq/:id', requireUser(), requireAccess(canEditFaq), async (ctx) => {
    const id = parseInput(faqIdSchema, ctx.params.id);
    const changes = parseInput(faqChangeSchema, ctx.request.body);
    ctx.body = presentFaqEntry(await changeFaqEntry(db, currentUser(ctx), id, changes));
  });

  router.delete('/faq/:id', requireUser(), requireAccess(canEditFaq), async (ctx) => {
    const id = parseInput(faqIdSchema, ctx.params.id);
    await removeFaqEntry(db, currentUser(ctx), id);
    ctx.status = 204;
  });

  return router;
}
