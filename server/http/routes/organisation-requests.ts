import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { communeQuery } from '../../protocol/reports';
import { invitationAcceptBody, organisationRequestBody, organisationRequestQuery, refuseRequestBody } from '../../protocol/organisations';
import {
  acceptOrganisationRequest,
  listRequests,
  refuseOrganisationRequest,
  submitOrganisationRequest,
} from '../../services/organisations/requests';
import { acceptInvitation } from '../../services/organisations/accounts';
import { searchCommunes } from '../../services/reports/communes';
import { presentOrganisationRequest } from '../../presenters/organisations';
import { presentUser } from '../../presenters/users';
import { communeOf, sheetColumns } from '../../services/organisations/sheet';
import { checkAntiRobot } from '../../security/anti-robot';
import { canReviewOrganisationRequests } from '../../access/organisations';
import { AttemptLimiter } from '../../security/attempt-limiter';
import { requireAccess, requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';
import type { NotificationBroadcasts } from '../../realtime/broadcasts/notifications';

/**
 * What needs no account (the access request form, its commune search, the
 * invitation's set-password link) and the admins' queue of requests.
 */
export function organisationRequestRoutes(deps: Deps, notices: NotificationBroadcasts): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api' });
  const rl = deps.config.rateLimits;
  // The form and its commune search are open to anyone: the same per-IP budget as signing in.
  const perIp = new AttemptLimiter(rl.loginPerIp, rl.windowSeconds);
  const communesPerIp = new AttemptLimiter(rl.loginPerIp * 20, rl.windowSeconds);
  const admin = [requireUser(), requireAccess(canReviewOrganisationRequests)] as const;

  router.get('/public/communes', async (ctx) => {
    const { q } = parseInput(communeQuery, ctx.query);
    await communesPerIp.consume(ctx.ip);
    ctx.body = { items: searchCommunes(q) };
  });

  router.post('/organisation-requests', async (ctx) => {
    const input = parseInput(organisationRequestBody, ctx.request.body);
    // The fields first (the commune too: its errors cost no proof of work), then the anti-robot answer, spent once.
    sheetColumns(input);
    await perIp.consume(ctx.ip);
    await checkAntiRobot(deps, input.altcha);
    // The admins' notices go live after the commit (the notification-mail job mails them).
    notices.pushed((await submitOrganisationRequest(deps, input)).notices);
    ctx.status = 202;
    ctx.body = { status: 'pending' };
  });

  router.post('/auth/invitation', async (ctx) => {
    const { token, password } = parseInput(invitationAcceptBody, ctx.request.body);
    ctx.body = { user: presentUser(await acceptInvitation(deps, token, password)) };
  });

  router.get('/admin/organisation-requests', ...admin, async (ctx) => {
    const { status } = parseInput(organisationRequestQuery, ctx.query);
    ctx.body = { items: (await listRequests(deps, status)).map((r) => presentOrganisationRequest(r, communeOf)) };
  });

  router.post('/admin/organisation-requests/:id/accept', ...admin, async (ctx) => {
    const id = parseInput(fields.id, ctx.params.id);
    ctx.body = presentOrganisationRequest(await acceptOrganisationRequest(deps, currentUser(ctx), id), communeOf);
  });

  router.post('/admin/organisation-requests/:id/refuse', ...admin, async (ctx) => {
    const id = parseInput(fields.id, ctx.params.id);
    const { reason } = parseInput(refuseRequestBody, ctx.request.body);
    ctx.body = presentOrganisationRequest(await refuseOrganisationRequest(deps, currentUser(ctx), id, reason), communeOf);
  });

  return router;
}
