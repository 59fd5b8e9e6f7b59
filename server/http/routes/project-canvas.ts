import Router from '@koa/router';
import type { Deps } from '../../deps';
import type { Broadcasts } from '../../realtime/broadcasts';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import {
  commentBodySchema,
  postitBodySchema,
  postitMoveSchema,
  postitPatchSchema,
  shareBodySchema,
  sheetChildParams,
} from '../../protocol/project-sheets';
import { requireFullMember, requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';
import { accessOwnSheet, accessSheet } from '../../access/project-sheets';
import { addPostit, canvasOf, editPostit, movePostit, removePostit } from '../../services/project-sheets/canvas';
import { addComment, listComments } from '../../services/project-sheets/comments';
import { listShares, revokeShare, shareSheet } from '../../services/project-sheets/sharing';

/**
 * A sheet's canvas (post-its: the creator writes, everyone it is shared with
 * reads), its contributions (comments and post-it threads, by the creator
 * and the professionals) and its shares (the creator's). Every change goes
 * live to the sheet's room after it is written.
 */
export function projectCanvasRoutes(deps: Deps, broadcasts: Broadcasts): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api/project-sheets' });
  const auth = [requireUser(), requireFullMember] as const;
  const idOf = (ctx: { params: Record<string, string> }) => parseInput(fields.id, ctx.params.id);

  router.get('/:id/canvas', ...auth, async (ctx) => {
    const { sheet } = await accessSheet(deps.db, currentUser(ctx), idOf(ctx));
    ctx.body = await canvasOf(deps.db, sheet.id);
  });

  router.post('/:id/postits', ...auth, async (ctx) => {
    const sheet = await accessOwnSheet(deps.db, currentUser(ctx), idOf(ctx));
    const input = parseInput(postitBodySchema, ctx.request.body);
    const id = await addPostit(deps.db, sheet.id, input);
    await broadcasts.sheets.canvasChanged(sheet.id);
    ctx.status = 201;
    ctx.body = { id, canvas: await canvasOf(deps.db, sheet.id) };
  });

  router.patch('/:id/postits/:childId', ...auth, async (ctx) => {
    const p = parseInput(sheetChildParams, ctx.params);
    const sheet = await accessOwnSheet(deps.db, currentUser(ctx), p.id);
    await editPostit(deps.db, sheet.id, p.childId, parseInput(postitPatchSchema, ctx.request.body));
    await broadcasts.sheets.canvasChanged(sheet.id);
    ctx.body = await canvasOf(deps.db, sheet.id);
  });

  router.post('/:id/postits/:childId/move', ...auth, async (ctx) => {
    const p = parseInput(sheetChildParams, ctx.params);
    const sheet = await accessOwnSheet(deps.db, currentUser(ctx), p.id);
    await movePostit(deps.db, sheet.id, p.childId, parseInput(postitMoveSchema, ctx.request.body));
    await broadcasts.sheets.canvasChanged(sheet.id);
    ctx.body = await canvasOf(deps.db, sheet.id);
  });

  router.delete('/:id/postits/:childId', ...auth, async (ctx) => {
    const p = parseInput(sheetChildParams, ctx.params);
    const sheet = await accessOwnSheet(deps.db, currentUser(ctx), p.id);
    await removePostit(deps.db, sheet.id, p.childId);
    await broadcasts.sheets.canvasChanged(sheet.id);
    ctx.body = await canvasOf(deps.db, sheet.id);
  });

  router.get('/:id/comments', ...auth, async (ctx) => {
    const { sheet } = await accessSheet(deps.db, currentUser(ctx), idOf(ctx));
    ctx.body = await listComments(deps, sheet);
  });

  router.post('/:id/comments', ...auth, async (ctx) => {
    const actor = currentUser(ctx);
    const { sheet } = await accessSheet(deps.db, actor, idOf(ctx));
    const { comment, notifications } = await addComment(deps, actor, sheet, parseInput(commentBodySchema, ctx.request.body));
    broadcasts.sheets.commented(comment, notifications);
    if (comment.postitId) await broadcasts.sheets.canvasChanged(sheet.id);
    ctx.status = 201;
    ctx.body = comment;
  });

  router.get('/:id/shares', ...auth, async (ctx) => {
    const sheet = await accessOwnSheet(deps.db, currentUser(ctx), idOf(ctx));
    ctx.body = await listShares(deps.db, sheet);
  });

  router.post('/:id/shares', ...auth, async (ctx) => {
    const actor = currentUser(ctx);
    const sheet = await accessOwnSheet(deps.db, actor, idOf(ctx));
    const { share, notifications } = await shareSheet(deps, actor, sheet, parseInput(shareBodySchema, ctx.request.body).email);
    broadcasts.sheets.shared(notifications);
    ctx.status = 201;
    ctx.body = share;
  });

  router.delete('/:id/shares/:childId', ...auth, async (ctx) => {
    const p = parseInput(sheetChildParams, ctx.params);
    const sheet = await accessOwnSheet(deps.db, currentUser(ctx), p.id);
    const { userId } = await revokeShare(deps.db, sheet, p.childId);
    if (userId) broadcasts.sheets.revoked(sheet.id, userId);
    ctx.status = 204;
  });

  return router;
}
