import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import {
  changeCategorySchema,
  createCategorySchema,
  ticketListQuerySchema,
  type HotlineAgent,
  type HotlineStatus,
  type TicketDetail,
} from '../../protocol/hotline';
import { requireAccess, requireUser } from '../middleware/auth';
import { canManageCategories, canWorkTheDesk } from '../../access/hotline';
import { ROLE_SETS } from '../../access/roles';
import { currentUser, type AppState } from '../context';
import type { HotlineDomain } from '../../realtime/hotline-domain';
import type { PresenceDomain } from '../../realtime/presence/types';
import { listTicketsFor, ticketDetail } from '../../services/hotline/tickets';
import { categoriesFor, changeCategory, createCategory } from '../../services/hotline/categories';
import { HOTLINE_CALENDAR, addWorkingHours } from '../../services/hotline/working-hours';
import { presentCategory } from '../../presenters/hotline';
import { presentAuthor } from '../../presenters/users';
import { activeUsersWithRoles } from '../../db/users';

/** The hotline's REST side: availability, tickets, agents, categories (commands go through the hub). */
export function hotlineRoutes(deps: Deps, hotline: HotlineDomain, presence: Pick<PresenceDomain, 'statusOf'>): Router<AppState> {
  const { db } = deps;
  const router = new Router<AppState>({ prefix: '/api/hotline' });
  router.use(requireUser());

  router.get('/status', async (ctx) => {
    const hours = deps.config.hotlineFirstResponseHours;
    ctx.body = {
      available: await hotline.available(),
      firstResponseTargetHours: hours,
      firstResponseDueIfOpenedNow: addWorkingHours(new Date(), hours).toISOString(),
      workingHours: {
        timeZone: HOTLINE_CALENDAR.timeZone,
        days: HOTLINE_CALENDAR.days,
        start: HOTLINE_CALENDAR.startHour,
        end: HOTLINE_CALENDAR.endHour,
      },
    } satisfies HotlineStatus;
  });

  router.get('/tickets', async (ctx) => {
    const q = parseInput(ticketListQuerySchema, ctx.query);
    ctx.body = await listTicketsFor(db, currentUser(ctx), { ...q, status: q.status?.length ? q.status : undefined });
  });

  router.get('/tickets/:id', async (ctx) => {
    const id = parseInput(fields.id, ctx.params.id);
    ctx.body = (await ticketDetail(db, currentUser(ctx), id)) satisfies TicketDetail;
  });

  router.get('/agents', requireAccess(canWorkTheDesk), async (ctx) => {
    const rows = await activeUsersWithRoles(db, ROLE_SETS.hotlineStaff);
    const status = await presence.statusOf(rows.map((r) => r.id));
    ctx.body = rows.map((u): HotlineAgent => ({ ...presentAuthor(u), role: u.role, status: status.get(u.id)?.status ?? 'offline' }));
  });

  router.get('/categories', async (ctx) => {
    const all = ctx.query.all === '1' || ctx.query.all === 'true';
    ctx.body = (await categoriesFor(db, currentUser(ctx), all)).map(presentCategory);
  });

  router.post('/categories', requireAccess(canManageCategories), async (ctx) => {
    const input = parseInput(createCategorySchema, ctx.request.body);
    ctx.status = 201;
    ctx.body = presentCategory(await createCategory(db, input));
  });

  router.patch('/categories/:id', requireAccess(canManageCategories), async (ctx) => {
    const id = parseInput(fields.id, ctx.params.id);
    const changes = parseInput(changeCategorySchema, ctx.request.body);
    ctx.body = presentCategory(await changeCategory(db, id, changes));
  });

  return router;
}
