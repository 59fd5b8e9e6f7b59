import Router from '@koa/router';
import type { Deps } from '../../deps';
import { parseInput } from '../../validation';
import { fields } from '../../protocol/common';
import { commentSchema, createPostSchema, editPostSchema, postPageQuerySchema, reactionSchema } from '../../protocol/posts';
import { requireFullMember, requireUser } from '../middleware/auth';
import { currentUser, type AppState } from '../context';
import { createPost, deletePost, editPost, feed, getPost, groupPosts } from '../../services/groups/posts';
import { addComment, deleteComment, editComment, react, reactors } from '../../services/groups/post-interactions';
import type { GroupBroadcasts } from '../../realtime/broadcasts/groups';

/**
 * Posts, the feed, comments and reactions. After each change the post's
 * audience (its groups' channel rooms and the named users) gets
 * `post:new` / `post:updated` / `post:deleted` / `comment:new` / `comment:updated` / `comment:deleted`.
 */
export function postRoutes(deps: Deps, live: GroupBroadcasts): Router<AppState> {
  const router = new Router<AppState>();
  const db = deps.db;
  const guard = [requireUser(), requireFullMember];
  const id = (v: string | undefined) => parseInput(fields.id, v);

  router.get('/api/groups/:id/posts', ...guard, async (ctx) => {
    ctx.body = await groupPosts(db, currentUser(ctx), id(ctx.params.id), parseInput(postPageQuerySchema, ctx.query));
  });

  router.post('/api/groups/:id/posts', ...guard, async (ctx) => {
    const groupId = id(ctx.params.id);
    const input = parseInput(createPostSchema, ctx.request.body);
    const { post, audience, notifications } = await createPost(db, currentUser(ctx), groupId, { ...input, linkUrl: input.linkUrl ?? null });
    const { myReactions: _mine, ...forAll } = post;
    live.toAudience(audience, 'post:new', forAll);
    live.notifications(notifications);
    ctx.status = 201;
    ctx.body = post;
  });

  router.get('/api/feed', ...guard, async (ctx) => {
    ctx.body = await feed(db, currentUser(ctx), parseInput(postPageQuerySchema, ctx.query));
  });

  router.get('/api/posts/:id', ...guard, async (ctx) => {
    ctx.body = await getPost(db, currentUser(ctx), id(ctx.params.id));
  });

  router.patch('/api/posts/:id', ...guard, async (ctx) => {
    const changes = parseInput(editPostSchema, ctx.request.body);
    const { post, audience } = await editPost(db, currentUser(ctx), id(ctx.params.id), changes);
    const { myReactions: _mine, ...forAll } = post;
    live.toAudience(audience, 'post:updated', forAll);
    ctx.body = post;
  });

  router.delete('/api/posts/:id', ...guard, async (ctx) => {
    const { post, audience } = await deletePost(db, currentUser(ctx), id(ctx.params.id));
    live.toAudience(audience, 'post:deleted', { id: post.id, groupId: post.group_id });
    ctx.status = 204;
  });

  router.post('/api/posts/:id/comments', ...guard, async (ctx) => {
    const { body: text } = parseInput(commentSchema, ctx.request.body);
    const { comment, audience, notifications } = await addComment(db, currentUser(ctx), id(ctx.params.id), text);
    live.toAudience(audience, 'comment:new', comment);
    live.notifications(notifications);
    ctx.status = 201;
    ctx.body = comment;
  });

  router.patch('/api/comments/:id', ...guard, async (ctx) => {
    const { body: text } = parseInput(commentSchema, ctx.request.body);
    const { comment, audience } = await editComment(db, currentUser(ctx), id(ctx.params.id), text);
    live.toAudience(audience, 'comment:updated', comment);
    ctx.body = comment;
  });

  router.delete('/api/comments/:id', ...guard, async (ctx) => {
    const { comment, audience } = await deleteComment(db, currentUser(ctx), id(ctx.params.id));
    live.toAudience(audience, 'comment:deleted', comment);
    ctx.status = 204;
  });

  router.post('/api/posts/:id/reactions', ...guard, async (ctx) => {
    const { kind: k } = parseInput(reactionSchema, ctx.request.body);
    const { post, audience, ...answer } = await react(db, currentUser(ctx), id(ctx.params.id), k);
    live.toAudience(audience, 'post:updated', post);
    ctx.body = answer;
  });

  router.get('/api/posts/:id/reactions', ...guard, async (ctx) => {
    ctx.body = await reactors(db, currentUser(ctx), id(ctx.params.id));
  });

  return router;
}
