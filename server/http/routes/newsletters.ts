import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { newsletterBody, newsletterContentQuery } from '../../protocol/newsletters';
import { accessIssue, accessIssueAsComposer, canComposeNewsletters } from '../../access/newsletters';
import {
  createNewsletter,
  deleteNewsletter,
  listNewsletters,
  presentIssue,
  previewNewsletter,
  retryFailedDeliveries,
  sendNewsletter,
  sendTestNewsletter,
  updateNewsletter,
} from '../../services/newsletters/issues';
import { contentCandidates } from '../../services/newsletters/contents';
import { newsletterRunner } from '../../services/newsletters/runner';
import { requireAccess, requireFullMember, requireUser } from '../middleware/auth';
import { currentUser, type AppContext, type AppState } from '../context';

/** Newsletters: the archive (full members), composing and sending (animators and admins; a draft is `not_found` to others). */
export function newsletterRoutes(deps: Deps): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api' });
  const member = [requireUser(), requireFullMember] as const;
  const composer = [requireUser(), requireAccess(canComposeNewsletters)] as const;
  const issueId = (ctx: AppContext) => parseInput(fields.id, ctx.params.id);
  const asComposer = (ctx: AppContext) => accessIssueAsComposer(deps.db, currentUser(ctx), issueId(ctx));

  router.get('/newsletters', ...member, async (ctx) => {
    ctx.body = await listNewsletters(deps.db, currentUser(ctx));
  });

  router.post('/newsletters', ...composer, async (ctx) => {
    const input = parseInput(newsletterBody, ctx.request.body);
    const id = await createNewsletter(deps.db, currentUser(ctx), input);
    ctx.status = 201;
    ctx.body = await presentIssue(deps.db, currentUser(ctx), (await accessIssue(deps.db, currentUser(ctx), id))!);
  });

  router.get('/newsletter-contents', ...composer, async (ctx) => {
    const { q } = parseInput(newsletterContentQuery, ctx.query);
    ctx.body = { items: await contentCandidates(deps.db, q || undefined) };
  });

  router.get('/newsletters/:id', ...member, async (ctx) => {
    const issue = await accessIssue(deps.db, currentUser(ctx), issueId(ctx));
    ctx.body = await presentIssue(deps.db, currentUser(ctx), issue);
  });

  router.put('/newsletters/:id', ...member, async (ctx) => {
    const issue = await asComposer(ctx);
    await updateNewsletter(deps.db, issue, parseInput(newsletterBody, ctx.request.body));
    ctx.body = await presentIssue(deps.db, currentUser(ctx), (await asComposer(ctx))!);
  });

  router.delete('/newsletters/:id', ...member, async (ctx) => {
    await deleteNewsletter(deps.db, await asComposer(ctx));
    ctx.status = 204;
  });

  router.get('/newsletters/:id/preview', ...member, async (ctx) => {
    const { headers: _headers, ...preview } = await previewNewsletter(deps, currentUser(ctx), await asComposer(ctx));
    ctx.body = preview;
  });

  router.post('/newsletters/:id/test', ...member, async (ctx) => {
    ctx.body = await sendTestNewsletter(deps, currentUser(ctx), await asComposer(ctx));
  });

  router.post('/newsletters/:id/send', ...member, async (ctx) => {
    const issue = await asComposer(ctx);
    await sendNewsletter(deps.db, issue);
    // Delivery runs in this process now; the periodic job resumes it after a restart.
    newsletterRunner(deps).kick();
    ctx.status = 202;
    ctx.body = await presentIssue(deps.db, currentUser(ctx), (await asComposer(ctx))!);
  });

  router.post('/newsletters/:id/retry', ...member, async (ctx) => {
    await retryFailedDeliveries(deps.db, await asComposer(ctx));
    newsletterRunner(deps).kick();
    ctx.status = 202;
    ctx.body = await presentIssue(deps.db, currentUser(ctx), (await asComposer(ctx))!);
  });

  return router;
}
