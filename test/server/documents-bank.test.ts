import { expect } from 'chai';
import type { Message } from '../../server/protocol/chat';
import { api } from '../helpers/http';
import { expectNoEvent, waitForEvent } from '../helpers/sockets';
import { createGroup } from '../helpers/groups';
import { samples } from '../helpers/zip';
import { fileForm } from '../helpers/uploads';
import { useCast, useServer } from '../helpers/suite';
import { peopleOn, type Person } from '../helpers/people';
import { bankCast, uploadDocument } from '../helpers/documents';

describe('documents: listing, access, previews, edits and sharing', () => {
  const s = useServer({ env: { MAX_UPLOAD_MB: '1' } });
  const { as } = peopleOn(s);
  const upload = (p: Person, groupId: number, bytes: Buffer, name: string, fields: Record<string, string> = {}) =>
    uploadDocument(s, p, groupId, bytes, name, fields);
  const { owner, member, other, outsider, priv, pub } = useCast(() => bankCast(s));

  it('lists with search (title, description, file name), sort by date or title, type filter and a cursor', async () => {
    const g = await createGroup(s.url, owner.token, { name: 'Recherche', visibility: 'private' });
    const put = async (title: string, name: string, bytes: Buffer, description = '') =>
      (await upload(owner, g.id, bytes, name, { title, description })).body;
    const a = await put('Budget 2026', 'budget.pdf', Buffer.concat([samples.pdf(), Buffer.from('%1')]));
    const b = await put('agenda', 'ordre-du-jour.txt', Buffer.from('ordre du jour'), 'Préparation du budget');
    const c = await put('Compte rendu', 'cr-budget-final.pdf', Buffer.concat([samples.pdf(), Buffer.from('%2')]));
    const d = await put('Photo', 'photo.png', samples.png());
    const list = async (qs: string) => (await as(owner).get(`/api/groups/${g.id}/documents${qs}`)).body;
    expect((await list('')).items.map((x: any) => x.id)).to.deep.equal([d.id, c.id, b.id, a.id]);
    expect((await list('?q=BUDGET')).items.map((x: any) => x.id)).to.deep.equal([c.id, b.id, a.id]);
    expect((await list('?sort=title')).items.map((x: any) => x.title)).to.deep.equal(['agenda', 'Budget 2026', 'Compte rendu', 'Photo']);
    expect((await list('?type=pdf')).items.map((x: any) => x.id)).to.deep.equal([c.id, a.id]);
    expect((await list('?type=image')).items[0].previewUrl).to.equal(`/api/documents/${d.id}/preview`);
    const p1 = await list('?sort=title&limit=3');
    expect(p1.items).to.have.length(3);
    const p2 = await list(`?sort=title&limit=3&cursor=${p1.nextCursor}`);
    expect(p2.items.map((x: any) => x.title)).to.deep.equal(['Photo']);
    expect(p2.nextCursor).to.equal(null);
    const mine = (await as(owner).get(`/api/documents?q=budget&groupId=${g.id}`)).body;
    expect(mine.items.map((x: any) => x.id)).to.deep.equal([c.id, b.id, a.id]);
    expect(mine.items[0].group).to.deep.equal({ id: g.id, name: 'Recherche' });
    // Bad input: the exact code.
    for (const qs of ['?sort=size', '?type=exe', '?limit=0', '?cursor=nope']) {
      const res = await as(owner).get(`/api/groups/${g.id}/documents${qs}`);
      expect(res.status, qs).to.be.oneOf([400, 422]);
      expect(res.body.error.code, qs).to.be.oneOf(['invalid_payload', 'invalid_cursor']);
    }
  });

  it('a private group’s documents are 404 to outsiders; a public group’s are for members only', async () => {
    const doc = (await upload(member, priv.id, Buffer.concat([samples.pdf(), Buffer.from('%private')]), 'secret.pdf')).body;
    for (const p of [`/api/documents/${doc.id}`, `/api/documents/${doc.id}/download`, `/api/groups/${priv.id}/documents`]) {
      const res = await as(outsider).get(p);
      expect(res.status, p).to.equal(404);
      expect(res.body.error.code).to.equal('not_found');
    }
    expect((await upload(outsider, priv.id, samples.pdf(), 'x.pdf')).status).to.equal(404);
    expect((await as(outsider).delete(`/api/documents/${doc.id}`)).status).to.equal(404);
    const pubDoc = (await upload(member, pub.id, Buffer.concat([samples.pdf(), Buffer.from('%pub')]), 'public.pdf')).body;
    expect((await as(outsider).get(`/api/documents/${pubDoc.id}/download`)).status).to.equal(404);
    const list = await as(outsider).get(`/api/groups/${pub.id}/documents`);
    expect(list.status).to.equal(403);
    expect(list.body.error.code).to.equal('not_a_member');
    expect((await as(member).get('/api/documents/999999/download')).status).to.equal(404);
  });

  it('my documents across groups: only the banks of groups I am a member of', async () => {
    const res = await as(member).get('/api/documents?limit=100');
    expect(res.status).to.equal(200);
    const groups = new Set(res.body.items.map((d: any) => d.groupId));
    expect([...groups].every((id) => id === priv.id || id === pub.id)).to.equal(true);
    expect((await as(outsider).get('/api/documents')).body.items).to.deep.equal([]);
  });

  it('needs a session (401) and a file (400)', async () => {
    expect((await api(s.url).get(`/api/groups/${priv.id}/documents`)).status).to.equal(401);
    expect((await api(s.url).get('/api/documents/1/download')).status).to.equal(401);
    expect((await api(s.url).post(`/api/groups/${priv.id}/documents`, fileForm(samples.pdf(), 'a.pdf'))).status).to.equal(401);
    const f = new FormData();
    f.append('title', 'Sans fichier');
    const none = await as(member).post(`/api/groups/${priv.id}/documents`, f);
    expect(none.status).to.equal(400);
    expect(none.body.error.code).to.equal('invalid_payload');
    const json = await as(member).post(`/api/groups/${priv.id}/documents`, { title: 'x' });
    expect(json.status).to.equal(400);
    const long = await upload(member, priv.id, samples.pdf(), 'a.pdf', { title: 'x'.repeat(201) });
    expect(long.status).to.equal(400);
    expect(long.body.error.details.fields).to.have.property('title');
  });

  it('previews only raster images, inline; anything else has no preview', async () => {
    const img = (await upload(member, priv.id, samples.png(), 'carte.png')).body;
    const res = await fetch(`${s.url}/api/documents/${img.id}/preview`, { headers: { authorization: `Bearer ${member.token}` } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('image/png');
    expect(res.headers.get('content-disposition')).to.match(/^inline; /);
    expect(res.headers.get('content-security-policy')).to.equal("default-src 'none'; sandbox");
    const pdf = (await upload(member, priv.id, Buffer.concat([samples.pdf(), Buffer.from('%preview')]), 'p.pdf')).body;
    expect((await as(member).get(`/api/documents/${pdf.id}/preview`)).status).to.equal(404);
  });

  it('deletes: the uploader or a group manager; another member gets 403', async () => {
    const one = (await upload(member, priv.id, Buffer.concat([samples.pdf(), Buffer.from('%del1')]), 'd1.pdf')).body;
    const two = (await upload(member, priv.id, Buffer.concat([samples.pdf(), Buffer.from('%del2')]), 'd2.pdf')).body;
    const denied = await as(other).delete(`/api/documents/${one.id}`);
    expect(denied.status).to.equal(403);
    expect(denied.body.error.code).to.equal('forbidden');
    const told = waitForEvent(other.socket, 'document:changed', (e) => e.documentId === one.id && e.action === 'removed');
    expect((await as(member).delete(`/api/documents/${one.id}`)).status).to.equal(204);
    await told;
    expect((await as(owner).delete(`/api/documents/${two.id}`)).status).to.equal(204);
    expect((await as(member).get(`/api/documents/${two.id}`)).status).to.equal(404);
    expect(await s.db('documents').whereIn('id', [one.id, two.id])).to.have.length(0);
  });

  it('edits the title and description (uploader), with bad input refused', async () => {
    const doc = (await upload(member, priv.id, Buffer.concat([samples.pdf(), Buffer.from('%edit')]), 'e.pdf')).body;
    const res = await as(member).patch(`/api/documents/${doc.id}`, { title: 'Nouveau titre', description: null });
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ title: 'Nouveau titre', description: null });
    expect((await as(member).patch(`/api/documents/${doc.id}`, { filename: 'x.exe' })).status).to.equal(400);
    expect((await as(other).patch(`/api/documents/${doc.id}`, { title: 'Non' })).status).to.equal(403);
  });

  it('shares in the group channel: announce=true posts a message linking the document, members receive it', async () => {
    const bobGot = waitForEvent<'message:new', Message>(other.socket, 'message:new', (m) => m.channelId === priv.channelId);
    const outsiderSaw = expectNoEvent(outsider.socket, 'message:new');
    const res = await upload(member, priv.id, Buffer.concat([samples.pdf(), Buffer.from('%share')]), 'planning.pdf', {
      title: 'Planning',
      announce: 'true',
    });
    expect(res.status).to.equal(201);
    expect(res.body.announcement).to.include({ channelId: priv.channelId });
    const message = await bobGot;
    expect(message.id).to.equal(res.body.announcement.messageId);
    expect(message.body).to.include('« Planning »').and.to.include(`/documents/${res.body.id}`);
    expect(message.author.id).to.equal(member.user.id);
    await outsiderSaw;
    const row = await s.db('messages').where({ id: message.id }).first();
    expect(row.client_msg_id).to.equal(`document-${res.body.id}`);
    // Sharing again later is idempotent for the same author.
    const again = await as(member).post(`/api/documents/${res.body.id}/share`);
    expect(again.body.announcement.messageId).to.equal(message.id);
    expect((await as(outsider).post(`/api/documents/${res.body.id}/share`)).status).to.equal(404);
  });

  it('every file attached to a published post lands in the bank', async () => {
    const up = await as(member).post(
      `/api/groups/${priv.id}/attachments`,
      fileForm(Buffer.concat([samples.pdf(), Buffer.from('%post')]), 'annexe.pdf'),
    );
    expect(up.status, JSON.stringify(up.body)).to.equal(201);
    const before = (await as(member).get(`/api/groups/${priv.id}/documents?q=annexe`)).body.items;
    expect(before).to.have.length(0);
    const post = await as(member).post(`/api/groups/${priv.id}/posts`, {
      kind: 'document',
      title: 'Ordre du jour',
      body: 'Voir annexe',
      attachmentIds: [up.body.id],
    });
    expect(post.status, JSON.stringify(post.body)).to.equal(201);
    const items = (await as(other).get(`/api/groups/${priv.id}/documents?q=annexe`)).body.items;
    expect(items).to.have.length(1);
    expect(items[0]).to.include({
      filename: 'annexe.pdf',
      source: 'post',
      postId: post.body.id ?? post.body.post?.id,
      mimeType: 'application/pdf',
    });
    const dl = await fetch(`${s.url}${items[0].downloadUrl}`, { headers: { authorization: `Bearer ${other.token}` } });
    expect(dl.status).to.equal(200);
  });
});
