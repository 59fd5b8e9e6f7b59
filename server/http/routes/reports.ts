import Router from '@koa/router';
import type { Readable } from 'node:stream';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { requireFullMember, requireUser } from '../middleware/auth';
import { currentUser, type AppContext, type AppState } from '../context';
import { communeQuery, listQuery, reportBody, statsQuery, teamLinkBody } from '../../protocol/reports';
import { createReport, deleteReport, getReport, listMyReports, updateReport } from '../../services/reports/reports';
import { statsFor } from '../../services/reports/stats';
import { reportsCsv, reportsXlsx } from '../../services/reports/exports';
import { addTeamMember, listTeams, removeTeamMember } from '../../services/reports/teams';
import { searchCommunes } from '../../services/reports/communes';
import { presentReport } from '../../presenters/reports';

/** Sends a streamed export as a download. */
function download(ctx: AppContext, type: string, file: { filename: string; stream: Readable }): void {
  ctx.type = type;
  ctx.set('Content-Disposition', `attachment; filename="${file.filename}"`);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Cache-Control', 'private, no-cache');
  ctx.body = file.stream;
}

/**
 * Activity reports (CRA): my reports (CRUD), dashboards (mine, my team's,
 * territories'), exports, the communes of the form, and teams (admins).
 */
export function reportRoutes(deps: Deps): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api' });
  const auth = [requireUser(), requireFullMember] as const;
  const id = (ctx: AppContext) => parseInput(fields.id, ctx.params.id);

  router.get('/communes', ...auth, async (ctx) => {
    ctx.body = { items: searchCommunes(parseInput(communeQuery, ctx.query).q) };
  });

  router.get('/reports', ...auth, async (ctx) => {
    const q = parseInput(listQuery, ctx.query);
    const page = await listMyReports(deps.db, currentUser(ctx), q.cursor, q.limit);
    ctx.body = { items: page.items.map((r) => presentReport(r)), nextCursor: page.nextCursor };
  });

  router.post('/reports', ...auth, async (ctx) => {
    const input = parseInput(reportBody, ctx.request.body);
    ctx.status = 201;
    ctx.body = presentReport(await createReport(deps.db, currentUser(ctx), input));
  });

  router.get('/reports/stats', ...auth, async (ctx) => {
    ctx.body = await statsFor(deps.db, currentUser(ctx), parseInput(statsQuery, ctx.query));
  });

  router.get('/reports/export.csv', ...auth, async (ctx) => {
    download(ctx, 'text/csv; charset=utf-8', await reportsCsv(deps.db, currentUser(ctx), parseInput(statsQuery, ctx.query)));
  });

  router.get('/reports/export.xlsx', ...auth, async (ctx) => {
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    download(ctx, type, await reportsXlsx(deps.db, currentUser(ctx), parseInput(statsQuery, ctx.query)));
  });

  router.get('/reports/:id', ...auth, async (ctx) => {
    ctx.body = presentReport(await getReport(deps.db, currentUser(ctx), id(ctx)));
  });

  router.put('/reports/:id', ...auth, async (ctx) => {
    const reportId = id(ctx);
    const input = parseInput(reportBody, ctx.request.body);
    ctx.body = presentReport(await updateReport(deps.db, currentUser(ctx), reportId, input));
  });

  router.delete('/reports/:id', ...auth, async (ctx) => {
    await deleteReport(deps.db, currentUser(ctx), id(ctx));
    ctx.status = 204;
  });

  router.get('/report-teams', ...auth, async (ctx) => {
    ctx.body = { items: await listTeams(deps.db, currentUser(ctx)) };
  });

  router.post('/report-teams', ...auth, async (ctx) => {
    const { managerId, memberId } = parseInput(teamLinkBody, ctx.request.body);
    await addTeamMember(deps.db, currentUser(ctx), managerId, memberId);
    ctx.status = 201;
    ctx.body = { items: await listTeams(deps.db, currentUser(ctx)) };
  });

  router.delete('/report-teams/:managerId/:memberId', ...auth, async (ctx) => {
    const managerId = parseInput(fields.id, ctx.params.managerId);
    const memberId = parseInput(fields.id, ctx.params.memberId);
    await removeTeamMember(deps.db, currentUser(ctx), managerId, memberId);
    ctx.status = 204;
  });

  return router;
}
