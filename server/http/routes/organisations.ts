import Router from '@koa/router';
import type { Deps } from '../../deps';
import type { Realtime } from '../../realtime/types';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import {
  organisationBody,
  organisationMemberBody,
  organisationMemberChangeBody,
  organisationSearchQuery,
} from '../../protocol/organisations';
import { editOrganisation, getOrganisation, myOrganisation, searchDirectory } from '../../services/organisations/organisations';
import {
  resendOrganisationInvitation,
  changeOrganisationMember,
  createOrganisationMember,
  listOrganisationMembers,
  removeOrganisationMember,
} from '../../services/organisations/members';
import { requireFullMember, requireUser } from '../middleware/auth';
import { currentUser, type AppContext, type AppState } from '../context';

/** The directory of organisations, a sheet, and the members its managers administer. */
export function organisationRoutes(deps: Deps, realtime: Realtime): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api' });
  const auth = [requireUser(), requireFullMember] as const;
  const orgId = (ctx: AppContext) => parseInput(fields.id, ctx.params.id);
  const userId = (ctx: AppContext) => parseInput(fields.id, ctx.params.userId);

  router.get('/me/organisation', requireUser(), async (ctx) => {
    ctx.body = { organisation: await myOrganisation(deps, currentUser(ctx)) };
  });

  router.get('/organisations', ...auth, async (ctx) => {
    const s = parseInput(organisationSearchQuery, ctx.query);
    ctx.body = await searchDirectory(deps, {
      q: s.q,
      type: s.type,
      departmentCode: s.departmentCode,
      offset: s.cursor ?? 0,
      limit: s.limit,
    });
  });

  router.get('/organisations/:id', ...auth, async (ctx) => {
    ctx.body = await getOrganisation(deps, currentUser(ctx), orgId(ctx));
  });

  router.patch('/organisations/:id', ...auth, async (ctx) => {
    const id = orgId(ctx);
    const input = parseInput(organisationBody, ctx.request.body);
    ctx.body = await editOrganisation(deps, currentUser(ctx), id, input);
  });

  router.get('/organisations/:id/members', ...auth, async (ctx) => {
    ctx.body = { items: await listOrganisationMembers(deps, currentUser(ctx), orgId(ctx)) };
  });

  router.post('/organisations/:id/members', ...auth, async (ctx) => {
    const id = orgId(ctx);
    const input = parseInput(organisationMemberBody, ctx.request.body);
    ctx.status = 201;
    ctx.body = await createOrganisationMember(deps, currentUser(ctx), id, input);
  });

  router.patch('/organisations/:id/members/:userId', ...auth, async (ctx) => {
    const [id, uid] = [orgId(ctx), userId(ctx)];
    const changes = parseInput(organisationMemberChangeBody, ctx.request.body);
    const { member, disabledNow } = await changeOrganisationMember(deps, currentUser(ctx), id, uid, changes);
    if (disabledNow) realtime.disconnectUser(member.id);
    ctx.body = member;
  });

  router.post('/organisations/:id/members/:userId/invitation', ...auth, async (ctx) => {
    await resendOrganisationInvitation(deps, currentUser(ctx), orgId(ctx), userId(ctx));
    ctx.status = 202;
    ctx.body = { status: 'sent' };
  });

  router.delete('/organisations/:id/members/:userId', ...auth, async (ctx) => {
    const [id, uid] = [orgId(ctx), userId(ctx)];
    await removeOrganisationMember(deps, currentUser(ctx), id, uid);
    ctx.status = 204;
  });

  return router;
}
