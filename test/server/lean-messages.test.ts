import { expect } from 'chai';
import type { Socket } from 'socket.io-client';
import { makeUserWithToken, type UserOverrides } from '../helpers/factories';
import { makeContacts, uniqueDepartment } from '../helpers/contacts';
import { closeAll, connect, emitAck, emitRaw } from '../helpers/sockets';
import { useServer } from '../helpers/suite';
import { api } from '../helpers/http';

/** Every `message:new` a socket receives, as it came. */
const collect = (sock: Socket) => {
  const got: Record<string, unknown>[] = [];
  sock.on('message:new', (m: Record<string, unknown>) => got.push(m));
  return got;
};
const v2 = (url: string, token: string) => connect(url, token, 5000, { protocol: 2 });

describe('lean messages (protocol 2)', () => {
  const s = useServer({ env: { MESSAGE_RATE_PER_10S: '1000' } });
  const person = (o: UserOverrides = {}) => makeUserWithToken(s.db, { departmentCode: uniqueDepartment(), ...o });
  afterEach(() => closeAll());

  it('message:new: the author by id and name to protocol 2, the full message to older sockets, one copy each', async () => {
    const [a, b, c] = [await person(), await person(), await person()];
    const channelId = await makeContacts(s.db, [a.user.id, b.user.id, c.user.id]);
    const sa = await v2(s.url, a.token);
    const lean = collect(await v2(s.url, b.token));
    const full = collect(await connect(s.url, c.token));
    const ack = await emitAck(sa, 'message:send', { channelId, body: 'Bonjour à tous', clientMsgId: 'lean-1' });
    await new Promise((r) => setTimeout(r, 300));
    expect(lean).to.have.length(1);
    expect(full).to.have.length(1);
    const { author, editedAt, deletedAt, pinnedAt, pinnedBy, replyToId, thread, ...rest } = ack.message;
    expect([editedAt, deletedAt, pinnedAt, pinnedBy, replyToId, thread]).to.deep.equal([null, null, null, null, null, null]);
    expect(lean[0]).to.deep.equal({ ...rest, authorId: a.user.id, authorName: author.displayName });
    expect(full[0]).to.deep.equal(ack.message);
    expect(JSON.stringify(lean[0]).length).to.be.below(JSON.stringify(full[0]).length);
    // A reply keeps its replyToId.
    await emitAck(sa, 'message:send', { channelId, body: 'Suite', clientMsgId: 'lean-2', replyToId: ack.message.id });
    await new Promise((r) => setTimeout(r, 300));
    expect(lean[1]).to.include({ replyToId: ack.message.id, authorId: a.user.id });
  });

  it('channel:sync: lean messages and their authors once per page for protocol 2; full messages for older sockets', async () => {
    const [a, b] = [await person(), await person()];
    const channelId = await makeContacts(s.db, [a.user.id, b.user.id]);
    const sa = await connect(s.url, a.token);
    const sb = await connect(s.url, b.token);
    for (let i = 0; i < 3; i++) await emitAck(sa, 'message:send', { channelId, body: `a ${i}`, clientMsgId: `sync-a-${i}` });
    await emitAck(sb, 'message:send', { channelId, body: 'b', clientMsgId: 'sync-b' });
    const page = await emitAck(await v2(s.url, b.token), 'channel:sync', { channelId, afterSeq: 0, limit: 50 });
    expect(page.messages.map((m) => ('authorId' in m ? m.authorId : null))).to.deep.equal([a.user.id, a.user.id, a.user.id, b.user.id]);
    expect(page.messages.every((m) => !('author' in m))).to.equal(true);
    expect(page.authors!.map((p) => p.id)).to.deep.equal([a.user.id, b.user.id]);
    expect(page.authors![0]).to.have.keys(['id', 'username', 'displayName']);
    const old = await emitAck(sb, 'channel:sync', { channelId, afterSeq: 0, limit: 50 });
    expect(old.authors).to.equal(undefined);
    expect(old.messages.every((m) => 'author' in m)).to.equal(true);
  });

  it('REST history: ?protocol=2 answers lean messages and each author once per page; without it the full messages as before', async () => {
    const [a, b, outsider] = [await person(), await person(), await person()];
    const channelId = await makeContacts(s.db, [a.user.id, b.user.id]);
    const sa = await connect(s.url, a.token);
    const sb = await connect(s.url, b.token);
    for (let i = 0; i < 3; i++) await emitAck(sa, 'message:send', { channelId, body: `a ${i}`, clientMsgId: `rest-a-${i}` });
    await emitAck(sb, 'message:send', { channelId, body: 'b', clientMsgId: 'rest-b' });
    const asB = api(s.url, { token: b.token });
    const full = await asB.get(`/api/channels/${channelId}/messages`);
    const page = await asB.get(`/api/channels/${channelId}/messages?protocol=2`);
    expect(page.status).to.equal(200);
    expect(page.body.authors).to.deep.equal([full.body[0].author, full.body[3].author]);
    expect(page.body.messages).to.have.length(4);
    // Each lean message is its full message with the author by id and name and the null fields left out.
    page.body.messages.forEach((lean: Record<string, unknown>, i: number) => {
      const { author, ...rest } = full.body[i];
      const kept = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null));
      expect(lean).to.deep.equal({ ...kept, authorId: author.id, authorName: author.displayName });
    });
    expect(JSON.stringify(page.body).length).to.be.below(JSON.stringify(full.body).length);
    // The same paging, the same rules.
    const older = await asB.get(`/api/channels/${channelId}/messages?protocol=2&beforeSeq=${full.body[3].seq}&limit=2`);
    expect(older.body.messages.map((m: { body: string }) => m.body)).to.deep.equal(['a 1', 'a 2']);
    expect(older.body.authors.map((p: { id: number }) => p.id)).to.deep.equal([a.user.id]);
    expect((await api(s.url, { token: outsider.token }).get(`/api/channels/${channelId}/messages?protocol=2`)).status).to.equal(404);
    const bad = await asB.get(`/api/channels/${channelId}/messages?protocol=3`);
    expect(bad.status).to.equal(400);
    expect(bad.body.error.code).to.equal('invalid_payload');
    expect((await asB.get(`/api/channels/${channelId}/messages?protocol=1`)).body).to.deep.equal(full.body);
  });

  it('users:get: the people the caller may see, in the order asked; chat-only callers see their contacts only', async () => {
    const [a, b, c] = [await person(), await person(), await person()];
    const disabled = await person({ status: 'disabled' });
    const chatOnly = await person({ chatOnly: true });
    await makeContacts(s.db, [chatOnly.user.id, b.user.id]);
    const sa = await v2(s.url, a.token);
    const ids = [c.user.id, 999999, disabled.user.id, b.user.id, c.user.id];
    const got = await emitAck(sa, 'users:get', { userIds: ids });
    expect(got.users).to.deep.equal([
      { id: c.user.id, username: c.user.username, displayName: `${c.user.first_name} ${c.user.last_name}` },
      { id: b.user.id, username: b.user.username, displayName: `${b.user.first_name} ${b.user.last_name}` },
    ]);
    const so = await v2(s.url, chatOnly.token);
    expect((await emitAck(so, 'users:get', { userIds: [a.user.id, b.user.id] })).users.map((p) => p.id)).to.deep.equal([b.user.id]);
    const tooMany = await emitRaw(sa, 'users:get', { userIds: Array.from({ length: 501 }, (_, i) => i + 1) });
    expect(tooMany.error.code).to.equal('invalid_payload');
  });
});
