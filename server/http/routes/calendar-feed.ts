import Router from '@koa/router';
import type { Deps } from '../../deps';
import { notFound } from '../../errors';
import { requireFullMember, requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';
import { createFeed, feedCalendar, feedStatus, revokeFeed } from '../../services/agenda/exports';

/**
 * My private iCal feed: made (or replaced) and revoked while signed in; read
 * by calendar applications with no session, through its secret address.
 */
export function calendarFeedRoutes(deps: Deps): Router<AppState> {
  const router = new Router<AppState>();
  const auth = [requireUser(), requireFullMember] as const;

  router.get('/api/me/calendar-feed', ...auth, async (ctx) => {
    ctx.body = await feedStatus(deps.db, currentUser(ctx).id);
  });

  router.post('/api/me/calendar-feed', ...auth, async (ctx) => {
    ctx.status = 201;
    ctx.body = { active: true, ...(await createFeed(deps.db, currentUser(ctx).id, deps.config.publicUrl)) };
  });

  router.delete('/api/me/calendar-feed', ...auth, async (ctx) => {
    await revokeFeed(deps.db, currentUser(ctx).id);
    ctx.status = 204;
  });

  // The token is the only credential here: a malformed one is not even looked up.
  router.get('/api/ical/:file', async (ctx) => {
    const token = /^([A-Za-z0-9_-]{20,100})(\.ics)?$/.exec(String(ctx.params.file))?.[1];
    if (!token) throw notFound('Agenda');
    ctx.type = 'text/calendar; charset=utf-8';
    ctx.set('Content-Disposition', 'inline; filename="maillage.ics"');
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Cache-Control', 'private, max-age=300');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.body = await feedCalendar(deps.db, token, deps.config.publicUrl);
  });

  return router;
}
