import path from 'node:path';
import Router from '@koa/router';
import type { Deps } from '../../deps';
import type { Broadcasts } from '../../realtime/broadcasts';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { applicationBody, promoteBody, resourceBody, resourceListQuery, type ResourceListQuery } from '../../protocol/resources';
import { invalidPayload } from '../../errors';
import { discardUpload, type ReceivedFile } from '../../files';
import { receiveUpload } from '../upload';
import { sendStoredFile } from '../download';
import {
  createResource,
  editResource,
  getResourceDraft,
  listMyResources,
  listResources,
  readResource,
} from '../../services/resources/resources';
import { openDraftFile, openResource, type Opened } from '../../services/resources/open';
import { promoteDocument } from '../../services/resources/promote';
import { recommendResource } from '../../services/resources/recommend';
import { recommendBody } from '../../protocol/publishing';
import { addApplication, applications, changeApplication } from '../../services/resources/applications';
import { isAdmin } from '../../access/roles';
import { requireAccess, requireFullMember, requireUser } from '../middleware/auth';
import { currentUser, type AppContext, type AppState } from '../context';

const filterOf = (q: ResourceListQuery) => ({
  q: q.q,
  type: q.type,
  format: q.format,
  theme: q.theme,
  application: q.application,
  department: q.department,
  sector: q.sector,
  access: q.access,
  sort: q.sort,
  offset: q.cursor ?? 0,
  limit: q.limit,
});

/**
 * The resource library: public list and pages (no account), members' list and
 * pages, proposing and editing (JSON for a link, multipart with a `data` JSON
 * field and a `file` for a file), counted openings, "Mes contenus" for
 * resources, promotion of a group document, the admins' application list.
 */
export function resourceRoutes(deps: Deps, broadcasts: Broadcasts): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api' });
  const auth = [requireUser(), requireFullMember] as const;
  const id = (ctx: AppContext) => parseInput(fields.id, ctx.params.id);

  /** The body and the optional file of a save: JSON, or multipart whose `data` field holds the JSON. */
  async function saveInput(ctx: AppContext) {
    if (!ctx.is('multipart/form-data')) return { input: parseInput(resourceBody, ctx.request.body), file: null };
    const { file, fields: form } = await receiveUpload(ctx, {
      maxBytes: deps.config.maxUploadMb * 1024 * 1024,
      tmpDir: path.join(deps.config.dataDir, 'tmp'),
    });
    try {
      let data: unknown;
      try {
        data = JSON.parse(form.data ?? '');
      } catch {
        throw invalidPayload('Le champ « data » doit contenir la ressource en JSON.');
      }
      return { input: parseInput(resourceBody, data), file: file as ReceivedFile | null };
    } catch (err) {
      await discardUpload(file);
      throw err;
    }
  }

  async function send(ctx: AppContext, opened: Opened) {
    if ('url' in opened) {
      ctx.set('Cache-Control', 'no-store');
      ctx.redirect(opened.url);
      return;
    }
    await sendStoredFile(ctx, deps.config.dataDir, { ...opened.file, disposition: 'attachment' });
  }

  router.get('/public/resources', async (ctx) => {
    ctx.body = await listResources(deps, null, filterOf(parseInput(resourceListQuery, ctx.query)));
  });

  router.get('/public/resources/:id', async (ctx) => {
    ctx.body = await readResource(deps, null, id(ctx));
  });

  router.get('/public/resources/:id/open', async (ctx) => {
    await send(ctx, await openResource(deps, null, id(ctx)));
  });

  router.get('/resource-applications', async (ctx) => {
    ctx.body = { items: await applications(deps) };
  });

  router.post('/admin/resource-applications', requireUser(), requireAccess(isAdmin), async (ctx) => {
    const { name } = parseInput(applicationBody, ctx.request.body);
    ctx.status = 201;
    ctx.body = await addApplication(deps, name);
  });

  router.patch('/admin/resource-applications/:id', requireUser(), requireAccess(isAdmin), async (ctx) => {
    const appId = id(ctx);
    const { name } = parseInput(applicationBody, ctx.request.body);
    ctx.body = await changeApplication(deps, appId, name);
  });

  router.get('/resources', ...auth, async (ctx) => {
    ctx.body = await listResources(deps, currentUser(ctx), filterOf(parseInput(resourceListQuery, ctx.query)));
  });

  router.post('/resources', ...auth, async (ctx) => {
    const { input, file } = await saveInput(ctx);
    const saved = await createResource(deps, currentUser(ctx), input, file);
    broadcasts.notifications.pushed(saved.notifications);
    ctx.status = 201;
    ctx.body = saved.resource;
  });

  router.get('/resources/:id', ...auth, async (ctx) => {
    ctx.body = await readResource(deps, currentUser(ctx), id(ctx));
  });

  router.get('/resources/:id/open', ...auth, async (ctx) => {
    await send(ctx, await openResource(deps, currentUser(ctx), id(ctx)));
  });

  router.get('/resources/:id/draft', ...auth, async (ctx) => {
    ctx.body = await getResourceDraft(deps, currentUser(ctx), id(ctx));
  });

  router.get('/resources/:id/draft/file', ...auth, async (ctx) => {
    await send(ctx, await openDraftFile(deps, currentUser(ctx), id(ctx)));
  });

  router.put('/resources/:id', ...auth, async (ctx) => {
    const resourceId = id(ctx);
    const { input, file } = await saveInput(ctx);
    const saved = await editResource(deps, currentUser(ctx), resourceId, input, file);
    broadcasts.notifications.pushed(saved.notifications);
    ctx.body = saved.resource;
  });

  router.post('/resources/:id/recommend', ...auth, async (ctx) => {
    const resourceId = id(ctx);
    const { email, message } = parseInput(recommendBody, ctx.request.body);
    await recommendResource(deps, currentUser(ctx), resourceId, email, message);
    ctx.status = 202;
    ctx.body = { status: 'sent' };
  });

  router.get('/me/resources', ...auth, async (ctx) => {
    const q = parseInput(resourceListQuery, ctx.query);
    ctx.body = await listMyResources(deps, currentUser(ctx), { status: q.status, offset: q.cursor ?? 0, limit: q.limit });
  });

  router.post('/documents/:id/promote', ...auth, async (ctx) => {
    const documentId = id(ctx);
    const body = parseInput(promoteBody, ctx.request.body);
    const saved = await promoteDocument(deps, currentUser(ctx), documentId, body);
    broadcasts.notifications.pushed(saved.notifications);
    ctx.status = 201;
    ctx.body = saved.resource;
  });

  return router;
}
