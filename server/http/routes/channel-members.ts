import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { addChannelMemberSchema, channelMembersQuerySchema, type ChannelMember } from '../../protocol/threads';
import type { PresenceDomain } from '../../realtime/presence/types';
import type { Broadcasts } from '../../realtime/broadcasts';
import { displayName } from '../../presenters/users';
import { requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';
import { addToThematic, channelMembers } from '../../services/chat/channel-members';

const rank = { online: 0, away: 1, dnd: 2, offline: 3 } as const;
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Who is in a channel, online first (the members panel), and animators adding someone to a thematic channel. */
export function channelMemberRoutes(deps: Deps, presence: Pick<PresenceDomain, 'statusOf'>, broadcasts: Broadcasts): Router<AppState> {
  const router = new Router<AppState>();
  const guard = requireUser();

  router.get('/api/channels/:id/members', guard, async (ctx) => {
    const id = parseInput(fields.id, ctx.params.id);
    const { q } = parseInput(channelMembersQuerySchema, ctx.query);
    const needle = q ? fold(q) : '';
    // Folded on both sides, so "helene" finds "Hélène".
    const users = (await channelMembers(deps.db, currentUser(ctx), id)).filter(
      (u) => !needle || fold(`${displayName(u)} ${u.username}`).includes(needle),
    );
    const statuses = await presence.statusOf(users.map((u) => u.id));
    const items = users.map((u): ChannelMember => ({
      id: u.id,
      username: u.username,
      displayName: displayName(u),
      jobTitle: u.job_title,
      chatOnly: !!u.chat_only,
      status: statuses.get(u.id)?.status ?? 'offline',
    }));
    items.sort((a, b) => rank[a.status] - rank[b.status] || a.displayName.localeCompare(b.displayName, 'fr', { sensitivity: 'base' }));
    ctx.body = { items: items.slice(0, 200), total: items.length, online: items.filter((m) => m.status !== 'offline').length };
  });

  router.post('/api/channels/:id/members', guard, async (ctx) => {
    const id = parseInput(fields.id, ctx.params.id);
    const { username } = parseInput(addChannelMemberSchema, ctx.request.body);
    const { channel, user, added } = await addToThematic(deps.db, currentUser(ctx), id, username);
    if (added) await broadcasts.channels.added(user.id, channel);
    ctx.status = added ? 201 : 200;
    ctx.body = { added, userId: user.id };
  });

  return router;
}
