import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { contactsQuerySchema, type Contact } from '../../protocol/directory';
import { listContacts } from '../../db/contacts';
import { displayName, presentMember } from '../../presenters/users';
import type { PresenceDomain } from '../../realtime/presence/types';
import { requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';

const rank = { online: 0, away: 1, dnd: 2, offline: 3 } as const;
/** Lower case without accents, so "helene" finds "Hélène". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** GET /api/contacts: the people I share a non-national channel with, with their presence; online first, then by name. */
export function contactRoutes(deps: Deps, presence: Pick<PresenceDomain, 'statusOf'>): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api/contacts' });

  router.get('/', requireUser(), async (ctx) => {
    const { q } = parseInput(contactsQuerySchema, ctx.query);
    const needle = q ? fold(q) : '';
    const users = (await listContacts(deps.db, currentUser(ctx).id)).filter(
      (u) => !needle || fold(`${displayName(u)} ${u.username}`).includes(needle),
    );
    const presenceOf = await presence.statusOf(users.map((u) => u.id));
    const items = users.map((u): Contact => ({
      ...presentMember(u),
      presence: presenceOf.get(u.id) ?? { status: 'offline' as const, lastSeenAt: null },
    }));
    items.sort(
      (a, b) =>
        rank[a.presence.status] - rank[b.presence.status] || a.displayName.localeCompare(b.displayName, 'fr', { sensitivity: 'base' }),
    );
    ctx.body = { items };
  });

  return router;
}
