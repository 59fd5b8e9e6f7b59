import { expect } from 'chai';
import { createApi } from '../../client/api/index.js';
import type { Comment, Group, Post } from '../../client/api/groups.js';
import { GroupsStore } from '../../client/state/groups-store.js';
import { PostsStore } from '../../client/state/posts-store.js';
import { fakeFetch } from './fake-fetch.js';

const group = (o: Partial<Group> = {}): Group => ({
  id: 1, name: 'Inclusion', slug: 'inclusion', description: null, visibility: 'public', memberCount: 3, channelId: 10,
  myStatus: null, myRole: null, parentId: null, parent: null, createdAt: '2026-11-23T10:00:00.000Z', ...o,
});
const post = (o: Partial<Post> = {}): Post => ({
  id: 1, groupId: 1, group: { id: 1, name: 'Inclusion' }, kind: 'article', title: 'Titre', body: '', linkUrl: null,
  author: { id: 9, username: 'a', displayName: 'A B' }, image: null, attachments: [], reactions: { like: 0, recommend: 0 },
  commentCount: 0, myReactions: [], createdAt: '2026-11-23T10:00:00.000Z', editedAt: null, ...o,
});
const comment = (o: Partial<Comment> = {}): Comment => ({
  id: 5, postId: 1, author: { id: 9, username: 'a', displayName: 'A B' }, body: 'Bien', createdAt: '2026-11-23T10:00:00.000Z', editedAt: null, ...o,
});

/** A hub stand-in that records listeners so the test can play server events. */
function fakeHub() {
  const listeners = new Map<string, (p: unknown) => void>();
  return {
    on: <T>(event: string, fn: (p: T) => void) => {
      listeners.set(event, fn as (p: unknown) => void);
      return () => listeners.delete(event);
    },
    emit: (event: string, payload: unknown) => listeners.get(event)?.(payload),
    count: () => listeners.size,
  };
}

describe('client: groups store', () => {
  it('joins a public group (member at once) and a moderated one (pending), counting members', async () => {
    const f = fakeFetch();
    const store = new GroupsStore(createApi({ fetch: f.fetch }));
    f.answer(200, { items: [group(), group({ id: 2, visibility: 'moderated', memberCount: 5 })], nextCursor: null });
    await store.search('');
    f.answer(200, { status: 'member' });
    expect(await store.join(1)).to.equal(true);
    expect(store.find(1)).to.include({ myStatus: 'member', memberCount: 4 });
    f.answer(202, { status: 'pending' });
    await store.join(2, 'Pour apprendre');
    expect(f.calls.at(-1)).to.deep.include({ method: 'POST', url: '/api/groups/2/join', body: { motive: 'Pour apprendre' } });
    expect(store.find(2)).to.include({ myStatus: 'pending', memberCount: 5 });
    expect(store.mine.map((g) => g.id)).to.deep.equal([1, 2]);
    expect(store.memberOf.map((g) => g.id)).to.deep.equal([1]);
  });

  it('keeps the error of a failed action and clears the busy flag', async () => {
    const f = fakeFetch();
    const store = new GroupsStore(createApi({ fetch: f.fetch }));
    f.error(404, 'not_found', 'Groupe introuvable.');
    expect(await store.join(7)).to.equal(false);
    expect(store.error?.code).to.equal('not_found');
    expect(store.busy.size).to.equal(0);
  });
});

describe('client: posts store', () => {
  it('takes live posts of its group only, keeps my reactions on updates, counts comments once', async () => {
    const f = fakeFetch();
    const hub = fakeHub();
    const store = new PostsStore(createApi({ fetch: f.fetch }), 1);
    f.answer(200, { items: [post({ id: 1, myReactions: ['like'], reactions: { like: 1, recommend: 0 } })], nextCursor: null });
    await store.load();
    store.follow(hub);
    hub.emit('post:new', post({ id: 2, groupId: 1 }));
    hub.emit('post:new', post({ id: 3, groupId: 99 }));
    expect(store.items.map((p) => p.id)).to.deep.equal([2, 1]);

    const { myReactions: _ignored, ...live } = post({ id: 1, reactions: { like: 2, recommend: 0 } });
    hub.emit('post:updated', live);
    expect(store.items.find((p) => p.id === 1)).to.deep.include({ myReactions: ['like'], reactions: { like: 2, recommend: 0 } });

    f.answer(200, { ...post({ id: 1 }), comments: [], canEdit: false, canDelete: false, canModerate: false });
    await store.toggleComments(1);
    f.answer(201, comment());
    await store.comment(1, 'Bien');
    hub.emit('comment:new', comment());
    expect(store.details.get(1)!.comments).to.have.length(1);
    expect(store.items.find((p) => p.id === 1)!.commentCount).to.equal(1);
    hub.emit('comment:deleted', { id: 5, postId: 1 });
    expect(store.items.find((p) => p.id === 1)!.commentCount).to.equal(0);
    hub.emit('post:deleted', { id: 2, groupId: 1 });
    expect(store.items.map((p) => p.id)).to.deep.equal([1]);
    store.unfollow();
    expect(hub.count()).to.equal(0);
  });

  it('the feed takes every live post, newest first, and pages with the cursor', async () => {
    const f = fakeFetch();
    const store = new PostsStore(createApi({ fetch: f.fetch }), null);
    f.answer(200, { items: [post({ id: 5 }), post({ id: 4 })], nextCursor: 4 });
    await store.load();
    f.answer(200, { items: [post({ id: 3 })], nextCursor: null });
    await store.load(true);
    expect(f.calls.at(-1)!.url).to.equal('/api/feed?cursor=4');
    store.applyNew(post({ id: 6, groupId: 42 }));
    expect(store.items.map((p) => p.id)).to.deep.equal([6, 5, 4, 3]);
    expect(store.cursor).to.equal(null);
  });
});
