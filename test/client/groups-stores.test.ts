import { expect } from 'chai';
import { createApi } from '../../client/api/index.js';
import type { Group } from '../../client/api/groups.js';
import { GroupsStore } from '../../client/state/groups-store.js';
import { PostsStore } from '../../client/state/posts-store.js';
import { fakeFetch } from './fake-fetch.js';
import { io } from 'socket.io-client';
import { Http } from '../../client/api/http.js';
import { groupsApi } from '../../client/api/groups.js';
import { HubClient } from '../../client/realtime/hub-client.js';
import { makeUserWithToken } from '../helpers/factories';
import { startServer, type TestServer } from '../helpers/server';

/** Polls until `check` is true (the store reacts to real network events). */
async function until(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const group = (o: Partial<Group> = {}): Group => ({
  id: 1,
  name: 'Inclusion',
  slug: 'inclusion',
  description: null,
  visibility: 'public',
  memberCount: 3,
  channelId: 10,
  myStatus: null,
  myRole: null,
  parentId: null,
  parent: null,
  isCommunity: false,
  pictureUrl: null,
  createdAt: '2026-11-23T10:00:00.000Z',
  ...o,
});
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

describe('client: posts store against the real server', () => {
  let s: TestServer;
  let hub: HubClient;
  after(async () => {
    hub?.stop();
    await s?.close();
  });

  /** The REST client of a user, as a script would use it (Bearer token). */
  const httpFor = (token: string) =>
    new Http({
      baseUrl: s.url,
      fetch: (url, init = {}) =>
        fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } }),
    });

  it('follows its group live: new posts (of this group only), reaction counts keeping mine, comments counted once, deletions', async () => {
    s = await startServer();
    const owner = await makeUserWithToken(s.db, { role: 'animator' });
    const me = await makeUserWithToken(s.db);
    const ownerApi = { groups: groupsApi(httpFor(owner.token)) };
    const myApi = { groups: groupsApi(httpFor(me.token)) };
    const g = await ownerApi.groups.create({ name: 'Inclusion', description: null, visibility: 'public' });
    const other = await ownerApi.groups.create({ name: 'Autre', description: null, visibility: 'public' });
    await myApi.groups.join(g.id);
    await myApi.groups.join(other.id);
    const first = await ownerApi.groups.createPost(g.id, { kind: 'article', title: 'Premier', body: '' });
    await myApi.groups.react(first.id, 'like');

    hub = new HubClient(() => io(s.url, { auth: { token: me.token }, transports: ['websocket'] }));
    const store = new PostsStore(myApi, g.id);
    await store.load();
    store.follow(hub);
    hub.start();
    await until('connected', () => hub.connected);
    expect(store.items[0]).to.deep.include({ id: first.id, myReactions: ['like'] });

    const second = await ownerApi.groups.createPost(g.id, { kind: 'question', title: 'Second', body: '' });
    await ownerApi.groups.createPost(other.id, { kind: 'article', title: 'Ailleurs', body: '' });
    await until('the new post', () => store.items.some((p) => p.id === second.id));
    expect(store.items.map((p) => p.title)).to.deep.equal(['Second', 'Premier']);

    await ownerApi.groups.react(first.id, 'like');
    await until('the new count', () => store.items.find((p) => p.id === first.id)!.reactions.like === 2);
    expect(store.items.find((p) => p.id === first.id)!.myReactions).to.deep.equal(['like']);

    await store.toggleComments(first.id);
    expect(await store.comment(first.id, 'Merci')).to.equal(true);
    await ownerApi.groups.comment(first.id, 'Avec plaisir');
    await until('two comments', () => store.details.get(first.id)!.comments.length === 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(store.items.find((p) => p.id === first.id)!.commentCount).to.equal(2);

    await ownerApi.groups.deletePost(second.id);
    await until('the deletion', () => !store.items.some((p) => p.id === second.id));
    store.unfollow();
  });

  it('the feed pages with the cursor, newest first', async () => {
    const owner = await makeUserWithToken(s.db, { role: 'animator' });
    const ownerApi = { groups: groupsApi(httpFor(owner.token)) };
    const g = await ownerApi.groups.create({ name: 'Fil', description: null, visibility: 'public' });
    const ids: number[] = [];
    for (let i = 0; i < 25; i++) ids.push((await ownerApi.groups.createPost(g.id, { kind: 'article', title: `P${i}`, body: '' })).id);
    const store = new PostsStore(ownerApi, null);
    await store.load();
    expect(store.items).to.have.length(20);
    await store.load(true);
    expect(store.items.map((p) => p.id)).to.deep.equal([...ids].reverse());
    expect(store.cursor).to.equal(null);
  });
});
