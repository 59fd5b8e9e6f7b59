import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { createGroupSchema, groupListQuerySchema, joinGroupSchema, memberTargetSchema, updateGroupSchema } from '../../protocol/groups';
import { requireFullMember, requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';
import { accessGroup, canManageGroup } from '../../access/groups';
import { createGroup, deleteGroup, editGroup, groupView, listGroups } from '../../services/groups/groups';
import { joinGroup, removeGroupMember } from '../../services/groups/membership';
import type { GroupBroadcasts } from '../../realtime/broadcasts/groups';

/** The groups themselves: directory and mine, create, read, edit, delete, join, leave. */
export function groupRoutes(deps: Deps, live: GroupBroadcasts): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api/groups' });
  const db = deps.db;
  router.use(requireUser(), requireFullMember);

  router.get('/', async (ctx) => {
    const q = parseInput(groupListQuerySchema, ctx.query);
    ctx.body = await listGroups(db, currentUser(ctx), q);
  });

  router.post('/', async (ctx) => {
    const input = parseInput(createGroupSchema, ctx.request.body);
    const actor = currentUser(ctx);
    const { group, channel } = await createGroup(db, actor, input);
    await live.apply({ group: { ...group, channel_id: channel.id }, joined: [actor.id], left: [], notifications: [] });
    ctx.status = 201;
    ctx.body = await groupView(db, actor, group);
  });

  router.get('/:id', async (ctx) => {
    const id = parseInput(fields.id, ctx.params.id);
    const actor = currentUser(ctx);
    const { group, membership } = await accessGroup(db, actor, id);
    ctx.body = { ...(await groupView(db, actor, group, membership)), canManage: canManageGroup(actor, membership) };
  });

  router.patch('/:id', async (ctx) => {
    const id = parseInput(fields.id, ctx.params.id);
    const changes = parseInput(updateGroupSchema, ctx.request.body);
    const actor = currentUser(ctx);
    const { group, channel, renamed } = await editGroup(db, actor, id, changes);
    if (renamed && channel) await live.renamed(channel);
    ctx.body = await groupView(db, actor, group);
  });

  router.delete('/:id', async (ctx) => {
    const id = parseInput(fields.id, ctx.params.id);
    const { channel, memberIds: ids } = await deleteGroup(db, currentUser(ctx), id);
    await live.groupDeleted(ids, channel);
    ctx.status = 204;
  });

  router.post('/:id/join', async (ctx) => {
    const id = parseInput(fields.id, ctx.params.id);
    const { motive } = parseInput(joinGroupSchema, ctx.request.body ?? {});
    const { status, effects } = await joinGroup(db, currentUser(ctx), id, motive);
    await live.apply(effects);
    ctx.status = status === 'member' ? 200 : 202;
    ctx.body = { status };
  });

  router.delete('/:id/members/:userId', async (ctx) => {
    const id = parseInput(fields.id, ctx.params.id);
    const target = parseInput(memberTargetSchema, ctx.params.userId);
    await live.apply(await removeGroupMember(db, currentUser(ctx), id, target));
    ctx.status = 204;
  });

  return router;
}
