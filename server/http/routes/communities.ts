import fs from 'node:fs';
import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import {
  acceptedAnswerSchema,
  communityFlagSchema,
  editGroupLinkSchema,
  groupLinkSchema,
  groupRhythmSchema,
} from '../../protocol/communities';
import { invalidPayload } from '../../errors';
import { discardUpload, storedPath } from '../../files';
import { receiveUpload } from '../upload';
import { requireFullMember, requireUser } from '../middleware/auth';
import { currentUser, type AppContext, type AppState } from '../context';
import { communityHome, setCommunityFlag, subgroupsOf, visitGroup } from '../../services/communities/home';
import { addGroupLink, editGroupLink, groupLinks, removeGroupLink } from '../../services/communities/links';
import { acceptAnswer, forumQuestions, referenceDocuments, setReference } from '../../services/communities/references';
import { dismissGroupSuggestion, groupSuggestions } from '../../services/communities/suggestions';
import { setGroupRhythm } from '../../services/communities/gear';
import {
  GROUP_PICTURE_MAX_BYTES,
  assertPictureEditor,
  groupPicture,
  removeGroupPicture,
  setGroupPicture,
} from '../../services/communities/picture';
import { accessGroup } from '../../access/groups';
import { groupView } from '../../services/groups/groups';

/** Communities: the home, links, references, forum, sub-groups, picture, the gear and « On vous propose ». */
export function communityRoutes(deps: Deps): Router<AppState> {
  const router = new Router<AppState>({ prefix: '/api' });
  const db = deps.db;
  router.use(requireUser(), requireFullMember);
  const id = (ctx: AppContext, key = 'id') => parseInput(fields.id, ctx.params[key]);

  router.get('/groups/:id/community', async (ctx) => {
    ctx.body = await communityHome(db, currentUser(ctx), id(ctx));
  });

  router.put('/groups/:id/community', async (ctx) => {
    const { isCommunity } = parseInput(communityFlagSchema, ctx.request.body);
    const actor = currentUser(ctx);
    ctx.body = await groupView(db, actor, await setCommunityFlag(db, actor, id(ctx), isCommunity));
  });

  router.post('/groups/:id/visit', async (ctx) => {
    ctx.body = await visitGroup(db, currentUser(ctx), id(ctx));
  });

  router.get('/groups/:id/subgroups', async (ctx) => {
    const actor = currentUser(ctx);
    const { group } = await accessGroup(db, actor, id(ctx));
    ctx.body = { items: await subgroupsOf(db, actor, group), nextCursor: null };
  });

  router.get('/groups/:id/links', async (ctx) => {
    ctx.body = { items: await groupLinks(db, currentUser(ctx), id(ctx)), nextCursor: null };
  });

  router.post('/groups/:id/links', async (ctx) => {
    const input = parseInput(groupLinkSchema, ctx.request.body);
    ctx.status = 201;
    ctx.body = await addGroupLink(db, currentUser(ctx), id(ctx), input);
  });

  router.patch('/groups/:id/links/:linkId', async (ctx) => {
    const changes = parseInput(editGroupLinkSchema, ctx.request.body);
    ctx.body = await editGroupLink(db, currentUser(ctx), id(ctx), id(ctx, 'linkId'), changes);
  });

  router.delete('/groups/:id/links/:linkId', async (ctx) => {
    await removeGroupLink(db, currentUser(ctx), id(ctx), id(ctx, 'linkId'));
    ctx.status = 204;
  });

  router.get('/groups/:id/references', async (ctx) => {
    ctx.body = await referenceDocuments(db, currentUser(ctx), id(ctx));
  });

  for (const [method, pinned] of [
    ['put', true],
    ['delete', false],
  ] as const) {
    router[method]('/groups/:id/references/:documentId', async (ctx) => {
      await setReference(db, currentUser(ctx), id(ctx), id(ctx, 'documentId'), pinned);
      ctx.status = 204;
    });
  }

  router.get('/groups/:id/forum', async (ctx) => {
    ctx.body = await forumQuestions(db, currentUser(ctx), id(ctx));
  });

  router.put('/posts/:id/accepted-answer', async (ctx) => {
    const { commentId } = parseInput(acceptedAnswerSchema, ctx.request.body);
    ctx.body = await acceptAnswer(db, currentUser(ctx), id(ctx), commentId);
  });

  router.get('/groups/:id/picture', async (ctx) => {
    const pic = await groupPicture(deps, currentUser(ctx), id(ctx));
    ctx.type = pic.mime;
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
    ctx.set('Cache-Control', 'private, max-age=86400');
    ctx.body = fs.createReadStream(storedPath(deps.config.dataDir, pic.sha256));
  });

  router.put('/groups/:id/picture', async (ctx) => {
    const groupId = id(ctx);
    const actor = currentUser(ctx);
    // Who may not change the picture gets their answer before a byte is stored.
    await assertPictureEditor(deps, actor, groupId);
    const { file } = await receiveUpload(ctx, { maxBytes: GROUP_PICTURE_MAX_BYTES });
    if (!file || file.size === 0) {
      await discardUpload(file);
      throw invalidPayload('Aucune image reçue (champ « file »).');
    }
    ctx.body = await groupView(db, actor, await setGroupPicture(deps, actor, groupId, file));
  });

  router.delete('/groups/:id/picture', async (ctx) => {
    const actor = currentUser(ctx);
    ctx.body = await groupView(db, actor, await removeGroupPicture(deps, actor, id(ctx)));
  });

  router.put('/me/notification-settings/groups/:id', async (ctx) => {
    const { frequency } = parseInput(groupRhythmSchema, ctx.request.body);
    ctx.body = await setGroupRhythm(db, currentUser(ctx), id(ctx), frequency);
  });

  router.get('/group-suggestions', async (ctx) => {
    ctx.body = await groupSuggestions(db, currentUser(ctx));
  });

  router.delete('/group-suggestions/:id', async (ctx) => {
    await dismissGroupSuggestion(db, currentUser(ctx), id(ctx));
    ctx.status = 204;
  });

  return router;
}
