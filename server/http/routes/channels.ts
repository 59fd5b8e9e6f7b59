import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { createChannelSchema, historyQuerySchema, updateChannelSchema } from '../../protocol/chat';
import { requireAccess, requireUser } from '../middleware/auth';
import { canManageThematic } from '../../access/channels';
import { currentUser, type AppState } from '../context';
import { channelView, createThematic, listMyChannels, listThematicForStaff, updateThematic } from '../../services/chat/channels';
import { history, pins } from '../../services/chat/messages';
import { presentMessages } from '../../services/chat/message-extras';
import type { Broadcasts } from '../../realtime/broadcasts';
import { memberIds } from '../../db/channels';
import { historyPage } from '../../presenters/messages';

/** Channels: my list, history, pins; thematic channels managed by animators and admins. */
export function channelRoutes(deps: Deps, broadcasts: Broadcasts): Router<AppState> {
  const live = broadcasts.channels;
  const router = new Router<AppState>({ prefix: '/api/channels' });
  router.use(requireUser());

  router.get('/', async (ctx) => {
    ctx.body = await listMyChannels(deps.db, currentUser(ctx));
  });

  // Staff only: archived channels they are not in must stay reachable to be restored.
  router.get('/thematic', requireAccess(canManageThematic), async (ctx) => {
    ctx.body = await listThematicForStaff(deps.db, currentUser(ctx));
  });

  router.get('/:id/messages', async (ctx) => {
    const id = parseInput(fields.id, ctx.params.id);
    const q = parseInput(historyQuerySchema, ctx.query);
    const rows = await history(deps.db, currentUser(ctx), id, q);
    const presented = await presentMessages(deps.db, rows);
    // Protocol 2 (the web client): each author once per page rather than in every message; older clients keep the array.
    ctx.body = q.protocol === 2 ? historyPage(presented) : presented;
  });

  router.get('/:id/pins', async (ctx) => {
    const id = parseInput(fields.id, ctx.params.id);
    ctx.body = await presentMessages(deps.db, await pins(deps.db, currentUser(ctx), id));
  });

  router.post('/', requireAccess(canManageThematic), async (ctx) => {
    const input = parseInput(createChannelSchema, ctx.request.body);
    const actor = currentUser(ctx);
    const channel = await createThematic(deps.db, actor, input);
    await live.added(actor.id, channel);
    ctx.status = 201;
    ctx.body = await channelView(deps.db, actor, channel);
  });

  router.patch('/:id', requireAccess(canManageThematic), async (ctx) => {
    const id = parseInput(fields.id, ctx.params.id);
    const changes = parseInput(updateChannelSchema, ctx.request.body);
    const channel = await updateThematic(deps.db, id, changes);
    const view = await channelView(deps.db, currentUser(ctx), channel);
    // Members see the new name or the archived state at once.
    live.changed(await memberIds(deps.db, id), {
      id: view.id,
      name: view.name,
      description: view.description,
      archived: view.archived,
      archivedAt: view.archivedAt,
    });
    ctx.body = view;
  });

  return router;
}
