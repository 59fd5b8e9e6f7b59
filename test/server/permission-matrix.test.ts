/**
 * The permission matrix: every REST route of the router and every socket event of the hub, with the
 * answer each role gets. The routes and events are read from the running app, so a new one without a
 * row here fails with its name. To add one: a line in ROUTES (or EVENTS), the eight expected answers
 * in the order of ROLES; a body or payload in BODIES / PAYLOADS if `{}` does not reach the access check.
 * `MATRIX_PRINT=1` prints what the server answers now, in this file's format (to review, never to paste blindly).
 *
 * Each role acts in a world of its own (a private group with its channel, document, event, post,
 * comment, a hotline ticket, a message…), built before and left to that role alone, so what one role
 * changes or deletes never decides another's answer. Requests run in a fixed order: reads, then
 * writes, then deletions, logout last.
 */
import { expect } from 'chai';
import crypto from 'node:crypto';
import { api, type Api } from '../helpers/http';
import { makeUserWithToken } from '../helpers/factories';
import { createGroup, addToGroup } from '../helpers/groups';
import { createEvent } from '../helpers/events';
import { uploadDocument } from '../helpers/documents';
import { PNG } from '../helpers/uploads';
import { connect, emitAck, emitRaw } from '../helpers/sockets';
import { useServer } from '../helpers/suite';
import { createRealtimeDomains } from '../../server/realtime/domains';
import type { EventTable } from '../../server/realtime/hub-types';
import type { TestServer } from '../helpers/server';
import { reportBody } from '../helpers/reports';

const ROLES = ['anonymous', 'pending', 'member', 'chatOnly', 'animator', 'hotline', 'admin', 'outsider'] as const;
type Role = (typeof ROLES)[number];
/** An HTTP status per role, in the order of ROLES. */
type Row = [number, number, number, number, number, number, number, number];
/** A socket answer per role: `ok`, the error code, or `unauthorized` (the connection itself is refused). */
type EventRow = [string, string, string, string, string, string, string, string];

// Who is who in each world: `member` belongs to the private group (owned by an animator who is not a
// tested role) and opened the hotline ticket; `chatOnly` (who may not join groups), `animator`,
// `hotline`, `admin` and `outsider` do not belong to it; `pending` has a session on an account not yet confirmed.
//                                                        anon  pend  memb  chat  anim  hotl  admin outs
const ROUTES: Record<string, Row> = {
  'GET /api/admin/users': [401, 401, 403, 403, 403, 403, 200, 403],
  'POST /api/admin/users': [401, 401, 403, 403, 403, 403, 400, 403],
  'PATCH /api/admin/users/:id': [401, 401, 403, 403, 403, 403, 200, 403],
  'GET /api/attachments/:id': [401, 401, 404, 403, 404, 404, 404, 404],
  'POST /api/auth/confirm': [400, 400, 400, 400, 400, 400, 400, 400],
  'POST /api/auth/login': [401, 401, 401, 401, 401, 401, 401, 401],
  'POST /api/auth/logout': [401, 401, 200, 200, 200, 200, 200, 200],
  // OpenID sign-in is not configured in this world: its routes are 404 for everyone, the providers list is public.
  'GET /api/auth/oidc/callback': [404, 404, 404, 404, 404, 404, 404, 404],
  'GET /api/auth/oidc/signup': [404, 404, 404, 404, 404, 404, 404, 404],
  'POST /api/auth/oidc/signup': [404, 404, 404, 404, 404, 404, 404, 404],
  'GET /api/auth/oidc/start': [404, 404, 404, 404, 404, 404, 404, 404],
  'POST /api/auth/password-reset': [202, 202, 202, 202, 202, 202, 202, 202],
  'POST /api/auth/password-reset/confirm': [400, 400, 400, 400, 400, 400, 400, 400],
  'GET /api/auth/providers': [200, 200, 200, 200, 200, 200, 200, 200],
  'POST /api/auth/register': [400, 400, 400, 400, 400, 400, 400, 400],
  'GET /api/channels': [401, 401, 200, 200, 200, 200, 200, 200],
  'POST /api/channels': [401, 401, 403, 403, 201, 403, 201, 403],
  'PATCH /api/channels/:id': [401, 401, 403, 403, 404, 403, 404, 403],
  'GET /api/channels/:id/messages': [401, 401, 200, 404, 404, 404, 404, 404],
  'GET /api/channels/:id/pins': [401, 401, 200, 404, 404, 404, 404, 404],
  'GET /api/channels/thematic': [401, 401, 403, 403, 200, 403, 200, 403],
  'DELETE /api/comments/:id': [401, 401, 403, 403, 404, 404, 404, 404],
  'PATCH /api/comments/:id': [401, 401, 403, 403, 404, 404, 404, 404],
  'GET /api/contacts': [401, 401, 200, 200, 200, 200, 200, 200],
  'GET /api/departments': [200, 200, 200, 200, 200, 200, 200, 200],
  'GET /api/directory': [401, 401, 200, 403, 200, 200, 200, 200],
  'GET /api/documents': [401, 401, 200, 403, 200, 200, 200, 200],
  'DELETE /api/documents/:id': [401, 401, 403, 403, 404, 404, 404, 404],
  'GET /api/documents/:id': [401, 401, 200, 403, 404, 404, 404, 404],
  'PATCH /api/documents/:id': [401, 401, 403, 403, 404, 404, 404, 404],
  'GET /api/documents/:id/download': [401, 401, 200, 403, 404, 404, 404, 404],
  'GET /api/documents/:id/preview': [401, 401, 200, 403, 404, 404, 404, 404],
  'POST /api/documents/:id/share': [401, 401, 200, 403, 404, 404, 404, 404],
  'GET /api/events': [401, 401, 200, 403, 200, 200, 200, 200],
  'DELETE /api/events/:id': [401, 401, 403, 403, 404, 404, 404, 404],
  'GET /api/events/:id': [401, 401, 200, 403, 404, 404, 404, 404],
  'PATCH /api/events/:id': [401, 401, 403, 403, 404, 404, 404, 404],
  'GET /api/events/:id/ics': [401, 401, 200, 403, 404, 404, 404, 404],
  'POST /api/events/:id/invitations': [401, 401, 403, 403, 404, 404, 404, 404],
  'GET /api/events/:id/registrations': [401, 401, 403, 403, 404, 404, 404, 404],
  'POST /api/events/:id/registrations': [401, 401, 201, 403, 404, 404, 404, 404],
  'GET /api/events/:id/registrations.csv': [401, 401, 403, 403, 404, 404, 404, 404],
  'DELETE /api/events/:id/registrations/:registrationId': [401, 401, 404, 403, 404, 404, 404, 404],
  'DELETE /api/events/:id/registrations/me': [401, 401, 200, 403, 404, 404, 404, 404],
  'GET /api/feed': [401, 401, 200, 403, 200, 200, 200, 200],
  'GET /api/groups': [401, 401, 200, 403, 200, 200, 200, 200],
  'POST /api/groups': [401, 401, 403, 403, 201, 403, 201, 403],
  'DELETE /api/groups/:id': [401, 401, 403, 403, 404, 404, 404, 404],
  'GET /api/groups/:id': [401, 401, 200, 403, 404, 404, 404, 404],
  'PATCH /api/groups/:id': [401, 401, 403, 403, 404, 404, 404, 404],
  'POST /api/groups/:id/attachments': [401, 401, 400, 403, 400, 400, 400, 400],
  'GET /api/groups/:id/documents': [401, 401, 200, 403, 404, 404, 404, 404],
  'POST /api/groups/:id/documents': [401, 401, 400, 403, 404, 404, 404, 404],
  'GET /api/groups/:id/events': [401, 401, 200, 403, 404, 404, 404, 404],
  'POST /api/groups/:id/events': [401, 401, 403, 403, 404, 404, 404, 404],
  'GET /api/groups/:id/invitations': [401, 401, 403, 403, 404, 404, 404, 404],
  'POST /api/groups/:id/invitations': [401, 401, 403, 403, 404, 404, 404, 404],
  'POST /api/groups/:id/invitations/accept': [401, 401, 200, 403, 404, 404, 404, 404],
  'POST /api/groups/:id/invitations/decline': [401, 401, 404, 403, 404, 404, 404, 404],
  'POST /api/groups/:id/join': [401, 401, 200, 403, 404, 404, 404, 404],
  'GET /api/groups/:id/members': [401, 401, 200, 403, 404, 404, 404, 404],
  'DELETE /api/groups/:id/members/:userId': [401, 401, 403, 403, 404, 404, 404, 404],
  'PATCH /api/groups/:id/members/:userId': [401, 401, 403, 403, 404, 404, 404, 404],
  'GET /api/groups/:id/posts': [401, 401, 200, 403, 404, 404, 404, 404],
  'POST /api/groups/:id/posts': [401, 401, 201, 403, 404, 404, 404, 404],
  'GET /api/groups/:id/requests': [401, 401, 403, 403, 404, 404, 404, 404],
  'POST /api/groups/:id/requests/:userId/approve': [401, 401, 403, 403, 404, 404, 404, 404],
  'POST /api/groups/:id/requests/:userId/reject': [401, 401, 403, 403, 404, 404, 404, 404],
  'GET /api/health': [200, 200, 200, 200, 200, 200, 200, 200],
  'GET /api/hotline/agents': [401, 401, 403, 403, 403, 200, 200, 403],
  'GET /api/hotline/categories': [401, 401, 200, 200, 200, 200, 200, 200],
  'POST /api/hotline/categories': [401, 401, 403, 403, 403, 403, 400, 403],
  'PATCH /api/hotline/categories/:id': [401, 401, 403, 403, 403, 403, 400, 403],
  'GET /api/hotline/figures': [401, 401, 403, 403, 403, 200, 200, 403],
  'GET /api/hotline/figures.csv': [401, 401, 403, 403, 403, 200, 200, 403],
  'GET /api/hotline/status': [401, 401, 200, 200, 200, 200, 200, 200],
  'GET /api/hotline/tickets': [401, 401, 200, 200, 200, 200, 200, 200],
  'GET /api/hotline/tickets/:id': [401, 401, 200, 404, 404, 200, 200, 404],
  'GET /api/ical/:file': [404, 404, 404, 404, 404, 404, 404, 404],
  'POST /api/me/deletion': [401, 401, 422, 422, 422, 422, 422, 422],
  'POST /api/me/exports': [401, 401, 200, 200, 200, 200, 200, 200],
  'GET /api/me/exports/:token': [401, 401, 400, 400, 400, 400, 400, 400],
  'GET /api/me/export': [401, 401, 200, 200, 200, 200, 200, 200],
  'GET /api/me': [401, 401, 200, 200, 200, 200, 200, 200],
  'PATCH /api/me': [401, 401, 200, 200, 200, 200, 200, 200],
  'POST /api/me/password': [401, 401, 400, 400, 400, 400, 400, 400],
  'GET /api/push/key': [401, 401, 200, 200, 200, 200, 200, 200],
  'POST /api/push/subscriptions': [401, 401, 400, 400, 400, 400, 400, 400],
  'DELETE /api/push/subscriptions': [401, 401, 400, 400, 400, 400, 400, 400],
  'POST /api/me/accept-terms': [401, 401, 200, 200, 200, 200, 200, 200],
  'DELETE /api/me/avatar': [401, 401, 200, 200, 200, 200, 200, 200],
  'PUT /api/me/avatar': [401, 401, 400, 400, 400, 400, 400, 400],
  'DELETE /api/me/calendar-feed': [401, 401, 204, 403, 204, 204, 204, 204],
  'GET /api/me/calendar-feed': [401, 401, 200, 403, 200, 200, 200, 200],
  'POST /api/me/calendar-feed': [401, 401, 201, 403, 201, 201, 201, 201],
  'GET /api/me/notification-settings': [401, 401, 200, 200, 200, 200, 200, 200],
  'PUT /api/me/notification-settings': [401, 401, 400, 400, 400, 400, 400, 400],
  'GET /api/notifications': [401, 401, 200, 200, 200, 200, 200, 200],
  'POST /api/notifications/read': [401, 401, 200, 200, 200, 200, 200, 200],
  'DELETE /api/posts/:id': [401, 401, 403, 403, 404, 404, 404, 404],
  'GET /api/posts/:id': [401, 401, 200, 403, 404, 404, 404, 404],
  'PATCH /api/posts/:id': [401, 401, 403, 403, 404, 404, 404, 404],
  'POST /api/posts/:id/comments': [401, 401, 201, 403, 404, 404, 404, 404],
  'GET /api/posts/:id/reactions': [401, 401, 200, 403, 404, 404, 404, 404],
  'POST /api/posts/:id/reactions': [401, 401, 200, 403, 404, 404, 404, 404],
  'GET /api/regions': [200, 200, 200, 200, 200, 200, 200, 200],
  'GET /api/communes': [401, 401, 400, 403, 400, 400, 400, 400],
  'GET /api/report-teams': [401, 401, 200, 403, 200, 200, 200, 200],
  'POST /api/report-teams': [401, 401, 404, 403, 404, 404, 422, 404],
  'DELETE /api/report-teams/:managerId/:memberId': [401, 401, 404, 403, 404, 404, 404, 404],
  'GET /api/reports': [401, 401, 200, 403, 200, 200, 200, 200],
  'POST /api/reports': [401, 401, 201, 403, 201, 201, 201, 201],
  'DELETE /api/reports/:id': [401, 401, 204, 403, 404, 404, 404, 404],
  'GET /api/reports/:id': [401, 401, 200, 403, 404, 404, 404, 404],
  'PUT /api/reports/:id': [401, 401, 200, 403, 404, 404, 404, 404],
  'GET /api/reports/export.csv': [401, 401, 200, 403, 200, 200, 200, 200],
  'GET /api/reports/export.xlsx': [401, 401, 200, 403, 200, 200, 200, 200],
  'GET /api/reports/stats': [401, 401, 200, 403, 200, 200, 200, 200],
  'GET /api/users/:id': [401, 401, 200, 403, 200, 200, 200, 200],
  'GET /api/users/:id/avatar': [401, 401, 404, 404, 404, 404, 404, 404],
};

//                        anon            pend            memb   chat         anim         hotl         admin        outs
const EVENTS: Record<string, EventRow> = {
  'channel:favorite': ['unauthorized', 'unauthorized', 'ok', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  'channel:join': ['unauthorized', 'unauthorized', 'ok', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  'channel:leave': ['unauthorized', 'unauthorized', 'cannot_leave', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  'channel:read': ['unauthorized', 'unauthorized', 'ok', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  'channel:sync': ['unauthorized', 'unauthorized', 'ok', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  'dm:open': ['unauthorized', 'unauthorized', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  'hotline:claim': ['unauthorized', 'unauthorized', 'forbidden', 'not_found', 'not_found', 'ok', 'ok', 'not_found'],
  'hotline:note': ['unauthorized', 'unauthorized', 'forbidden', 'not_found', 'not_found', 'ok', 'ok', 'not_found'],
  'hotline:open': ['unauthorized', 'unauthorized', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  'hotline:rate': ['unauthorized', 'unauthorized', 'ticket_not_resolved', 'not_found', 'not_found', 'forbidden', 'forbidden', 'not_found'],
  'hotline:reopen': ['unauthorized', 'unauthorized', 'ticket_not_resolved', 'not_found', 'not_found', 'ok', 'ok', 'not_found'],
  'hotline:resolve': ['unauthorized', 'unauthorized', 'forbidden', 'not_found', 'not_found', 'ok', 'ok', 'not_found'],
  'hotline:transfer': ['unauthorized', 'unauthorized', 'forbidden', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  'message:delete': ['unauthorized', 'unauthorized', 'forbidden', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  'message:edit': ['unauthorized', 'unauthorized', 'forbidden', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  'message:pin': ['unauthorized', 'unauthorized', 'forbidden', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  'message:send': ['unauthorized', 'unauthorized', 'ok', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  'message:unpin': ['unauthorized', 'unauthorized', 'forbidden', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  'presence:get': ['unauthorized', 'unauthorized', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  'presence:set': ['unauthorized', 'unauthorized', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  typing: ['unauthorized', 'unauthorized', 'ok', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
};

/** Bodies for the routes whose access check comes after the payload check (ids from the world). */
const BODIES: Record<string, (w: World) => unknown> = {
  'POST /api/auth/register': () => ({
    email: `m-${crypto.randomBytes(4).toString('hex')}@exemple.fr`,
    password: 'Matrice-2026',
    firstName: 'Mat',
    lastName: 'Rix',
    username: `m.${crypto.randomBytes(4).toString('hex')}`,
    departmentCode: '75',
  }),
  'POST /api/auth/login': () => ({ email: 'personne@exemple.fr', password: 'Mauvais-1' }),
  'POST /api/auth/password-reset': () => ({ email: 'personne@exemple.fr' }),
  'PATCH /api/me': () => ({ city: 'Lyon' }),
  // A wrong current password: everyone signed in reaches the check (400 wrong_password), nobody's password changes.
  'POST /api/me/password': () => ({ currentPassword: 'Pas-le-bon-1', newPassword: 'Nouveau-Secret9' }),
  'POST /api/channels': () => ({ name: `Salon ${crypto.randomBytes(3).toString('hex')}` }),
  'PATCH /api/channels/:id': () => ({ description: 'Revu.' }),
  'POST /api/groups': () => ({ name: `Groupe ${crypto.randomBytes(3).toString('hex')}`, description: 'Un groupe.', visibility: 'public' }),
  'PATCH /api/groups/:id': () => ({ description: 'Revu.' }),
  'POST /api/groups/:id/posts': () => ({ kind: 'article', title: 'Un article', body: 'Du texte.' }),
  'PATCH /api/posts/:id': () => ({ body: 'Revu.' }),
  'POST /api/posts/:id/comments': () => ({ body: 'Un commentaire.' }),
  'PATCH /api/comments/:id': () => ({ body: 'Revu.' }),
  'POST /api/posts/:id/reactions': () => ({ kind: 'like' }),
  'POST /api/groups/:id/events': () => ({
    title: 'Réunion',
    startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    endsAt: new Date(Date.now() + 7 * 86_400_000 + 3_600_000).toISOString(),
    location: 'Lyon',
  }),
  'PATCH /api/events/:id': () => ({ location: 'Villeurbanne' }),
  'POST /api/groups/:id/invitations': (w) => ({ userId: w.extra }),
  'POST /api/notifications/read': () => ({ all: true }),
  'POST /api/events/:id/invitations': (w) => ({ userIds: [w.extra] }),
  'PATCH /api/groups/:id/members/:userId': () => ({ role: 'admin' }),
  'PATCH /api/admin/users/:id': () => ({ role: 'member' }),
  'PATCH /api/documents/:id': () => ({ description: 'Revu.' }),
  'POST /api/reports': () => reportBody(),
  'PUT /api/reports/:id': () => reportBody({ canal: 'remote' }),
  'POST /api/report-teams': (w) => ({ managerId: w.owner, memberId: w.extra }),
};

/** Payloads for the socket events (ids from the world). */
const PAYLOADS: Record<string, (w: World) => unknown> = {
  'message:send': (w) => ({ channelId: w.channelId, body: 'Bonjour', clientMsgId: crypto.randomUUID() }),
  'message:edit': (w) => ({ messageId: w.messageId, body: 'Revu' }),
  'message:delete': (w) => ({ messageId: w.messageId }),
  'message:pin': (w) => ({ messageId: w.messageId }),
  'message:unpin': (w) => ({ messageId: w.messageId }),
  'channel:join': (w) => ({ channelId: w.channelId }),
  'channel:leave': (w) => ({ channelId: w.channelId }),
  'channel:sync': (w) => ({ channelId: w.channelId, afterSeq: 0 }),
  'channel:read': (w) => ({ channelId: w.channelId, seq: 1 }),
  'channel:favorite': (w) => ({ channelId: w.channelId, favorite: true }),
  typing: (w) => ({ channelId: w.channelId }),
  'dm:open': (w) => ({ userId: w.owner }),
  'presence:set': () => ({ status: 'away' }),
  'presence:get': (w) => ({ userIds: [w.owner] }),
  'hotline:open': () => ({ subject: 'Une question', body: 'Bonjour.', clientMsgId: crypto.randomUUID() }),
  'hotline:claim': (w) => ({ ticketId: w.ticketId }),
  'hotline:transfer': (w) => ({ ticketId: w.ticketId, toUserId: w.owner }),
  'hotline:resolve': (w) => ({ ticketId: w.ticketId }),
  'hotline:reopen': (w) => ({ ticketId: w.ticketId }),
  'hotline:note': (w) => ({ ticketId: w.ticketId, body: 'Note interne.' }),
  'hotline:rate': (w) => ({ ticketId: w.ticketId, score: 5 }),
};

interface World {
  token: string | null;
  owner: number;
  extra: number;
  groupId: number;
  channelId: number;
  documentId: number;
  eventId: number;
  registrationId: number;
  postId: number;
  commentId: number;
  ticketId: number;
  messageId: number;
  categoryId: number;
  /** An activity report of `member`'s. */
  reportId: number;
}

/** A world for one role: the group and what hangs off it, made by its owner; the role's actor. */
async function makeWorld(s: TestServer, role: Role): Promise<World> {
  const owner = await makeUserWithToken(s.db, { role: 'animator' });
  const extra = await makeUserWithToken(s.db);
  const group = await createGroup(s.url, owner.token, { visibility: 'private' });
  const as = (t: string) => api(s.url, { token: t });
  const actor =
    role === 'anonymous'
      ? null
      : role === 'pending'
        ? await makeUserWithToken(s.db, { status: 'pending' })
        : await makeUserWithToken(s.db, {
            role: role === 'animator' || role === 'hotline' || role === 'admin' ? role : 'member',
            chatOnly: role === 'chatOnly',
          });
  const member = role === 'member' ? actor! : await makeUserWithToken(s.db);
  for (const p of [member, extra]) await addToGroup(s.url, owner.token, group.id, p);
  const doc = await uploadDocument(s, owner, group.id, PNG, 'plan.png', { title: 'Plan' });
  const event = await createEvent(s, owner, group.id);
  const registration = await as(owner.token).post(`/api/events/${event.id}/registrations`, {});
  const post = (await as(owner.token).post(`/api/groups/${group.id}/posts`, { kind: 'article', title: 'Article', body: 'Texte.' })).body;
  const comment = (await as(owner.token).post(`/api/posts/${post.id}/comments`, { body: 'Commentaire.' })).body;
  const ownerSocket = await connect(s.url, owner.token);
  const message = await emitAck(ownerSocket, 'message:send', {
    channelId: group.channelId,
    body: 'Premier message',
    clientMsgId: crypto.randomUUID(),
  });
  const memberSocket = await connect(s.url, member.token);
  const ticket = await emitAck(memberSocket, 'hotline:open', { subject: 'Un souci', body: 'Bonjour.', clientMsgId: crypto.randomUUID() });
  ownerSocket.close();
  memberSocket.close();
  const categories = (await as(owner.token).get('/api/hotline/categories')).body;
  const report = (await as(member.token).post('/api/reports', reportBody())).body;
  return {
    token: actor?.token ?? null,
    owner: owner.user.id,
    extra: extra.user.id,
    groupId: group.id,
    channelId: group.channelId,
    documentId: doc.body.id ?? doc.body.document?.id,
    eventId: event.id,
    registrationId: registration.body.registrationId,
    postId: post.id ?? post.post?.id,
    commentId: comment.id ?? comment.comment?.id,
    ticketId: ticket.ticket.id,
    messageId: message.message.id,
    categoryId: (Array.isArray(categories) ? categories : (categories.items ?? []))[0]?.id ?? 999_999,
    reportId: report.id,
  };
}

/** The route's path with the world's ids. */
function fill(path: string, w: World): string {
  const byPrefix: Array<[RegExp, number | string]> = [
    [/^\/api\/groups\/:id/, w.groupId],
    [/^\/api\/documents\/:id/, w.documentId],
    [/^\/api\/events\/:id/, w.eventId],
    [/^\/api\/posts\/:id/, w.postId],
    [/^\/api\/comments\/:id/, w.commentId],
    [/^\/api\/attachments\/:id/, 999_999],
    [/^\/api\/channels\/:id/, w.channelId],
    [/^\/api\/hotline\/tickets\/:id/, w.ticketId],
    [/^\/api\/hotline\/categories\/:id/, w.categoryId],
    [/^\/api\/admin\/users\/:id/, w.extra],
    [/^\/api\/users\/:id/, w.owner],
    [/^\/api\/reports\/:id/, w.reportId],
  ];
  const id = byPrefix.find(([re]) => re.test(path))?.[1] ?? 999_999;
  return path
    .replace(':id', String(id))
    .replace(':userId', String(w.extra))
    .replace(':registrationId', String(w.registrationId))
    .replace(':file', 'inconnu.ics')
    .replace(':managerId', String(w.owner))
    .replace(':memberId', String(w.extra));
}

/** Reads, then writes, then deletions (the group's last), logout at the very end. */
function order(key: string): number {
  const [method, path] = key.split(' ') as [string, string];
  if (key === 'POST /api/auth/logout') return 5;
  if (method === 'GET') return 0;
  if (method !== 'DELETE') return 1;
  return path === '/api/groups/:id' ? 4 : path.startsWith('/api/groups/:id') ? 3 : 2;
}

function routesOf(s: TestServer): string[] {
  const keys = new Set<string>();
  for (const mw of s.app.koa.middleware as Array<{ router?: { stack: Array<{ path: string; methods: string[] }> } }>) {
    for (const layer of mw.router?.stack ?? []) for (const m of layer.methods) if (m !== 'HEAD') keys.add(`${m} ${layer.path}`);
  }
  return [...keys];
}

function eventsOf(s: TestServer): string[] {
  const domains = createRealtimeDomains(s.app.deps, null);
  const table: EventTable = new Map();
  for (const d of domains.list) d.events?.(table);
  void domains.stop();
  return [...table.keys()];
}

async function call(client: Api, key: string, w: World): Promise<number> {
  const [method, path] = key.split(' ') as [string, string];
  const url = fill(path, w);
  const body = BODIES[key]?.(w) ?? {};
  const res =
    method === 'GET'
      ? await client.get(url)
      : method === 'POST'
        ? await client.post(url, body)
        : method === 'PATCH'
          ? await client.patch(url, body)
          : method === 'PUT'
            ? await client.put(url, body)
            : await client.delete(url);
  return res.status;
}

for (const db of [process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite']) {
  describe(`permission matrix (${db}): every route and every socket event, per role`, function () {
    this.timeout(300_000);
    const s = useServer({ env: { MESSAGE_RATE_PER_10S: '100000', LOGIN_RATE_PER_IP: '100000' } });
    const print = process.env.MATRIX_PRINT === '1';

    it('has a row for every REST route of the router, and no row for a route that is gone', () => {
      const routes = routesOf(s);
      const missing = routes.filter((r) => !(r in ROUTES));
      const stale = Object.keys(ROUTES).filter((r) => !routes.includes(r));
      if (print) return;
      expect(missing, `routes without a row in test/server/permission-matrix.test.ts (ROUTES): ${missing.join(', ')}`).to.deep.equal([]);
      expect(stale, `rows of ROUTES for routes the router no longer has: ${stale.join(', ')}`).to.deep.equal([]);
    });

    it('has a row for every socket event of the hub, and no row for an event that is gone', () => {
      const events = eventsOf(s);
      const missing = events.filter((e) => !(e in EVENTS));
      const stale = Object.keys(EVENTS).filter((e) => !events.includes(e));
      if (print) return;
      expect(missing, `socket events without a row in test/server/permission-matrix.test.ts (EVENTS): ${missing.join(', ')}`).to.deep.equal(
        [],
      );
      expect(stale, `rows of EVENTS for events the hub no longer handles: ${stale.join(', ')}`).to.deep.equal([]);
    });

    it('answers each role as the matrix says, on every route and every event', async () => {
      const routes = routesOf(s).sort((a, b) => order(a) - order(b));
      const events = eventsOf(s);
      const got = new Map<string, Array<number | string>>();
      const gotEvents = new Map<string, string[]>();
      for (const role of ROLES) {
        const w = await makeWorld(s, role);
        const client = api(s.url, w.token ? { token: w.token } : {});
        // Socket events first: the REST pass ends with a logout.
        const refused = await connect(s.url, w.token ?? '').then(
          (sock) => (sock.close(), null),
          (err: Error) => err.message,
        );
        const socket = refused ? null : await connect(s.url, w.token!);
        for (const e of events) {
          let answer = refused ?? '';
          if (socket) {
            const ack = await emitRaw(socket, e, PAYLOADS[e]?.(w) ?? {}, 5000);
            answer = ack.ok ? 'ok' : ack.error.code;
          }
          gotEvents.set(e, [...(gotEvents.get(e) ?? []), answer]);
        }
        socket?.close();
        for (const r of routes) got.set(r, [...(got.get(r) ?? []), await call(client, r, w)]);
      }
      const keyOrder = (a: string, b: string) => a.split(' ')[1]!.localeCompare(b.split(' ')[1]!) || a.localeCompare(b);
      if (print) {
        const pad = (k: string, n: number) => `  '${k}':`.padEnd(n);
        console.log('const ROUTES: Record<string, Row> = {');
        for (const r of [...got.keys()].sort(keyOrder))
          console.log(
            `${pad(r, 57)}[${got
              .get(r)!
              .map((x) => String(x).padStart(3))
              .join(',  ')}],`,
          );
        console.log('};\n\nconst EVENTS: Record<string, EventRow> = {');
        for (const e of [...gotEvents.keys()].sort())
          console.log(
            `${pad(e, 24)}[${gotEvents
              .get(e)!
              .map((x) => `'${x}'`)
              .join(', ')}],`,
          );
        console.log('};');
        return;
      }
      const wrong: string[] = [];
      for (const [r, answers] of got) {
        const want = ROUTES[r];
        if (!want) continue;
        ROLES.forEach((role, i) => answers[i] !== want[i] && wrong.push(`${r} as ${role}: ${answers[i]}, expected ${want[i]}`));
      }
      for (const [e, answers] of gotEvents) {
        const want = EVENTS[e];
        if (!want) continue;
        ROLES.forEach((role, i) => answers[i] !== want[i] && wrong.push(`${e} as ${role}: ${answers[i]}, expected ${want[i]}`));
      }
      expect(wrong, 'answers that differ from the matrix').to.deep.equal([]);
    });
  });
}
