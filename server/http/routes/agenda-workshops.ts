import fs from 'node:fs';
import Router from '@koa/router';
import type { Readable } from 'node:stream';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { workshopSchemas as s } from '../../protocol/agenda-workshops';
import { requireFullMember, requireUser } from '../middleware/auth';
import { currentUser, type AppContext, type AppState } from '../context';
import type { AgendaBroadcasts } from '../../realtime/broadcasts/agenda';
import { accessEvent } from '../../access/agenda';
import { discardUpload, storedPath } from '../../files';
import { sendStoredFile } from '../download';
import { receiveUpload } from '../upload';
import { invalidPayload } from '../../errors';
import { eventView } from '../../services/agenda/agenda-events';
import { createWorkshop, editWorkshopContent } from '../../services/agenda/event-content';
import { addSession, editSession, removeSession } from '../../services/agenda/sessions';
import { listsCsv, listsXlsx, organisedOverview } from '../../services/agenda/organiser-lists';
import {
  addEventFile,
  EVENT_IMAGE_MAX_BYTES,
  eventFile,
  eventImage,
  organisedEvent,
  removeEventFile,
  removeEventImage,
  setEventImage,
} from '../../services/agenda/event-media';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function download(ctx: AppContext, type: string, filename: string, body: string | Readable): void {
  ctx.type = type;
  ctx.set('Content-Disposition', `attachment; filename="${filename}"`);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Cache-Control', 'private, no-cache');
  ctx.body = body;
}

/**
 * Events as published contents, for members: propose one with its sessions,
 * edit its content (moderation rules of articles), manage its sessions, image
 * and files, and "Mes événements — inscriptions" with the CSV and XLSX lists.
 */
export function agendaWorkshopRoutes(deps: Deps, agenda: AgendaBroadcasts): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api' });
  const auth = [requireUser(), requireFullMember] as const;
  const id = (ctx: AppContext) => parseInput(fields.id, ctx.params.id);
  const sessionId = (ctx: AppContext) => parseInput(fields.id, ctx.params.sessionId);
  const view = async (ctx: AppContext, eventId: number) => {
    const actor = currentUser(ctx);
    return eventView(deps.db, actor, await accessEvent(deps.db, actor, eventId));
  };

  router.post('/events', ...auth, async (ctx) => {
    const eventId = await createWorkshop(deps.db, currentUser(ctx), parseInput(s.create, ctx.request.body));
    await agenda.apply({ eventId, changed: true, notifications: [], mails: [] });
    ctx.status = 201;
    ctx.body = await view(ctx, eventId);
  });

  router.patch('/events/:id/content', ...auth, async (ctx) => {
    const eventId = id(ctx);
    await editWorkshopContent(deps.db, currentUser(ctx), eventId, parseInput(s.editContent, ctx.request.body ?? {}));
    await agenda.updated(eventId);
    ctx.body = await view(ctx, eventId);
  });

  router.post('/events/:id/sessions', ...auth, async (ctx) => {
    const eventId = id(ctx);
    await agenda.apply(await addSession(deps.db, currentUser(ctx), eventId, parseInput(s.addSession, ctx.request.body)));
    ctx.status = 201;
    ctx.body = await view(ctx, eventId);
  });

  router.patch('/events/:id/sessions/:sessionId', ...auth, async (ctx) => {
    const eventId = id(ctx);
    const edit = parseInput(s.editSession, ctx.request.body ?? {});
    await agenda.apply(await editSession(deps.db, currentUser(ctx), eventId, sessionId(ctx), edit, deps.config.publicUrl));
    ctx.body = await view(ctx, eventId);
  });

  router.delete('/events/:id/sessions/:sessionId', ...auth, async (ctx) => {
    const eventId = id(ctx);
    await agenda.apply(await removeSession(deps.db, currentUser(ctx), eventId, sessionId(ctx)));
    ctx.body = await view(ctx, eventId);
  });

  router.get('/events/:id/image', ...auth, async (ctx) => {
    const image = await eventImage(deps, currentUser(ctx), id(ctx));
    ctx.type = image.mime;
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
    ctx.set('Cache-Control', 'private, max-age=3600');
    ctx.body = fs.createReadStream(storedPath(deps.config.dataDir, image.sha256));
  });

  router.put('/events/:id/image', ...auth, async (ctx) => {
    const eventId = id(ctx);
    // Who may not change the image gets their answer before a byte is stored.
    await organisedEvent(deps, currentUser(ctx), eventId);
    const { file } = await receiveUpload(ctx, { maxBytes: EVENT_IMAGE_MAX_BYTES });
    if (!file || file.size === 0) {
      await discardUpload(file);
      throw invalidPayload('Aucune image reçue (champ « file »).');
    }
    await setEventImage(deps, currentUser(ctx), eventId, file);
    ctx.body = await view(ctx, eventId);
  });

  router.delete('/events/:id/image', ...auth, async (ctx) => {
    const eventId = id(ctx);
    await removeEventImage(deps, currentUser(ctx), eventId);
    ctx.body = await view(ctx, eventId);
  });

  router.post('/events/:id/files', ...auth, async (ctx) => {
    const eventId = id(ctx);
    await organisedEvent(deps, currentUser(ctx), eventId);
    const { file, fields: form } = await receiveUpload(ctx, { maxBytes: deps.config.maxUploadMb * 1024 * 1024 });
    let kind;
    try {
      kind = parseInput(s.fileKind, form.kind ?? 'autre');
    } catch (err) {
      await discardUpload(file);
      throw err;
    }
    await addEventFile(deps, currentUser(ctx), eventId, kind, form.title ?? '', file);
    ctx.status = 201;
    ctx.body = await view(ctx, eventId);
  });

  router.delete('/events/:id/files/:fileId', ...auth, async (ctx) => {
    const eventId = id(ctx);
    await removeEventFile(deps, currentUser(ctx), eventId, parseInput(fields.id, ctx.params.fileId));
    ctx.body = await view(ctx, eventId);
  });

  router.get('/events/:id/files/:fileId', ...auth, async (ctx) => {
    const f = await eventFile(deps, currentUser(ctx), id(ctx), parseInput(fields.id, ctx.params.fileId));
    await sendStoredFile(ctx, deps.config.dataDir, {
      sha256: f.sha256,
      mimeType: f.mime_type,
      filename: f.filename,
      disposition: 'attachment',
    });
  });

  router.get('/events/:id/registrations.xlsx', ...auth, async (ctx) => {
    const x = await listsXlsx(deps.db, currentUser(ctx), id(ctx));
    download(ctx, XLSX, x.filename, x.stream);
  });

  router.get('/me/organised-events', ...auth, async (ctx) => {
    ctx.body = { items: await organisedOverview(deps.db, currentUser(ctx)), nextCursor: null };
  });

  router.get('/me/organised-events/registrations.csv', ...auth, async (ctx) => {
    const c = await listsCsv(deps.db, currentUser(ctx), null);
    download(ctx, 'text/csv; charset=utf-8', c.filename, c.body);
  });

  router.get('/me/organised-events/registrations.xlsx', ...auth, async (ctx) => {
    const x = await listsXlsx(deps.db, currentUser(ctx), null);
    download(ctx, XLSX, x.filename, x.stream);
  });

  return router;
}
