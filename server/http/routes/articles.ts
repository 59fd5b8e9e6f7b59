import Router from '@koa/router';
import type { Deps } from '../../deps';
import type { Broadcasts } from '../../realtime/broadcasts';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { moderationQuery, articleBody, articleListQuery, moderationBody, recommendBody, sectorBody } from '../../protocol/publishing';
import { createArticle, editArticle, getArticleDraft, listMine, listPublished, readArticle } from '../../services/publishing/articles';
import { moderatedKind, moderationQueue } from '../../services/publishing/kinds';
import { recommendArticle } from '../../services/publishing/recommendations';
import { addSector, changeSector, sectors } from '../../services/publishing/sectors';
import { isModerator } from '../../access/publishing';
import { isAdmin } from '../../access/roles';
import { forbidden, notFound } from '../../errors';
import { requireAccess, requireFullMember, requireUser } from '../middleware/auth';
import { currentUser, type AppContext, type AppState } from '../context';

const filterOf = (q: { q?: string; department?: string; sector?: number; cursor?: number; limit: number }) => ({
  q: q.q,
  department: q.department,
  sector: q.sector,
  offset: q.cursor ?? 0,
  limit: q.limit,
});

/**
 * Editorial publishing: the public pages' data (no account), articles for
 * members, "Mes contenus", the moderators' queue, recommendations, sectors.
 */
export function articleRoutes(deps: Deps, broadcasts: Broadcasts): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api' });
  const auth = [requireUser(), requireFullMember] as const;
  const id = (ctx: AppContext) => parseInput(fields.id, ctx.params.id);

  router.get('/public/articles', async (ctx) => {
    ctx.body = await listPublished(deps, filterOf(parseInput(articleListQuery, ctx.query)), true);
  });

  router.get('/public/articles/:id', async (ctx) => {
    ctx.body = await readArticle(deps, null, id(ctx));
  });

  router.get('/sectors', async (ctx) => {
    ctx.body = { items: await sectors(deps) };
  });

  router.post('/admin/sectors', requireUser(), requireAccess(isAdmin), async (ctx) => {
    const { name } = parseInput(sectorBody, ctx.request.body);
    ctx.status = 201;
    ctx.body = await addSector(deps, name);
  });

  router.patch('/admin/sectors/:id', requireUser(), requireAccess(isAdmin), async (ctx) => {
    const sectorId = id(ctx);
    const { name } = parseInput(sectorBody, ctx.request.body);
    ctx.body = await changeSector(deps, sectorId, name);
  });

  router.get('/articles', ...auth, async (ctx) => {
    ctx.body = await listPublished(deps, filterOf(parseInput(articleListQuery, ctx.query)), false);
  });

  router.post('/articles', ...auth, async (ctx) => {
    const input = parseInput(articleBody, ctx.request.body);
    ctx.status = 201;
    ctx.body = await createArticle(deps, currentUser(ctx), input);
  });

  router.get('/articles/:id', ...auth, async (ctx) => {
    ctx.body = await readArticle(deps, currentUser(ctx), id(ctx));
  });

  router.get('/articles/:id/draft', ...auth, async (ctx) => {
    ctx.body = await getArticleDraft(deps, currentUser(ctx), id(ctx));
  });

  router.put('/articles/:id', ...auth, async (ctx) => {
    const articleId = id(ctx);
    const input = parseInput(articleBody, ctx.request.body);
    ctx.body = await editArticle(deps, currentUser(ctx), articleId, input);
  });

  router.post('/articles/:id/recommend', ...auth, async (ctx) => {
    const articleId = id(ctx);
    const { email, message } = parseInput(recommendBody, ctx.request.body);
    await recommendArticle(deps, currentUser(ctx), articleId, email, message);
    ctx.status = 202;
    ctx.body = { status: 'sent' };
  });

  router.get('/me/contents', ...auth, async (ctx) => {
    const q = parseInput(articleListQuery, ctx.query);
    ctx.body = await listMine(deps, currentUser(ctx), { ...filterOf(q), status: q.status });
  });

  router.get('/moderation', ...auth, async (ctx) => {
    const user = currentUser(ctx);
    if (!(await isModerator(deps.db, user))) throw forbidden('Seuls les modérateurs voient la file de modération.');
    ctx.body = { items: await moderationQueue(deps.db, user, parseInput(moderationQuery, ctx.query)) };
  });

  router.post('/moderation/:kind/:id', ...auth, async (ctx) => {
    const kind = moderatedKind(String(ctx.params.kind));
    if (!kind) throw notFound('Type de contenu');
    const itemId = id(ctx);
    const { decision, comment } = parseInput(moderationBody, ctx.request.body);
    const effects = await kind.decide(deps, currentUser(ctx), itemId, decision, comment);
    broadcasts.notifications.pushed(effects.notifications);
    ctx.body = { status: decision === 'publish' ? 'published' : decision === 'return' ? 'returned' : 'rejected' };
  });

  return router;
}
