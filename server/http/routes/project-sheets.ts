import path from 'node:path';
import Router from '@koa/router';
import type { Deps } from '../../deps';
import type { Broadcasts } from '../../realtime/broadcasts';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { sheetBodySchema, sheetChildParams, sheetPatchSchema } from '../../protocol/project-sheets';
import { requireFullMember, requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';
import { receiveUpload } from '../upload';
import { sendStoredFile } from '../download';
import { accessOwnSheet, accessSheet } from '../../access/project-sheets';
import {
  createSheet,
  deleteSheet,
  editSheet,
  markVisited,
  myAccompaniments,
  mySheets,
  viewSheet,
} from '../../services/project-sheets/sheets';
import { listSheetFiles, removeSheetFile, sheetFile, uploadSheetFile } from '../../services/project-sheets/files';

/**
 * Project sheets: « Mes projets », « Mes accompagnements », one sheet (read,
 * edit, delete, mark visited) and its files. Only the creator and the
 * professionals it is shared with see any of it (404 for everyone else).
 */
export function projectSheetRoutes(deps: Deps, broadcasts: Broadcasts): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api' });
  const auth = [requireUser(), requireFullMember] as const;
  const idOf = (ctx: { params: Record<string, string> }) => parseInput(fields.id, ctx.params.id);

  router.get('/project-sheets', ...auth, async (ctx) => {
    ctx.body = await mySheets(deps.db, currentUser(ctx));
  });

  router.get('/accompaniments', ...auth, async (ctx) => {
    ctx.body = await myAccompaniments(deps.db, currentUser(ctx));
  });

  router.post('/project-sheets', ...auth, async (ctx) => {
    const actor = currentUser(ctx);
    const input = parseInput(sheetBodySchema, ctx.request.body);
    const sheet = await createSheet(deps.db, actor, input);
    ctx.status = 201;
    ctx.body = await viewSheet(deps.db, actor, { sheet, role: 'owner' });
  });

  router.get('/project-sheets/:id', ...auth, async (ctx) => {
    const actor = currentUser(ctx);
    ctx.body = await viewSheet(deps.db, actor, await accessSheet(deps.db, actor, idOf(ctx)));
  });

  router.patch('/project-sheets/:id', ...auth, async (ctx) => {
    const actor = currentUser(ctx);
    const own = await accessOwnSheet(deps.db, actor, idOf(ctx));
    const { sheet, changed } = await editSheet(deps.db, own, parseInput(sheetPatchSchema, ctx.request.body));
    if (changed) broadcasts.sheets.updated(sheet.id, sheet.version);
    ctx.body = await viewSheet(deps.db, actor, { sheet, role: 'owner' });
  });

  router.delete('/project-sheets/:id', ...auth, async (ctx) => {
    const sheet = await accessOwnSheet(deps.db, currentUser(ctx), idOf(ctx));
    await deleteSheet(deps.db, sheet);
    broadcasts.sheets.deleted(sheet.id);
    ctx.status = 204;
  });

  /** I have seen the sheet as it is and every contribution so far (the next visit shows what changed after). */
  router.post('/project-sheets/:id/visit', ...auth, async (ctx) => {
    const actor = currentUser(ctx);
    const { sheet } = await accessSheet(deps.db, actor, idOf(ctx));
    await markVisited(deps.db, actor, sheet);
    ctx.body = { ok: true };
  });

  router.get('/project-sheets/:id/files', ...auth, async (ctx) => {
    const { sheet } = await accessSheet(deps.db, currentUser(ctx), idOf(ctx));
    ctx.body = await listSheetFiles(deps, sheet);
  });

  router.post('/project-sheets/:id/files', ...auth, async (ctx) => {
    const actor = currentUser(ctx);
    // Before reading the body: nobody else's bytes are ever written anywhere.
    const sheet = await accessOwnSheet(deps.db, actor, idOf(ctx));
    const { file } = await receiveUpload(ctx, {
      maxBytes: deps.config.maxUploadMb * 1024 * 1024,
      tmpDir: path.join(deps.config.dataDir, 'tmp'),
    });
    ctx.status = 201;
    ctx.body = await uploadSheetFile(deps, actor, sheet, file);
  });

  router.get('/project-sheets/:id/files/:childId', ...auth, async (ctx) => {
    const p = parseInput(sheetChildParams, ctx.params);
    const { sheet } = await accessSheet(deps.db, currentUser(ctx), p.id);
    const f = await sheetFile(deps, sheet, p.childId);
    await sendStoredFile(ctx, deps.config.dataDir, {
      sha256: f.sha256,
      mimeType: f.mime_type,
      filename: f.filename,
      disposition: 'attachment',
    });
  });

  router.delete('/project-sheets/:id/files/:childId', ...auth, async (ctx) => {
    const p = parseInput(sheetChildParams, ctx.params);
    const sheet = await accessOwnSheet(deps.db, currentUser(ctx), p.id);
    await removeSheetFile(deps, sheet, p.childId);
    ctx.status = 204;
  });

  return router;
}
