import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { changeCategorySchema, createCategorySchema, ticketListQuerySchema, type HotlineAgent, type HotlineStatus, type TicketDetail } from '../../protocol/hotline';
import { requireRole, requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';
import type { HotlineDomain } from '../../realtime/hotline-domain';
import type { ChannelEvents } from '../../realtime/channel-events';
import type { PresenceDomain } from '../../realtime/presence/domain';
import { listTicketsFor, ticketDetail } from '../../services/hotline/tickets';
import { categoriesFor, changeCategory, createCategory } from '../../services/hotline/categories';
import { HOTLINE_CALENDAR, addWorkingHours } from '../../services/hotline/working-hours';
import { presentCategory } from '../../presenters/hotline';
import { presentAuthor } from '../../presenters/users';
import type { UserRow } from '../../db/users';

/** The hotline's REST side: availability, tickets, agents, categories (commands go through the hub). */
export function hotlineRoutes(deps: Deps, hotline: HotlineDomain, events: ChannelEvents, presence: Pick<PresenceDomain, 'statusOf'>): Router<AppState> {
  const { db } = deps;
  const router = new Router<AppState>({ prefix: '/api/hotline' });
  router.use(requireUser());

  router.get('/status', async (ctx) => {
    const hours = deps.config.hotlineFirstResponseHours;
    ctx.body = {
      available: await hotline.available(),
      firstResponseTargetHours: hours,
      firstResponseDueIfOpenedNow: addWorkingHours(new Date(), hours).toISOString(),
      workingHours: { timeZone: HOTLINE_CALENDAR.timeZone, days: HOTLINE_CALENDAR.days, start: HOTLINE_CALENDAR.startHour, end: HOTLINE_CALENDAR.endHour },
    } satisfies HotlineStatus;
  });

  router.get('/tickets', async (ctx) => {
    const q = parseInput(ticketListQuerySchema, ctx.query);
    ctx.body = await listTicketsFor(db, currentUser(ctx), { ...q, status: q.status?.length ? q.status : undefined });
  });

  router.get('/tickets/:id', async (ctx) => {
    const id = parseInput(fields.id, ctx.params.id);
    const actor = currentUser(ctx);
    const { joinedChannel, ...detail } = await ticketDetail(db, actor, id);
    // A staff member opening an old ticket becomes a member of its channel: move their sockets in.
    if (joinedChannel) await events.added(actor.id, joinedChannel);
    ctx.body = detail satisfies TicketDetail;
  });

  router.get('/agents', requireRole('hotline', 'admin'), async (ctx) => {
    const rows = (await db('users').whereIn('role', ['hotline', 'admin']).where({ status: 'active' }).orderBy(['first_name', 'last_name'])) as UserRow[];
    const status = await presence.statusOf(rows.map((r) => r.id));
    ctx.body = rows.map((u): HotlineAgent => ({ ...presentAuthor(u), role: u.role, status: status.get(u.id)?.status ?? 'offline' }));
  });

  router.get('/categories', async (ctx) => {
    const all = ctx.query.all === '1' || ctx.query.all === 'true';
    ctx.body = (await categoriesFor(db, currentUser(ctx), all)).map(presentCategory);
  });

  router.post('/categories', requireRole('admin'), async (ctx) => {
    const input = parseInput(createCategorySchema, ctx.request.body);
    ctx.status = 201;
    ctx.body = presentCategory(await createCategory(db, input));
  });

  router.patch('/categories/:id', requireRole('admin'), async (ctx) => {
    const id = parseInput(fields.id, ctx.params.id);
    const changes = parseInput(changeCategorySchema, ctx.request.body);
    ctx.body = presentCategory(await changeCategory(db, id, changes));
  });

  return router;
}
