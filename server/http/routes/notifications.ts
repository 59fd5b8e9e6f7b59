import Router from '@koa/router';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { fields, parseInput } from '../../validation';
import { requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';
import {
  getNotificationSettings, myNotifications, notificationSettingsSchema, putNotificationSettings, readNotifications,
} from '../../services/notifications/notifications';

const listSchema = z.object({
  cursor: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  unread: z.enum(['1', 'true', '0', 'false']).transform((v) => v === '1' || v === 'true').optional(),
});
const readSchema = z.union([z.object({ ids: z.array(fields.id).min(1).max(500) }).strict(), z.object({ all: z.literal(true) }).strict()]);

/** My notifications (newest first), marking them read, and my notification settings. */
export function notificationRoutes(deps: Deps): Router<AppState> {
  const router = new Router<AppState>();
  const db = deps.db;

  router.get('/api/notifications', requireUser(), async (ctx) => {
    const q = parseInput(listSchema, ctx.query);
    ctx.body = await myNotifications(db, currentUser(ctx).id, q);
  });

  router.post('/api/notifications/read', requireUser(), async (ctx) => {
    const input = parseInput(readSchema, ctx.request.body);
    ctx.body = await readNotifications(db, currentUser(ctx).id, 'ids' in input ? input.ids : null);
  });

  router.get('/api/me/notification-settings', requireUser(), async (ctx) => {
    ctx.body = await getNotificationSettings(db, currentUser(ctx).id);
  });

  router.put('/api/me/notification-settings', requireUser(), async (ctx) => {
    const settings = parseInput(notificationSettingsSchema, ctx.request.body);
    ctx.body = await putNotificationSettings(db, currentUser(ctx).id, settings);
  });

  return router;
}
