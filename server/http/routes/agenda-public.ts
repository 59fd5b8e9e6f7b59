import fs from 'node:fs';
import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { workshopSchemas as s } from '../../protocol/agenda-workshops';
import type { AppContext, AppState } from '../context';
import type { AgendaBroadcasts } from '../../realtime/broadcasts/agenda';
import { AttemptLimiter } from '../../security/attempt-limiter';
import { checkAntiRobot } from '../../security/anti-robot';
import { storedPath } from '../../files';
import { sendStoredFile } from '../download';
import { listPublicEvents, readPublicEvent } from '../../services/agenda/public-events';
import { cancelVisitor, registerVisitor, visitorRegistration } from '../../services/agenda/visitors';
import { eventFile, eventImage } from '../../services/agenda/event-media';

/**
 * Public events without an account: the list and one event (published public
 * events only; anything else answers 404), their image and files, a
 * visitor's registration (anti-robot check, rate-limited per address) and
 * their secret link (see, cancel).
 */
export function agendaPublicRoutes(deps: Deps, agenda: AgendaBroadcasts): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api/public' });
  const perIp = new AttemptLimiter(Math.max(1, deps.config.rateLimits.eventRegistrationPerIp), deps.config.rateLimits.windowSeconds);
  const id = (ctx: AppContext) => parseInput(fields.id, ctx.params.id);

  router.get('/events', async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { items: await listPublicEvents(deps.db, parseInput(s.publicList, ctx.query)), nextCursor: null };
  });

  router.get('/events/:id', async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await readPublicEvent(deps.db, id(ctx));
  });

  router.get('/events/:id/image', async (ctx) => {
    const image = await eventImage(deps, null, id(ctx));
    ctx.type = image.mime;
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
    ctx.set('Cache-Control', 'public, max-age=3600');
    ctx.body = fs.createReadStream(storedPath(deps.config.dataDir, image.sha256));
  });

  router.get('/events/:id/files/:fileId', async (ctx) => {
    const f = await eventFile(deps, null, id(ctx), parseInput(fields.id, ctx.params.fileId));
    await sendStoredFile(ctx, deps.config.dataDir, {
      sha256: f.sha256,
      mimeType: f.mime_type,
      filename: f.filename,
      disposition: 'attachment',
    });
  });

  router.post('/events/:id/registrations', async (ctx) => {
    await perIp.consume(ctx.ip);
    const eventId = id(ctx);
    const input = parseInput(s.publicRegister, ctx.request.body);
    await checkAntiRobot(deps, input.altcha);
    const { effects, status, position } = await registerVisitor(deps.db, eventId, input, deps.config.publicUrl);
    await agenda.apply(effects);
    ctx.status = status === 'registered' ? 201 : 202;
    ctx.body = { status, position, event: await readPublicEvent(deps.db, eventId) };
  });

  router.post('/event-registrations/lookup', async (ctx) => {
    await perIp.consume(ctx.ip);
    ctx.body = await visitorRegistration(deps.db, parseInput(s.token, ctx.request.body).token);
  });

  router.post('/event-registrations/cancel', async (ctx) => {
    await perIp.consume(ctx.ip);
    const { token } = parseInput(s.token, ctx.request.body);
    const { effects, view } = await cancelVisitor(deps.db, token, deps.config.publicUrl);
    await agenda.apply(effects);
    ctx.body = view;
  });

  return router;
}
