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
import { fileForm, PNG } from '../helpers/uploads';
import { connect, emitAck, emitRaw } from '../helpers/sockets';
import { useServer } from '../helpers/suite';
import { createRealtimeDomains } from '../../server/realtime/domains';
import type { EventTable } from '../../server/realtime/hub-types';
import type { TestServer } from '../helpers/server';
import { reportBody } from '../helpers/reports';
import { firstFreeSlot, manageLinkSentTo, openBookingPage, OPEN_EVERY_DAY, visitorBody } from '../helpers/booking';
import { waitForOutbox } from '../helpers/outbox';
import { unsubscribeSigner } from '../../server/security/newsletter-tokens';

/** Retries `read` until it stops throwing (mails are written after the answer). */
async function waitFor<T>(read: () => T, timeoutMs = 3000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return read();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

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
  // Deleting `extra`, an ordinary member of the world, erases them (the admin's world only).
  'DELETE /api/admin/users/:id': [401, 401, 403, 403, 403, 403, 204, 403],
  'POST /api/auth/email-change/confirm': [400, 400, 400, 400, 400, 400, 400, 400],
  'POST /api/me/email': [401, 401, 400, 400, 400, 400, 400, 400],
  'GET /api/account-types': [200, 200, 200, 200, 200, 200, 200, 200],
  'POST /api/admin/account-types': [401, 401, 403, 403, 403, 403, 400, 403],
  'PATCH /api/admin/account-types/:key': [401, 401, 403, 403, 403, 403, 404, 403],
  'GET /api/admin/account-type-requests': [401, 401, 403, 403, 403, 403, 200, 403],
  'POST /api/admin/account-type-requests/:userId/accept': [401, 401, 403, 403, 403, 403, 404, 403],
  'POST /api/admin/account-type-requests/:userId/refuse': [401, 401, 403, 403, 403, 403, 400, 403],
  'GET /api/admin/organisation-requests': [401, 401, 403, 403, 403, 403, 200, 403],
  'POST /api/admin/organisation-requests/:id/accept': [401, 401, 403, 403, 403, 403, 404, 403],
  'POST /api/admin/organisation-requests/:id/refuse': [401, 401, 403, 403, 403, 403, 400, 403],
  'POST /api/auth/invitation': [400, 400, 400, 400, 400, 400, 400, 400],
  'GET /api/me/organisation': [401, 401, 200, 200, 200, 200, 200, 200],
  'POST /api/organisation-requests': [400, 400, 400, 400, 400, 400, 400, 400],
  // `extra` belongs to the world's organisation (no manager): only platform admins manage it.
  'GET /api/organisations': [401, 401, 200, 403, 200, 200, 200, 200],
  'GET /api/organisations/:id': [401, 401, 200, 403, 200, 200, 200, 200],
  'PATCH /api/organisations/:id': [401, 401, 404, 403, 404, 404, 200, 404],
  'GET /api/organisations/:id/members': [401, 401, 404, 403, 404, 404, 200, 404],
  'POST /api/organisations/:id/members': [401, 401, 404, 403, 404, 404, 201, 404],
  'DELETE /api/organisations/:id/members/:userId': [401, 401, 404, 403, 404, 404, 204, 404],
  'PATCH /api/organisations/:id/members/:userId': [401, 401, 404, 403, 404, 404, 200, 404],
  'GET /api/public/communes': [400, 400, 400, 400, 400, 400, 400, 400],
  // The world's article: a published pro article by the group's owner (an animator, who publishes directly).
  'GET /api/articles': [401, 401, 200, 403, 200, 200, 200, 200],
  'POST /api/articles': [401, 401, 201, 403, 201, 201, 201, 201],
  'GET /api/articles/:id': [401, 401, 200, 403, 200, 200, 200, 200],
  'PUT /api/articles/:id': [401, 401, 404, 403, 403, 404, 403, 404],
  'GET /api/articles/:id/image': [401, 401, 404, 403, 404, 404, 404, 404],
  'PUT /api/articles/:id/image': [401, 401, 404, 403, 403, 404, 403, 404],
  'DELETE /api/articles/:id/image': [401, 401, 404, 403, 403, 404, 403, 404],
  'GET /api/articles/:id/draft/image': [401, 401, 404, 403, 404, 404, 404, 404],
  'GET /api/public/articles/:id/image': [404, 404, 404, 404, 404, 404, 404, 404],
  'GET /api/articles/:id/draft': [401, 401, 404, 403, 200, 404, 200, 404],
  'POST /api/articles/:id/recommend': [401, 401, 202, 403, 202, 202, 202, 202],
  'GET /api/me/contents': [401, 401, 200, 403, 200, 200, 200, 200],
  'GET /api/moderation': [401, 401, 403, 403, 200, 403, 200, 403],
  'POST /api/moderation/:kind/:id': [401, 401, 404, 403, 409, 404, 409, 404],
  'GET /api/public/articles': [200, 200, 200, 200, 200, 200, 200, 200],
  'GET /api/public/articles/:id': [404, 404, 404, 404, 404, 404, 404, 404],
  'GET /api/sectors': [200, 200, 200, 200, 200, 200, 200, 200],
  'POST /api/admin/sectors': [401, 401, 403, 403, 403, 403, 400, 403],
  'PATCH /api/admin/sectors/:id': [401, 401, 403, 403, 403, 403, 400, 403],
  'POST /api/admin/users': [401, 401, 403, 403, 403, 403, 400, 403],
  'PATCH /api/admin/users/:id': [401, 401, 403, 403, 403, 403, 200, 403],
  'GET /api/anti-robot/challenge': [200, 200, 200, 200, 200, 200, 200, 200],
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
  'GET /api/booking/appointments': [401, 401, 200, 403, 200, 200, 200, 200],
  // Each world's appointment is booked with \`member\`: their own (200); anyone else's answers 404, as a missing one.
  'GET /api/booking/appointments/:id': [401, 401, 200, 403, 404, 404, 404, 404],
  'GET /api/booking/settings': [401, 401, 200, 403, 200, 200, 200, 200],
  'PUT /api/booking/settings': [401, 401, 200, 403, 200, 200, 200, 200],
  'GET /api/channels': [401, 401, 200, 200, 200, 200, 200, 200],
  'POST /api/channels': [401, 401, 403, 403, 201, 403, 201, 403],
  'PATCH /api/channels/:id': [401, 401, 403, 403, 404, 403, 404, 403],
  'GET /api/channels/:id/messages': [401, 401, 200, 404, 404, 404, 404, 404],
  'GET /api/channels/:id/pins': [401, 401, 200, 404, 404, 404, 404, 404],
  // A JSON body, not multipart: the member reaches the upload (400), everyone else stops at the channel (404).
  'GET /api/channels/:id/members': [401, 401, 200, 404, 404, 404, 404, 404],
  // A group's channel is not thematic: animators and admins reach the check (404), others are refused first.
  'POST /api/channels/:id/members': [401, 401, 403, 403, 404, 403, 404, 403],
  'POST /api/channels/:id/files': [401, 401, 400, 404, 404, 404, 404, 404],
  'GET /api/channels/thematic': [401, 401, 403, 403, 200, 403, 200, 403],
  'GET /api/messages/:id/thread': [401, 401, 200, 404, 404, 404, 404, 404],
  'GET /api/threads': [401, 401, 200, 200, 200, 200, 200, 200],
  'GET /api/message-files/:id': [401, 401, 404, 404, 404, 404, 404, 404],
  'GET /api/message-files/:id/thumbnail': [401, 401, 404, 404, 404, 404, 404, 404],
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
  'GET /api/help/faq': [200, 200, 200, 200, 200, 200, 200, 200],
  'POST /api/help/faq': [401, 401, 403, 403, 403, 403, 201, 403],
  'DELETE /api/help/faq/:id': [401, 401, 403, 403, 403, 403, 204, 403],
  'PATCH /api/help/faq/:id': [401, 401, 403, 403, 403, 403, 200, 403],
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
  'GET /api/favorites': [401, 401, 200, 403, 200, 200, 200, 200],
  // The resource library: the world's resource is a published pro file of the owner's (an animator).
  'GET /api/public/resources': [200, 200, 200, 200, 200, 200, 200, 200],
  'GET /api/public/resources/:id': [404, 404, 404, 404, 404, 404, 404, 404],
  'GET /api/public/resources/:id/open': [404, 404, 404, 404, 404, 404, 404, 404],
  'GET /api/resource-applications': [200, 200, 200, 200, 200, 200, 200, 200],
  'POST /api/admin/resource-applications': [401, 401, 403, 403, 403, 403, 400, 403],
  'PATCH /api/admin/resource-applications/:id': [401, 401, 403, 403, 403, 403, 400, 403],
  'GET /api/resources': [401, 401, 200, 403, 200, 200, 200, 200],
  'POST /api/resources': [401, 401, 201, 403, 201, 201, 201, 201],
  'GET /api/resources/:id': [401, 401, 200, 403, 200, 200, 200, 200],
  'GET /api/resources/:id/open': [401, 401, 200, 403, 200, 200, 200, 200],
  'GET /api/resources/:id/draft': [401, 401, 404, 403, 200, 404, 200, 404],
  'GET /api/resources/:id/draft/file': [401, 401, 404, 403, 200, 404, 200, 404],
  'PUT /api/resources/:id': [401, 401, 404, 403, 403, 404, 403, 404],
  'GET /api/me/resources': [401, 401, 200, 403, 200, 200, 200, 200],
  'POST /api/resources/:id/recommend': [401, 401, 202, 403, 202, 202, 202, 202],
  // Promoting the group's document: its plain member may not (403), those outside the private group never see it.
  'POST /api/documents/:id/promote': [401, 401, 403, 403, 404, 404, 404, 404],
  'PUT /api/favorites/:kind/:id': [401, 401, 200, 403, 404, 404, 404, 404],
  'DELETE /api/favorites/:kind/:id': [401, 401, 200, 403, 200, 200, 200, 200],
  'GET /api/search': [401, 401, 200, 200, 200, 200, 200, 200],
  'GET /api/search/:type': [401, 401, 200, 200, 200, 200, 200, 200],
  'GET /api/reports': [401, 401, 200, 403, 200, 200, 200, 200],
  'POST /api/reports': [401, 401, 201, 403, 201, 201, 201, 201],
  // Public booking (no account): the world's page and the secret of its appointment's mail.
  'POST /api/public/appointments/cancel': [200, 200, 200, 200, 200, 200, 200, 200],
  'POST /api/public/appointments/lookup': [200, 200, 200, 200, 200, 200, 200, 200],
  'POST /api/public/appointments/move': [400, 400, 400, 400, 400, 400, 400, 400],
  'GET /api/public/booking/:slug': [200, 200, 200, 200, 200, 200, 200, 200],
  'POST /api/public/booking/:slug/appointments': [400, 400, 400, 400, 400, 400, 400, 400],
  'DELETE /api/reports/:id': [401, 401, 204, 403, 404, 404, 404, 404],
  'GET /api/reports/:id': [401, 401, 200, 403, 404, 404, 404, 404],
  'PUT /api/reports/:id': [401, 401, 200, 403, 404, 404, 404, 404],
  'GET /api/reports/export.csv': [401, 401, 200, 403, 200, 200, 200, 200],
  'GET /api/reports/export.xlsx': [401, 401, 200, 403, 200, 200, 200, 200],
  'GET /api/reports/stats': [401, 401, 200, 403, 200, 200, 200, 200],
  'GET /api/users/:id': [401, 401, 200, 403, 200, 200, 200, 200],
  'GET /api/users/:id/avatar': [401, 401, 404, 404, 404, 404, 404, 404],
  // Communities (#21): the world's group is private, so whoever is outside it (even an animator or admin) gets 404.
  'GET /api/group-suggestions': [401, 401, 200, 403, 200, 200, 200, 200],
  'DELETE /api/group-suggestions/:id': [401, 401, 204, 403, 404, 404, 404, 404],
  'GET /api/groups/:id/community': [401, 401, 200, 403, 404, 404, 404, 404],
  'PUT /api/groups/:id/community': [401, 401, 403, 403, 404, 404, 404, 404],
  'GET /api/groups/:id/forum': [401, 401, 200, 403, 404, 404, 404, 404],
  'GET /api/groups/:id/links': [401, 401, 200, 403, 404, 404, 404, 404],
  'POST /api/groups/:id/links': [401, 401, 403, 403, 404, 404, 404, 404],
  'DELETE /api/groups/:id/links/:linkId': [401, 401, 403, 403, 404, 404, 404, 404],
  'PATCH /api/groups/:id/links/:linkId': [401, 401, 403, 403, 404, 404, 404, 404],
  'DELETE /api/groups/:id/picture': [401, 401, 403, 403, 404, 404, 404, 404],
  'GET /api/groups/:id/picture': [401, 401, 404, 403, 404, 404, 404, 404],
  'PUT /api/groups/:id/picture': [401, 401, 403, 403, 404, 404, 404, 404],
  'GET /api/groups/:id/references': [401, 401, 200, 403, 404, 404, 404, 404],
  'DELETE /api/groups/:id/references/:documentId': [401, 401, 403, 403, 404, 404, 404, 404],
  'PUT /api/groups/:id/references/:documentId': [401, 401, 403, 403, 404, 404, 404, 404],
  'GET /api/groups/:id/subgroups': [401, 401, 200, 403, 404, 404, 404, 404],
  'POST /api/groups/:id/visit': [401, 401, 200, 403, 404, 404, 404, 404],
  'PUT /api/me/notification-settings/groups/:id': [401, 401, 200, 403, 404, 404, 404, 404],
  'PUT /api/posts/:id/accepted-answer': [401, 401, 403, 403, 404, 404, 404, 404],
  // Project sheets (#22): the world's sheet is a créateur's, shared with `member` (a validated territorial animator there):
  // `member` reads and comments (and is refused the creator's actions: 403), everyone else gets 404, admins included.
  'GET /api/project-sheets': [401, 401, 200, 403, 200, 200, 200, 200],
  'POST /api/project-sheets': [401, 401, 403, 403, 403, 403, 403, 403],
  'GET /api/accompaniments': [401, 401, 200, 403, 200, 200, 200, 200],
  'GET /api/project-sheets/:id': [401, 401, 200, 403, 404, 404, 404, 404],
  'PATCH /api/project-sheets/:id': [401, 401, 403, 403, 404, 404, 404, 404],
  'DELETE /api/project-sheets/:id': [401, 401, 403, 403, 404, 404, 404, 404],
  'POST /api/project-sheets/:id/visit': [401, 401, 200, 403, 404, 404, 404, 404],
  'GET /api/project-sheets/:id/files': [401, 401, 200, 403, 404, 404, 404, 404],
  'POST /api/project-sheets/:id/files': [401, 401, 403, 403, 404, 404, 404, 404],
  'GET /api/project-sheets/:id/files/:childId': [401, 401, 200, 403, 404, 404, 404, 404],
  'DELETE /api/project-sheets/:id/files/:childId': [401, 401, 403, 403, 404, 404, 404, 404],
  'GET /api/project-sheets/:id/canvas': [401, 401, 200, 403, 404, 404, 404, 404],
  'POST /api/project-sheets/:id/postits': [401, 401, 403, 403, 404, 404, 404, 404],
  'PATCH /api/project-sheets/:id/postits/:childId': [401, 401, 403, 403, 404, 404, 404, 404],
  'DELETE /api/project-sheets/:id/postits/:childId': [401, 401, 403, 403, 404, 404, 404, 404],
  'POST /api/project-sheets/:id/postits/:childId/move': [401, 401, 403, 403, 404, 404, 404, 404],
  'GET /api/project-sheets/:id/comments': [401, 401, 200, 403, 404, 404, 404, 404],
  'POST /api/project-sheets/:id/comments': [401, 401, 201, 403, 404, 404, 404, 404],
  'GET /api/project-sheets/:id/shares': [401, 401, 403, 403, 404, 404, 404, 404],
  'POST /api/project-sheets/:id/shares': [401, 401, 403, 403, 404, 404, 404, 404],
  'DELETE /api/project-sheets/:id/shares/:childId': [401, 401, 403, 403, 404, 404, 404, 404],
  'GET /api/public/orientation': [200, 200, 200, 200, 200, 200, 200, 200],
  // Events as published contents (#16/#18): the world's event is a pro event of the private group (made by its owner).
  'POST /api/events': [401, 401, 201, 403, 404, 404, 404, 404],
  'PATCH /api/events/:id/content': [401, 401, 403, 403, 404, 404, 404, 404],
  'POST /api/events/:id/sessions': [401, 401, 403, 403, 404, 404, 404, 404],
  'PATCH /api/events/:id/sessions/:sessionId': [401, 401, 403, 403, 404, 404, 404, 404],
  'DELETE /api/events/:id/sessions/:sessionId': [401, 401, 403, 403, 404, 404, 404, 404],
  'GET /api/events/:id/image': [401, 401, 404, 403, 404, 404, 404, 404],
  'PUT /api/events/:id/image': [401, 401, 403, 403, 404, 404, 404, 404],
  'DELETE /api/events/:id/image': [401, 401, 403, 403, 404, 404, 404, 404],
  'POST /api/events/:id/files': [401, 401, 403, 403, 404, 404, 404, 404],
  'GET /api/events/:id/files/:fileId': [401, 401, 404, 403, 404, 404, 404, 404],
  'DELETE /api/events/:id/files/:fileId': [401, 401, 403, 403, 404, 404, 404, 404],
  'GET /api/events/:id/registrations.xlsx': [401, 401, 403, 403, 404, 404, 404, 404],
  'GET /api/me/organised-events': [401, 401, 200, 403, 200, 200, 200, 200],
  'GET /api/me/organised-events/registrations.csv': [401, 401, 200, 403, 200, 200, 200, 200],
  'GET /api/me/organised-events/registrations.xlsx': [401, 401, 200, 403, 200, 200, 200, 200],
  // Public events (no account): a pro event is 404 to everyone here; the forms answer 400 without their fields.
  'GET /api/public/events': [200, 200, 200, 200, 200, 200, 200, 200],
  'GET /api/public/events/:id': [404, 404, 404, 404, 404, 404, 404, 404],
  'GET /api/public/events/:id/image': [404, 404, 404, 404, 404, 404, 404, 404],
  'GET /api/public/events/:id/files/:fileId': [404, 404, 404, 404, 404, 404, 404, 404],
  'POST /api/public/events/:id/registrations': [400, 400, 400, 400, 400, 400, 400, 400],
  'POST /api/public/event-registrations/lookup': [400, 400, 400, 400, 400, 400, 400, 400],
  'POST /api/public/event-registrations/cancel': [400, 400, 400, 400, 400, 400, 400, 400],
  // #16: a member asks for another account type after sign-up; #21: sign-up rules (allowed e-mail domains).
  'POST /api/me/account-type': [401, 401, 202, 202, 202, 202, 202, 202],
  'DELETE /api/me/account-type-request': [401, 401, 200, 200, 200, 200, 200, 200],
  'GET /api/signup-rules': [200, 200, 200, 200, 200, 200, 200, 200],
  'PUT /api/admin/signup-rules': [401, 401, 403, 403, 403, 403, 200, 403],
  // Resending a set-password link: only to pending accounts (the worlds' accounts are active: 409).
  'POST /api/admin/users/:id/welcome': [401, 401, 403, 403, 403, 403, 409, 403],
  'POST /api/organisations/:id/members/:userId/invitation': [401, 401, 404, 403, 404, 404, 409, 404],
  // The world's poll, by the group's owner: `member` votes (has not yet when reading: no results for the CSV).
  'GET /api/polls/:id': [401, 401, 200, 403, 404, 404, 404, 404],
  'PUT /api/polls/:id/vote': [401, 401, 200, 403, 404, 404, 404, 404],
  'DELETE /api/polls/:id/vote': [401, 401, 200, 403, 404, 404, 404, 404],
  'POST /api/polls/:id/close': [401, 401, 403, 403, 404, 404, 404, 404],
  'GET /api/polls/:id/results.csv': [401, 401, 403, 403, 404, 404, 404, 404],
  // « Suggestions »: the world's suggestion is the owner's; admins alone decide a status or delete someone else's.
  'GET /api/suggestions': [401, 401, 200, 403, 200, 200, 200, 200],
  'POST /api/suggestions': [401, 401, 201, 403, 201, 201, 201, 201],
  'GET /api/suggestions/:id': [401, 401, 200, 403, 200, 200, 200, 200],
  'PUT /api/suggestions/:id/vote': [401, 401, 200, 403, 200, 200, 200, 200],
  'DELETE /api/suggestions/:id/vote': [401, 401, 200, 403, 200, 200, 200, 200],
  'POST /api/suggestions/:id/status': [401, 401, 403, 403, 403, 403, 200, 403],
  'DELETE /api/suggestions/:id': [401, 401, 403, 403, 403, 403, 204, 403],
  // Centres of interest and newsletters: the world's theme, and a draft issue of the owner's (an animator).
  'GET /api/interest-themes': [401, 401, 200, 200, 200, 200, 200, 200],
  'POST /api/admin/interest-themes': [401, 401, 403, 403, 403, 403, 201, 403],
  'PATCH /api/admin/interest-themes/:id': [401, 401, 403, 403, 403, 403, 200, 403],
  'DELETE /api/admin/interest-themes/:id': [401, 401, 403, 403, 403, 403, 204, 403],
  'GET /api/me/interests': [401, 401, 200, 200, 200, 200, 200, 200],
  'PUT /api/me/interests': [401, 401, 200, 200, 200, 200, 200, 200],
  'GET /api/newsletters': [401, 401, 200, 403, 200, 200, 200, 200],
  'POST /api/newsletters': [401, 401, 403, 403, 201, 403, 201, 403],
  'GET /api/newsletter-contents': [401, 401, 403, 403, 200, 403, 200, 403],
  'GET /api/newsletters/:id': [401, 401, 404, 403, 200, 404, 200, 404],
  'PUT /api/newsletters/:id': [401, 401, 404, 403, 200, 404, 200, 404],
  'DELETE /api/newsletters/:id': [401, 401, 404, 403, 204, 404, 204, 404],
  'GET /api/newsletters/:id/preview': [401, 401, 404, 403, 200, 404, 200, 404],
  'POST /api/newsletters/:id/test': [401, 401, 404, 403, 200, 404, 200, 404],
  // Nobody subscribed to the world's theme: a composer is told so, anyone else sees no draft.
  'POST /api/newsletters/:id/send': [401, 401, 404, 403, 422, 404, 422, 404],
  // The draft has no failed delivery: a composer is told so, anyone else sees no such issue.
  'POST /api/newsletters/:id/retry': [401, 401, 404, 403, 422, 404, 422, 404],
  // The one-click unsubscribe needs no account: the signed token (for `extra`) is the proof.
  'GET /api/newsletter-unsubscribe/:token': [200, 200, 200, 200, 200, 200, 200, 200],
  'POST /api/newsletter-unsubscribe/:token': [200, 200, 200, 200, 200, 200, 200, 200],
  'POST /lettres/desabonnement/:token': [200, 200, 200, 200, 200, 200, 200, 200],
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
  'channel:unread': ['unauthorized', 'unauthorized', 'ok', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  'thread:follow': ['unauthorized', 'unauthorized', 'ok', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  'thread:read': ['unauthorized', 'unauthorized', 'ok', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  'reaction:toggle': ['unauthorized', 'unauthorized', 'ok', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  'message:unpin': ['unauthorized', 'unauthorized', 'forbidden', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  'presence:get': ['unauthorized', 'unauthorized', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  'presence:set': ['unauthorized', 'unauthorized', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  'users:get': ['unauthorized', 'unauthorized', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  'presence:subscribe': ['unauthorized', 'unauthorized', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  typing: ['unauthorized', 'unauthorized', 'ok', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  'sheet:watch': ['unauthorized', 'unauthorized', 'ok', 'not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  'sheet:unwatch': ['unauthorized', 'unauthorized', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
};

/** Bodies for the routes whose access check comes after the payload check (ids from the world). */
const RESOURCE_LINK = {
  title: 'Une ressource',
  description: 'Un lien utile.',
  type: 'outil',
  format: 'link',
  url: 'https://exemple.fr/outil',
  access: 'pro',
};

const BODIES: Record<string, (w: World) => unknown> = {
  'POST /api/auth/register': () => ({
    email: `m-${crypto.randomBytes(4).toString('hex')}@exemple.fr`,
    password: 'Matrice-2026',
    firstName: 'Mat',
    lastName: 'Rix',
    username: `m.${crypto.randomBytes(4).toString('hex')}`,
    departmentCode: '75',
  }),
  // A fresh address each time: one address's repeated failures would ask for the anti-robot check (400).
  'POST /api/auth/login': () => ({ email: `personne-${crypto.randomBytes(4).toString('hex')}@exemple.fr`, password: 'Mauvais-1' }),
  'POST /api/auth/password-reset': () => ({ email: 'personne@exemple.fr' }),
  'PUT /api/booking/settings': () => OPEN_EVERY_DAY,
  'POST /api/events': (w) => ({
    groupId: w.groupId,
    title: 'Atelier du monde',
    access: 'pro',
    placeName: 'Salle',
    sessions: [{ startsAt: '2030-01-10T09:00:00Z', endsAt: '2030-01-10T11:00:00Z', capacity: 3 }],
  }),
  'POST /api/events/:id/sessions': () => ({ startsAt: '2030-01-11T09:00:00Z', endsAt: '2030-01-11T11:00:00Z' }),
  'POST /api/public/appointments/lookup': (w) => ({ token: w.appointmentToken }),
  'POST /api/public/appointments/cancel': (w) => ({ token: w.appointmentToken }),
  'PATCH /api/me': () => ({ city: 'Lyon' }),
  'PUT /api/groups/:id/community': () => ({ isCommunity: true }),
  'POST /api/groups/:id/links': () => ({ title: 'Lien', url: 'https://exemple.fr' }),
  'PATCH /api/groups/:id/links/:linkId': () => ({ title: 'Lien' }),
  'PUT /api/posts/:id/accepted-answer': () => ({ commentId: null }),
  'PUT /api/me/notification-settings/groups/:id': () => ({ frequency: 'daily' }),
  // A type that waits for validation: the rights in force (what the other rows test) stay the same.
  'POST /api/me/account-type': () => ({ accountType: 'professionnel' }),
  // An empty list: sign-up stays open for the rows that register.
  'PUT /api/admin/signup-rules': () => ({ allowedDomains: [] }),
  'POST /api/admin/interest-themes': () => ({ label: `Thème ${crypto.randomBytes(4).toString('hex')}` }),
  'PATCH /api/admin/interest-themes/:id': () => ({ label: `Thème ${crypto.randomBytes(4).toString('hex')}` }),
  'PUT /api/me/interests': (w) => ({ interests: [w.themeId], subscriptions: [] }),
  'POST /api/newsletters': (w) => ({ title: 'Lettre du monde', intro: '', themeIds: [w.themeId], items: [] }),
  'PUT /api/newsletters/:id': (w) => ({ title: 'Lettre du monde', intro: 'Bonjour.', themeIds: [w.themeId], items: [] }),
  'POST /api/help/faq': () => ({ category: 'Compte', question: 'Comment changer mon mot de passe ?', answer: 'Depuis **Mon profil**.' }),
  'PATCH /api/help/faq/:id': () => ({ question: 'Une question reformulée ?' }),
  // A wrong current password: everyone signed in reaches the check (400 wrong_password), nobody's password changes.
  'POST /api/me/password': () => ({ currentPassword: 'Pas-le-bon-1', newPassword: 'Nouveau-Secret9' }),
  'POST /api/channels': () => ({ name: `Salon ${crypto.randomBytes(3).toString('hex')}` }),
  'PATCH /api/channels/:id': () => ({ description: 'Revu.' }),
  'POST /api/channels/:id/members': (w) => ({ username: w.extraUsername }),
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
  'PATCH /api/organisations/:id': () => ({ type: 'mairie', name: 'Mairie de Matrice', communeCode: '69266' }),
  'POST /api/organisations/:id/members': () => ({
    firstName: 'Mat',
    lastName: 'Rix',
    email: `org-${crypto.randomBytes(4).toString('hex')}@exemple.fr`,
    function: 'DGS',
  }),
  'PATCH /api/organisations/:id/members/:userId': () => ({ function: 'DGS' }),
  'POST /api/articles': () => ({ title: 'Un article', summary: 'En bref.', body: 'Texte.', access: 'pro' }),
  'PUT /api/articles/:id': () => ({ title: 'Un article', summary: 'En bref.', body: 'Texte revu.', access: 'pro' }),
  'POST /api/articles/:id/recommend': () => ({ email: `ami-${crypto.randomBytes(4).toString('hex')}@exemple.fr` }),
  'POST /api/resources': () => ({ ...RESOURCE_LINK }),
  'PUT /api/resources/:id': () => ({ ...RESOURCE_LINK }),
  'POST /api/documents/:id/promote': () => ({ type: 'guide', access: 'pro' }),
  'POST /api/resources/:id/recommend': () => ({ email: `ami-${crypto.randomBytes(4).toString('hex')}@exemple.fr` }),
  'POST /api/moderation/:kind/:id': () => ({ decision: 'publish' }),
  'POST /api/project-sheets': () => ({ title: 'Un projet', stage: 'idee' }),
  'PATCH /api/project-sheets/:id': () => ({ title: 'Revu' }),
  'POST /api/project-sheets/:id/postits': () => ({ block: 'canaux', text: 'Un post-it' }),
  'PATCH /api/project-sheets/:id/postits/:childId': () => ({ text: 'Revu' }),
  'POST /api/project-sheets/:id/postits/:childId/move': () => ({ block: 'couts', position: 0 }),
  'POST /api/project-sheets/:id/comments': () => ({ subject: 'Une question', body: 'Un commentaire.' }),
  'POST /api/project-sheets/:id/shares': () => ({ email: `pro-${crypto.randomBytes(4).toString('hex')}@exemple.fr` }),
  'PUT /api/polls/:id/vote': (w) => ({ optionIds: [w.pollOptionId] }),
  'POST /api/suggestions': () => ({ title: 'Une idée', body: 'Pour le réseau.' }),
  'POST /api/suggestions/:id/status': () => ({ status: 'planned', reason: 'Prévue.' }),
};

/** Payloads for the socket events (ids from the world). */
const PAYLOADS: Record<string, (w: World) => unknown> = {
  'message:send': (w) => ({ channelId: w.channelId, body: 'Bonjour', clientMsgId: crypto.randomUUID() }),
  'message:edit': (w) => ({ messageId: w.messageId, body: 'Revu' }),
  'message:delete': (w) => ({ messageId: w.messageId }),
  'message:pin': (w) => ({ messageId: w.messageId }),
  'message:unpin': (w) => ({ messageId: w.messageId }),
  'reaction:toggle': (w) => ({ messageId: w.messageId, emoji: '👍' }),
  'channel:unread': (w) => ({ messageId: w.messageId }),
  'thread:follow': (w) => ({ messageId: w.messageId, follow: true }),
  'thread:read': (w) => ({ messageId: w.messageId }),
  'channel:join': (w) => ({ channelId: w.channelId }),
  'channel:leave': (w) => ({ channelId: w.channelId }),
  'channel:sync': (w) => ({ channelId: w.channelId, afterSeq: 0 }),
  'channel:read': (w) => ({ channelId: w.channelId, seq: 1 }),
  'channel:favorite': (w) => ({ channelId: w.channelId, favorite: true }),
  typing: (w) => ({ channelId: w.channelId }),
  'dm:open': (w) => ({ userId: w.owner }),
  'presence:set': () => ({ status: 'away' }),
  'presence:get': (w) => ({ userIds: [w.owner] }),
  'presence:subscribe': (w) => ({ userIds: [w.owner] }),
  'sheet:watch': (w) => ({ sheetId: w.sheet.id }),
  'sheet:unwatch': (w) => ({ sheetId: w.sheet.id }),
  'users:get': (w) => ({ userIds: [w.owner] }),
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
  extraUsername: string;
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
  /** `member`'s booking page, an appointment booked on it and the secret of its visitor's link. */
  bookingSlug: string;
  appointmentId: number;
  appointmentToken: string;
  /** An organisation `extra` belongs to (without managing it). */
  organisationId: number;
  /** A published pro article of the owner's. */
  articleId: number;
  /** A FAQ entry of the help centre. */
  faqId: number;
  /** A créateur's project sheet shared with `member`, with a post-it, a file and the share. */
  sheet: { id: number; postitId: number; fileId: number; shareId: number };
  /** A published pro file resource of the owner's. */
  resourceId: number;
  /** A poll of the owner's in the group, one of its options, and a suggestion of the owner's. */
  pollId: number;
  pollOptionId: number;
  suggestionId: number;
  /** A centre of interest of this world, a draft newsletter to it, and `extra`'s unsubscribe token for it. */
  themeId: number;
  newsletterId: number;
  unsubscribeToken: string;
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
  const poll = (
    await as(owner.token).post(`/api/groups/${group.id}/posts`, { kind: 'poll', title: 'Sondage ?', poll: { options: ['A', 'B'] } })
  ).body;
  const pollView = (await as(owner.token).get(`/api/polls/${poll.id}`)).body;
  const suggestion = (await as(owner.token).post('/api/suggestions', { title: 'Idée du monde', body: 'Texte.' })).body;
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
  const booking = await openBookingPage(s.url, member.token);
  const email = `visiteur-${crypto.randomBytes(4).toString('hex')}@exemple.fr`;
  await api(s.url).post(
    `/api/public/booking/${booking.slug}/appointments`,
    await visitorBody(s.url, await firstFreeSlot(s.url, booking.slug), { email }),
  );
  const appointment = await s.db('appointments').where({ email }).first();
  await waitForOutbox(s.outboxDir, 1);
  const { token: appointmentToken } = await waitFor(() => manageLinkSentTo(s.outboxDir, email));
  const now = new Date();
  const [organisation] = await s
    .db('organisations')
    .insert({ type: 'mairie', name: 'Mairie du monde', commune_code: '69266', department_code: '69', created_at: now, updated_at: now })
    .returning('id');
  const organisationId = Number((organisation as { id: number }).id ?? organisation);
  await s
    .db('organisation_members')
    .insert({ organisation_id: organisationId, user_id: extra.user.id, manages_members: false, created_at: now });
  const article = (
    await as(owner.token).post('/api/articles', {
      title: 'Article du monde',
      summary: 'En bref.',
      body: 'Texte.',
      access: 'pro',
      submit: true,
    })
  ).body;
  const resource = await as(owner.token).post(
    '/api/resources',
    fileForm(PNG, 'fiche.png', 'image/png', {
      data: JSON.stringify({ ...RESOURCE_LINK, title: 'Fiche du monde', format: 'file', url: null, submit: true }),
    }),
  );
  const [faq] = await s
    .db('faq_entries')
    .insert({
      category: 'Compte',
      question: 'Une question ?',
      answer: 'Une réponse.',
      position: 1,
      search_text: 'une question',
      created_at: now,
      updated_at: now,
    })
    .returning('id');
  const creator = await makeUserWithToken(s.db);
  await s.db('users').where({ id: creator.user.id }).update({ account_type: 'createur' });
  // A territorial animator (a professional type that accompanies creators) may still ask for `professionnel` (the account-type rows).
  await s.db('users').where({ id: member.user.id }).update({ account_type: 'animateur_territorial' });
  const sheetId = (await as(creator.token).post('/api/project-sheets', { title: 'Projet du monde', stage: 'idee' })).body.id;
  const postitId = (await as(creator.token).post(`/api/project-sheets/${sheetId}/postits`, { block: 'canaux', text: 'Marchés' })).body.id;
  const fileId = (await as(creator.token).post(`/api/project-sheets/${sheetId}/files`, fileForm(PNG, 'plan.png', 'image/png'))).body.id;
  const shareId = (await as(creator.token).post(`/api/project-sheets/${sheetId}/shares`, { email: member.user.email })).body.id;
  const [theme] = await s
    .db('interest_themes')
    .insert({ label: `Monde ${crypto.randomBytes(4).toString('hex')}`, position: 99, created_at: now })
    .returning('id');
  const themeId = Number((theme as { id: number }).id ?? theme);
  const newsletter = (await as(owner.token).post('/api/newsletters', { title: 'Lettre', intro: '', themeIds: [themeId], items: [] })).body;
  const unsubscribeToken = (await unsubscribeSigner(s.config))(newsletter.id, extra.user.id);
  return {
    sheet: { id: sheetId, postitId, fileId, shareId },
    themeId,
    newsletterId: newsletter.id,
    unsubscribeToken,
    token: actor?.token ?? null,
    owner: owner.user.id,
    extra: extra.user.id,
    extraUsername: extra.user.username,
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
    bookingSlug: booking.slug,
    appointmentId: appointment.id,
    appointmentToken,
    organisationId,
    articleId: article.id,
    faqId: Number((faq as { id: number }).id ?? faq),
    resourceId: resource.body.id,
    pollId: poll.id,
    pollOptionId: pollView.options[0].id,
    suggestionId: suggestion.id,
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
    [/^\/api\/messages\/:id/, w.messageId],
    [/^\/api\/channels\/:id/, w.channelId],
    [/^\/api\/hotline\/tickets\/:id/, w.ticketId],
    [/^\/api\/hotline\/categories\/:id/, w.categoryId],
    [/^\/api\/admin\/users\/:id/, w.extra],
    [/^\/api\/users\/:id/, w.owner],
    [/^\/api\/reports\/:id/, w.reportId],
    [/^\/api\/booking\/appointments\/:id/, w.appointmentId],
    [/^\/api\/organisations\/:id/, w.organisationId],
    [/^\/api\/articles\/:id/, w.articleId],
    [/^\/api\/moderation\/:kind\/:id/, w.articleId],
    [/^\/api\/public\/articles\/:id/, w.articleId],
    [/^\/api\/public\/events\/:id/, w.eventId],
    [/^\/api\/favorites\/:kind\/:id/, w.postId],
    [/^\/api\/help\/faq\/:id/, w.faqId],
    [/^\/api\/project-sheets\/:id/, w.sheet.id],
    [/^\/api\/resources\/:id/, w.resourceId],
    [/^\/api\/public\/resources\/:id/, w.resourceId],
    [/^\/api\/polls\/:id/, w.pollId],
    [/^\/api\/suggestions\/:id/, w.suggestionId],
    [/^\/api\/me\/notification-settings\/groups\/:id/, w.groupId],
    [/^\/api\/group-suggestions\/:id/, w.groupId],
    [/^\/api\/admin\/interest-themes\/:id/, w.themeId],
    [/^\/api\/newsletters\/:id/, w.newsletterId],
  ];
  const id = byPrefix.find(([re]) => re.test(path))?.[1] ?? 999_999;
  // Search needs its text to reach the access rules (which filter rows, never refuse a signed-in account).
  if (path.startsWith('/api/search')) return `${path.replace(':type', 'messages')}?q=message`;
  return path
    .replace(':kind', path.startsWith('/api/moderation/') ? 'article' : 'post')
    .replace(':key', 'inconnu')
    .replace(':id', String(id))
    .replace(':userId', String(w.extra))
    .replace(':registrationId', String(w.registrationId))
    .replace(':sessionId', '999999')
    .replace(':fileId', '999999')
    .replace(':file', 'inconnu.ics')
    .replace(':managerId', String(w.owner))
    .replace(':memberId', String(w.extra))
    .replace(':slug', w.bookingSlug)
    .replace(':linkId', '999999')
    .replace(':documentId', String(w.documentId))
    .replace(
      ':childId',
      String(path.includes('/files/') ? w.sheet.fileId : path.includes('/postits/') ? w.sheet.postitId : w.sheet.shareId),
    )
    .replace(/^(\/api\/newsletter-unsubscribe|\/lettres\/desabonnement)\/:token$/, `$1/${w.unsubscribeToken}`);
}

/** Reads, then writes, then deletions (the group's last, then the account erasure), logout at the very end. */
function order(key: string): number {
  const [method, path] = key.split(' ') as [string, string];
  if (key === 'POST /api/auth/logout') return 5;
  // Erasing `extra` (an account the other rows use) comes after every other deletion.
  if (key === 'DELETE /api/admin/users/:id') return 4.5;
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
  const domains = createRealtimeDomains(s.app.deps, { redis: null, clusterWorker: false });
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
    const s = useServer({
      env: {
        MESSAGE_RATE_PER_10S: '100000',
        LOGIN_RATE_PER_IP: '100000',
        BOOKING_RATE_PER_IP: '100000',
        EVENT_REGISTRATION_RATE_PER_IP: '100000',
      },
    });
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
