import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { eventSchemas, type RegistrationAnswer } from '../../protocol/agenda';
import { workshopSchemas } from '../../protocol/agenda-workshops';
import { requireFullMember, requireUser } from '../middleware/auth';
import { currentUser, type AppContext, type AppState } from '../context';
import type { AgendaBroadcasts } from '../../realtime/broadcasts/agenda';
import { accessEvent } from '../../access/agenda';
import {
  cancelEvent,
  createEvent,
  editEvent,
  eventView,
  inviteMore,
  listGroupEvents,
  listMyEvents,
} from '../../services/agenda/agenda-events';
import { listRegistrants, registerForEvent, removeRegistration, unregisterSelf } from '../../services/agenda/registrations';
import { eventIcs, registrantsCsv } from '../../services/agenda/exports';

const DAY = 86_400_000;

/** Sends a generated file as a download. */
function attachment(ctx: AppContext, type: string, filename: string, body: string): void {
  ctx.type = type;
  ctx.set('Content-Disposition', `attachment; filename="${filename}"`);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Cache-Control', 'private, no-cache');
  ctx.body = body;
}

/**
 * The calendar: my events, a group's agenda, one event (see, edit, cancel,
 * invite), registrations on both lists, and the exports (CSV, iCalendar).
 * Every change is broadcast after its commit as `event:updated`.
 */
export function eventRoutes(deps: Deps, agenda: AgendaBroadcasts): Router<AppState> {
  const router = new Router<AppState>();
  const auth = [requireUser(), requireFullMember] as const;
  const s = eventSchemas;
  const range = (ctx: AppContext) => {
    const q = parseInput(s.range, ctx.query);
    const from = q.from ?? new Date(Date.now() - DAY);
    return { from, to: q.to ?? new Date(from.getTime() + 92 * DAY) };
  };
  const id = (ctx: AppContext) => parseInput(fields.id, ctx.params.id);

  router.get('/api/events', ...auth, async (ctx) => {
    ctx.body = { items: await listMyEvents(deps.db, currentUser(ctx), range(ctx)), nextCursor: null };
  });

  router.get('/api/groups/:id/events', ...auth, async (ctx) => {
    ctx.body = { items: await listGroupEvents(deps.db, currentUser(ctx), id(ctx), range(ctx)), nextCursor: null };
  });

  router.post('/api/groups/:id/events', ...auth, async (ctx) => {
    const groupId = id(ctx);
    const { invite, ...input } = parseInput(s.create, ctx.request.body);
    const actor = currentUser(ctx);
    const { access, effects } = await createEvent(deps.db, actor, groupId, input, invite);
    await agenda.apply(effects);
    ctx.status = 201;
    ctx.body = await eventView(deps.db, actor, access);
  });

  router.get('/api/events/:id', ...auth, async (ctx) => {
    const actor = currentUser(ctx);
    ctx.body = await eventView(deps.db, actor, await accessEvent(deps.db, actor, id(ctx)));
  });

  router.patch('/api/events/:id', ...auth, async (ctx) => {
    const eventId = id(ctx);
    const changes = parseInput(s.edit, ctx.request.body ?? {});
    const actor = currentUser(ctx);
    await agenda.apply(await editEvent(deps.db, actor, eventId, changes, deps.config.publicUrl));
    ctx.body = await eventView(deps.db, actor, await accessEvent(deps.db, actor, eventId));
  });

  router.delete('/api/events/:id', ...auth, async (ctx) => {
    const eventId = id(ctx);
    const { reason } = parseInput(s.cancel, ctx.query);
    const actor = currentUser(ctx);
    await agenda.apply(await cancelEvent(deps.db, actor, eventId, reason));
    ctx.body = await eventView(deps.db, actor, await accessEvent(deps.db, actor, eventId));
  });

  router.post('/api/events/:id/invitations', ...auth, async (ctx) => {
    const eventId = id(ctx);
    const who = parseInput(s.invite, ctx.request.body);
    const effects = await inviteMore(deps.db, currentUser(ctx), eventId, who);
    await agenda.apply(effects);
    ctx.body = { invited: effects.notifications.length };
  });

  router.post('/api/events/:id/registrations', ...auth, async (ctx) => {
    const eventId = id(ctx);
    const input = parseInput(s.register, ctx.request.body ?? {});
    const actor = currentUser(ctx);
    const { result, effects } = await registerForEvent(deps.db, actor, eventId, input);
    await agenda.apply(effects);
    ctx.status = !result.created ? 200 : result.status === 'registered' ? 201 : 202;
    ctx.body = {
      status: result.status,
      ...(result.status === 'waitlisted' ? { position: result.position } : {}),
      registrationId: result.registration.id,
      list: result.registration.list,
      created: result.created,
      event: await eventView(deps.db, actor, await accessEvent(deps.db, actor, eventId)),
    } satisfies RegistrationAnswer;
  });

  router.delete('/api/events/:id/registrations/me', ...auth, async (ctx) => {
    const eventId = id(ctx);
    const actor = currentUser(ctx);
    const { sessionId } = parseInput(workshopSchemas.sessionQuery, ctx.query);
    await agenda.apply(await unregisterSelf(deps.db, actor, eventId, deps.config.publicUrl, sessionId));
    ctx.body = { event: await eventView(deps.db, actor, await accessEvent(deps.db, actor, eventId)) };
  });

  router.delete('/api/events/:id/registrations/:registrationId', ...auth, async (ctx) => {
    const eventId = id(ctx);
    const registrationId = parseInput(fields.id, ctx.params.registrationId);
    const actor = currentUser(ctx);
    await agenda.apply(await removeRegistration(deps.db, actor, eventId, registrationId, deps.config.publicUrl));
    ctx.body = { event: await eventView(deps.db, actor, await accessEvent(deps.db, actor, eventId)) };
  });

  router.get('/api/events/:id/registrations', ...auth, async (ctx) => {
    const { sessionId } = parseInput(workshopSchemas.sessionQuery, ctx.query);
    ctx.body = { items: (await listRegistrants(deps.db, currentUser(ctx), id(ctx), sessionId)).items, nextCursor: null };
  });

  router.get('/api/events/:id/registrations.csv', ...auth, async (ctx) => {
    const csv = await registrantsCsv(deps.db, currentUser(ctx), id(ctx));
    attachment(ctx, 'text/csv; charset=utf-8', csv.filename, csv.body);
  });

  router.get('/api/events/:id/ics', ...auth, async (ctx) => {
    const ics = await eventIcs(deps.db, currentUser(ctx), id(ctx), deps.config.publicUrl);
    attachment(ctx, 'text/calendar; charset=utf-8', ics.filename, ics.body);
  });

  return router;
}
