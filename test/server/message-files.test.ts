import { expect } from 'chai';
import crypto from 'node:crypto';
import sharp from 'sharp';
import { api } from '../helpers/http';
import { emitAck, emitRaw, waitForEvent } from '../helpers/sockets';
import { addToGroup, createGroup } from '../helpers/groups';
import { samples } from '../helpers/zip';
import { useServer } from '../helpers/suite';
import { peopleOn } from '../helpers/people';
import { photo, uploadToChannel } from '../helpers/message-files';
import { purgeUnsentFiles } from '../../server/services/chat/message-files';

describe('files in chat messages: upload, send, thumbnails, access', () => {
  const s = useServer({ env: { MAX_UPLOAD_MB: '1' } });
  const { person, as } = peopleOn(s);
  const id = () => crypto.randomUUID();

  it('uploads an image and a PDF, sends them with a message; the other member sees the thumbnail and downloads both', async () => {
    const anim = await person({ role: 'animator' });
    const alice = await person();
    const group = await createGroup(s.url, anim.token, { visibility: 'private' });
    await addToGroup(s.url, anim.token, group.id, alice);
    const img = await uploadToChannel(s.url, anim.token, group.channelId, await photo(), 'photo de réunion.png');
    expect(img.status, JSON.stringify(img.body)).to.equal(201);
    expect(img.body).to.include({ filename: 'photo de réunion.png', mimeType: 'image/png', width: 900, height: 600 });
    expect(img.body.thumbnailUrl).to.equal(`/api/message-files/${img.body.id}/thumbnail`);
    const pdf = await uploadToChannel(s.url, anim.token, group.channelId, samples.pdf(), 'compte-rendu.pdf');
    expect(pdf.status).to.equal(201);
    expect(pdf.body).to.include({ mimeType: 'application/pdf', thumbnailUrl: null });
    // Not sent yet: only its uploader sees it.
    expect((await as(alice).get(img.body.url)).status).to.equal(404);

    const live = waitForEvent(alice.socket, 'message:new', (m) => m.channelId === group.channelId);
    const ack = await emitAck(anim.socket, 'message:send', {
      channelId: group.channelId,
      body: '',
      clientMsgId: id(),
      fileIds: [img.body.id, pdf.body.id],
    });
    expect(ack.message.files.map((f) => f.filename)).to.deep.equal(['photo de réunion.png', 'compte-rendu.pdf']);
    expect((await live).files.map((f) => f.id)).to.deep.equal([img.body.id, pdf.body.id]);

    const thumb = await as(alice).get(img.body.thumbnailUrl);
    expect(thumb.status).to.equal(200);
    expect(thumb.headers.get('content-type')).to.equal('image/webp');
    const thumbMeta = await sharp(
      Buffer.from(
        await (await fetch(s.url + img.body.thumbnailUrl, { headers: { authorization: `Bearer ${alice.token}` } })).arrayBuffer(),
      ),
    ).metadata();
    expect(thumbMeta.width).to.equal(480);
    const full = await as(alice).get(img.body.url);
    expect(full.headers.get('content-disposition')).to.match(/^inline;/);
    expect(full.headers.get('x-content-type-options')).to.equal('nosniff');
    const doc = await as(alice).get(pdf.body.url);
    expect(doc.status).to.equal(200);
    expect(doc.headers.get('content-disposition')).to.match(/^attachment;/);
    expect(doc.headers.get('content-security-policy')).to.contain('sandbox');

    // History carries the files; the group's bank got them.
    const history = (await as(alice).get(`/api/channels/${group.channelId}/messages`)).body;
    expect(history.at(-1).files).to.have.length(2);
    const bank = (await as(alice).get(`/api/groups/${group.id}/documents`)).body.items;
    expect(bank.map((d: any) => [d.filename, d.source])).to.deep.include.members([
      ['photo de réunion.png', 'chat'],
      ['compte-rendu.pdf', 'chat'],
    ]);
  });

  it('is 404 to an outsider, after removal from the private group, and once the message is deleted', async () => {
    const anim = await person({ role: 'animator' });
    const bob = await person();
    const outsider = await person();
    const group = await createGroup(s.url, anim.token, { visibility: 'private' });
    await addToGroup(s.url, anim.token, group.id, bob);
    const up = (await uploadToChannel(s.url, anim.token, group.channelId, samples.pdf(), 'secret.pdf')).body;
    const sent = await emitAck(anim.socket, 'message:send', {
      channelId: group.channelId,
      body: 'Voir pièce',
      clientMsgId: id(),
      fileIds: [up.id],
    });
    expect((await as(bob).get(up.url)).status).to.equal(200);
    expect((await as(outsider).get(up.url)).status).to.equal(404);
    expect((await api(s.url).get(up.url)).status).to.equal(401);

    expect((await as(anim).delete(`/api/groups/${group.id}/members/${bob.user.id}`)).status).to.equal(204);
    expect((await as(bob).get(up.url)).status).to.equal(404);
    expect((await as(anim).get(up.url)).status).to.equal(200);
    await emitAck(anim.socket, 'message:delete', { messageId: sent.message.id });
    expect((await as(anim).get(up.url)).status).to.equal(404);
  });

  it('refuses what the bank refuses, files of others, files sent twice, and uploads to channels one cannot write in', async () => {
    const anim = await person({ role: 'animator' });
    const carl = await person();
    const dept = (await as(carl).get('/api/channels')).body.find((c: any) => c.kind === 'departmental');
    const html = await uploadToChannel(s.url, carl.token, dept.id, samples.html(), 'page.pdf');
    expect([html.status, html.body.error.code]).to.deep.equal([415, 'unsupported_type']);
    const big = await uploadToChannel(s.url, carl.token, dept.id, Buffer.concat([samples.pdf(), Buffer.alloc(1_200_000)]), 'gros.pdf');
    expect([big.status, big.body.error.code]).to.deep.equal([413, 'too_large']);
    const announcements = (await as(carl).get('/api/channels')).body.find((c: any) => c.kind === 'national' && c.announce);
    const foreign = await uploadToChannel(s.url, anim.token, dept.id, samples.pdf(), 'x.pdf');
    expect(foreign.status).to.equal(404);
    const announceOnly = await uploadToChannel(s.url, carl.token, announcements.id, samples.pdf(), 'x.pdf');
    expect([announceOnly.status, announceOnly.body.error.code]).to.deep.equal([403, 'announce_only']);

    const mine = (await uploadToChannel(s.url, carl.token, dept.id, samples.pdf(), 'a.pdf')).body;
    const animDept = (await as(anim).get('/api/channels')).body.find((c: any) => c.kind === 'departmental');
    const theirs = await emitRaw(anim.socket, 'message:send', { channelId: animDept.id, body: 'x', clientMsgId: id(), fileIds: [mine.id] });
    expect(theirs.error.code).to.equal('invalid_files');
    const twice = await emitRaw(carl.socket, 'message:send', {
      channelId: dept.id,
      body: 'x',
      clientMsgId: id(),
      fileIds: [mine.id, mine.id],
    });
    expect(twice.error.code).to.equal('invalid_files');
    const key = id();
    const first = await emitAck(carl.socket, 'message:send', { channelId: dept.id, body: '', clientMsgId: key, fileIds: [mine.id] });
    // A resend (same clientMsgId) answers the stored message with its file; another message may not take it.
    const again = await emitAck(carl.socket, 'message:send', { channelId: dept.id, body: '', clientMsgId: key, fileIds: [mine.id] });
    expect(again.message.id).to.equal(first.message.id);
    expect(again.message.files.map((f) => f.id)).to.deep.equal([mine.id]);
    const reuse = await emitRaw(carl.socket, 'message:send', { channelId: dept.id, body: 'x', clientMsgId: id(), fileIds: [mine.id] });
    expect(reuse.error.code).to.equal('invalid_files');
    const empty = await emitRaw(carl.socket, 'message:send', { channelId: dept.id, body: '  ', clientMsgId: id() });
    expect(empty.error.code).to.equal('invalid_payload');
  });

  it('forgets uploads never sent once a day old, and keeps sent ones', async () => {
    const ann = await person();
    const dept = (await as(ann).get('/api/channels')).body.find((c: any) => c.kind === 'departmental');
    const sent = (await uploadToChannel(s.url, ann.token, dept.id, samples.pdf(), 'envoyé.pdf')).body;
    const unsent = (await uploadToChannel(s.url, ann.token, dept.id, samples.pdf(), 'oublié.pdf')).body;
    const fresh = (await uploadToChannel(s.url, ann.token, dept.id, samples.pdf(), 'récent.pdf')).body;
    await emitAck(ann.socket, 'message:send', { channelId: dept.id, body: 'x', clientMsgId: id(), fileIds: [sent.id] });
    const old = new Date(Date.now() - 2 * 86_400_000);
    await s.db('message_files').whereIn('id', [sent.id, unsent.id]).update({ created_at: old });
    expect(await purgeUnsentFiles(s.db)).to.equal(1);
    const left = (await s.db('message_files').whereIn('id', [sent.id, unsent.id, fresh.id]).select('id')).map((r) => r.id).sort();
    expect(left).to.deep.equal([sent.id, fresh.id].sort());
    expect((await as(ann).get(unsent.url)).status).to.equal(404);
  });
});
