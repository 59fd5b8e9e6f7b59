import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { groupMembersQuerySchema, groupRoleSchema, inviteSchema, joinRequestsQuerySchema } from '../../protocol/groups';
import { requireFullMember, requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';
import { accessGroupAsManager, accessGroupAsMember, canManageGroup } from '../../access/groups';
import { acceptInvitation, changeGroupRole, declineInvitation, decideJoinRequest } from '../../services/groups/membership';
import { claimEmailInvitations, invite } from '../../services/groups/invitations';
import { listGroupMembers } from '../../db/groups';
import { listJoinRequests, listPendingInvitations } from '../../db/group-requests';
import { presentGroupMember, presentInvitation, presentJoinRequest } from '../../presenters/groups';
import type { GroupBroadcasts } from '../../realtime/broadcasts/groups';

/** Members, join requests, invitations and group roles. */
export function groupAdminRoutes(deps: Deps, live: GroupBroadcasts): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api/groups/:id' });
  const db = deps.db;
  router.use(requireUser(), requireFullMember);
  const groupId = (ctx: { params: Record<string, string> }) => parseInput(fields.id, ctx.params.id);

  router.get('/members', async (ctx) => {
    const q = parseInput(groupMembersQuerySchema, ctx.query);
    const actor = currentUser(ctx);
    const { group, membership } = await accessGroupAsMember(db, actor, groupId(ctx));
    // Who is invited or waiting is for the group's managers only.
    if (q.status !== 'member' && !canManageGroup(actor, membership)) q.status = 'member';
    const offset = q.cursor ?? 0;
    const rows = await listGroupMembers(db, group.id, q.status, q.limit + 1, offset);
    ctx.body = { items: rows.slice(0, q.limit).map(presentGroupMember), nextCursor: rows.length > q.limit ? offset + q.limit : null };
  });

  router.patch('/members/:userId', async (ctx) => {
    const userId = parseInput(fields.id, ctx.params.userId);
    const { role } = parseInput(groupRoleSchema, ctx.request.body);
    await changeGroupRole(db, currentUser(ctx), groupId(ctx), userId, role);
    ctx.body = { userId, role };
  });

  router.get('/requests', async (ctx) => {
    const q = parseInput(joinRequestsQuerySchema, ctx.query);
    const { group } = await accessGroupAsManager(db, currentUser(ctx), groupId(ctx));
    const rows = await listJoinRequests(db, group.id, q.status, q.cursor, q.limit + 1);
    const page = rows.slice(0, q.limit);
    ctx.body = { items: page.map(presentJoinRequest), nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null };
  });

  for (const decision of ['approve', 'reject'] as const) {
    router.post(`/requests/:userId/${decision}`, async (ctx) => {
      const userId = parseInput(fields.id, ctx.params.userId);
      const { request, effects } = await decideJoinRequest(db, currentUser(ctx), groupId(ctx), userId, decision === 'approve');
      await live.apply(effects);
      ctx.body = request;
    });
  }

  router.get('/invitations', async (ctx) => {
    const { group } = await accessGroupAsManager(db, currentUser(ctx), groupId(ctx));
    ctx.body = { items: (await listPendingInvitations(db, group.id)).map(presentInvitation), nextCursor: null };
  });

  router.post('/invitations', async (ctx) => {
    const input = parseInput(inviteSchema, ctx.request.body);
    const { status, invitation, effects } = await invite(deps, currentUser(ctx), groupId(ctx), input);
    await live.apply(effects);
    ctx.status = 201;
    ctx.body = { status, invitation };
  });

  router.post('/invitations/accept', async (ctx) => {
    const actor = currentUser(ctx);
    live.notifications(await claimEmailInvitations(db, actor));
    await live.apply(await acceptInvitation(db, actor, groupId(ctx)));
    ctx.body = { status: 'member' };
  });

  router.post('/invitations/decline', async (ctx) => {
    const actor = currentUser(ctx);
    live.notifications(await claimEmailInvitations(db, actor));
    await live.apply(await declineInvitation(db, actor, groupId(ctx)));
    ctx.body = { status: null };
  });

  return router;
}
