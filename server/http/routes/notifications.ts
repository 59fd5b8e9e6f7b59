import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { notificationListQuerySchema, notificationSettingsSchema, readNotificationsSchema } from '../../protocol/notifications';
import { requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';
import {
  getNotificationSettings,
  myNotifications,
  putNotificationSettings,
  readNotifications,
} from '../../services/notifications/notifications';

/** My notifications (newest first), marking them read, and my notification settings. */
export function notificationRoutes(deps: Deps): Router<AppState> {
  const router = new Router<AppState>();
  const db = deps.db;

  router.get('/api/notifications', requireUser(), async (ctx) => {
    const q = parseInput(notificationListQuerySchema, ctx.query);
    ctx.body = await myNotifications(db, currentUser(ctx).id, q);
  });

  router.post('/api/notifications/read', requireUser(), async (ctx) => {
    const input = parseInput(readNotificationsSchema, ctx.request.body);
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
