import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import type { Socket } from 'socket.io-client';
import { startServer, type TestServer } from '../helpers/server';
import { api } from '../helpers/http';
import { makeUserWithToken, type UserOverrides } from '../helpers/factories';
import { uniqueDepartment } from '../helpers/contacts';
import { closeAll, connect, emitAck, expectNoEvent, waitForEvent } from '../helpers/sockets';
import { addToGroup, createGroup } from '../helpers/groups';
import { makeDocx, makeOdt, makeZip, samples } from '../helpers/zip';
import { storedPath } from '../../server/files';

type Person = { user: any; token: string; socket: Socket };

function form(bytes: Buffer, name: string, extra: Record<string, string> = {}): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(extra)) f.append(k, v);
  f.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' }), name);
  return f;
}

/** Every file of the content-addressed store, and every stray file anywhere else in the data folder. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('documents: the group document bank', () => {
  let s: TestServer;
  let owner: Person; // animator, owner of the private group and of the public one
  let member: Person;
  let other: Person; // member of the private group, not the uploader
  let outsider: Person;
  let priv: { id: number; channelId: number };
  let pub: { id: number; channelId: number };

  async function person(o: UserOverrides = {}): Promise<Person> {
    const u = await makeUserWithToken(s.db, { departmentCode: uniqueDepartment(), ...o });
    const socket = await connect(s.url, u.token);
    await emitAck(socket, 'presence:get', { userIds: [] });
    return { ...u, socket };
  }
  const as = (p: { token: string }) => api(s.url, { token: p.token });
  const upload = (p: Person, groupId: number, bytes: Buffer, name: string, extra: Record<string, string> = {}) =>
    as(p).post(`/api/groups/${groupId}/documents`, form(bytes, name, extra));

  before(async () => {
    s = await startServer({ env: { MAX_UPLOAD_MB: '1' } });
    owner = await person({ role: 'animator', username: 'doc.owner' });
    member = await person({ username: 'doc.member' });
    other = await person({ username: 'doc.other' });
    outsider = await person({ username: 'doc.outsider' });
    priv = await createGroup(s.url, owner.token, { name: 'Banque privée', visibility: 'private' });
    pub = await createGroup(s.url, owner.token, { name: 'Banque publique', visibility: 'public' });
    for (const p of [member, other]) await addToGroup(s.url, owner.token, priv.id, p);
    await addToGroup(s.url, owner.token, pub.id, member);
  });
  after(async () => {
    closeAll();
    await s.close();
  });

  it('uploads a PDF: 201 with the contract item, the bytes in the store at their sha256, members told live', async () => {
    const told = waitForEvent(other.socket, 'document:changed', (e) => e.groupId === priv.id);
    const notOutsider = expectNoEvent(outsider.socket, 'document:changed');
    const res = await upload(member, priv.id, samples.pdf(), 'Compte rendu.pdf', { title: 'CR du 12 mars', description: 'Réunion plénière' });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body).to.include({ title: 'CR du 12 mars', description: 'Réunion plénière', filename: 'Compte rendu.pdf', mimeType: 'application/pdf', groupId: priv.id, source: 'upload', duplicate: false });
    expect(res.body).to.have.keys(
      'id', 'title', 'description', 'filename', 'mimeType', 'size', 'sha256', 'uploader', 'createdAt',
      'groupId', 'group', 'source', 'postId', 'downloadUrl', 'previewUrl', 'canDelete', 'duplicate', 'announcement',
    );
    expect(res.body.size).to.equal(samples.pdf().length);
    expect(res.body.uploader).to.deep.include({ id: member.user.id, username: 'doc.member' });
    expect(res.body.previewUrl).to.equal(null);
    expect(fs.readFileSync(storedPath(s.config.dataDir, res.body.sha256)).equals(samples.pdf())).to.equal(true);
    const row = await s.db('documents').where({ id: res.body.id }).first();
    expect(row).to.include({ group_id: priv.id, uploader_id: member.user.id, mime_type: 'application/pdf' });
    expect((await told).documentId).to.equal(res.body.id);
    await notOutsider;
  });

  it('downloads with attachment, nosniff, a sandboxing CSP and the stored type', async () => {
    const doc = (await upload(member, priv.id, Buffer.from('Nom;Ville\nJulie;Lyon\n'), 'liste.csv')).body;
    expect(doc.mimeType).to.equal('text/csv');
    const res = await fetch(`${s.url}${doc.downloadUrl}`, { headers: { authorization: `Bearer ${other.token}` } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).to.equal(`attachment; filename="liste.csv"; filename*=UTF-8''liste.csv`);
    expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
    expect(res.headers.get('content-security-policy')).to.equal("default-src 'none'; sandbox");
    expect(await res.text()).to.equal('Nom;Ville\nJulie;Lyon\n');
  });

  it('keeps hostile file names as text: never a path, encoded in the header, verbatim in JSON', async () => {
    const traversal = await upload(member, priv.id, samples.pdf().subarray(0, 40), '../../etc/passwd.pdf');
    expect(traversal.status, JSON.stringify(traversal.body)).to.equal(201);
    expect(traversal.body.filename).to.not.include('/');
    expect(traversal.body.filename).to.match(/passwd\.pdf$/);
    const script = await upload(member, priv.id, Buffer.concat([samples.pdf(), Buffer.from('%x')]), '<script>.pdf');
    expect(script.status).to.equal(201);
    expect(script.body.filename).to.equal('<script>.pdf');
    expect(script.body.title).to.equal('<script>');
    const img = await upload(member, priv.id, Buffer.concat([samples.pdf(), Buffer.from('%z')]), '<img src=x onerror=alert(1)>.pdf');
    expect(img.body.filename).to.equal('<img src=x onerror=alert(1)>.pdf');
    const listed = (await as(other).get(`/api/groups/${priv.id}/documents?q=onerror`)).body.items;
    expect(listed.map((d: any) => d.filename)).to.deep.equal(['<img src=x onerror=alert(1)>.pdf']);
    const quoted = await upload(member, priv.id, Buffer.concat([samples.pdf(), Buffer.from('%y')]), 'Rapport final; é.pdf');
    const res = await fetch(`${s.url}${script.body.downloadUrl}`, { headers: { authorization: `Bearer ${member.token}` } });
    expect(res.headers.get('content-disposition')).to.equal(
      `attachment; filename="<script>.pdf"; filename*=UTF-8''%3Cscript%3E.pdf`,
    );
    const q = await fetch(`${s.url}${quoted.body.downloadUrl}`, { headers: { authorization: `Bearer ${member.token}` } });
    expect(q.headers.get('content-disposition')).to.equal(`attachment; filename="Rapport final_ e_.pdf"; filename*=UTF-8''Rapport%20final%3B%20%C3%A9.pdf`);
    // Nothing was written outside the store: every file of the data folder is files/<2 hex>/<sha256>.
    for (const f of filesUnder(s.config.dataDir).filter((f) => !f.includes(`${path.sep}outbox${path.sep}`))) {
      expect(path.relative(s.config.dataDir, f)).to.match(/^files[\\/][0-9a-f]{2}[\\/][0-9a-f]{64}$/);
    }
  });

  it('refuses by the bytes: HTML renamed .pdf, an executable, text with NUL or not UTF-8, text under a non-text name (415)', async () => {
    const cases: [Buffer, string][] = [
      [samples.html(), 'facture.pdf'],
      [samples.html(), 'page.html'],
      [Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), 'setup.exe'],
      [Buffer.from([0x41, 0x00, 0x42]), 'notes.txt'],
      [Buffer.from([0xe9, 0x74, 0xe9]), 'latin1.txt'],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.svg'],
    ];
    const before = (await s.db('documents').count({ n: '*' }).first()) as { n: number | string };
    for (const [bytes, name] of cases) {
      const res = await upload(member, priv.id, bytes, name);
      expect(res.status, name).to.equal(415);
      expect(res.body.error.code, name).to.equal('unsupported_type');
    }
    const after = (await s.db('documents').count({ n: '*' }).first()) as { n: number | string };
    expect(Number(after.n)).to.equal(Number(before.n));
    expect(fs.readdirSync(path.join(s.config.dataDir, 'tmp'))).to.deep.equal([]);
  });

  it('accepts office documents, images, text and archives, typed from their bytes', async () => {
    const cases: [Buffer, string, string][] = [
      [makeDocx(), 'note.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      [makeOdt(), 'note.odt', 'application/vnd.oasis.opendocument.text'],
      [samples.png(), 'photo.png', 'image/png'],
      [Buffer.from('Bonjour à tous\n'), 'lisezmoi.txt', 'text/plain'],
      [makeZip([{ name: 'a.txt', data: 'a' }]), 'lot.zip', 'application/zip'],
    ];
    for (const [bytes, name, mime] of cases) {
      const res = await upload(owner, pub.id, bytes, name);
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).to.equal(201);
      expect(res.body.mimeType, name).to.equal(mime);
    }
  });

  it('over MAX_UPLOAD_MB answers 413 too_large and keeps nothing', async () => {
    const big = Buffer.concat([samples.pdf(), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    const res = await upload(member, priv.id, big, 'gros.pdf');
    expect(res.status).to.equal(413);
    expect(res.body.error.code).to.equal('too_large');
    expect(await s.db('documents').where({ filename: 'gros.pdf' })).to.have.length(0);
    expect(fs.readdirSync(path.join(s.config.dataDir, 'tmp'))).to.deep.equal([]);
  });

  it('dedupes by sha256: the same bytes are one entry per bank and one file on disk', async () => {
    const bytes = Buffer.concat([samples.pdf(), Buffer.from('%dedupe')]);
    const first = await upload(member, priv.id, bytes, 'a.pdf');
    const again = await upload(other, priv.id, bytes, 'b.pdf', { title: 'Autre titre' });
    expect(first.status).to.equal(201);
    expect(again.status).to.equal(200);
    expect(again.body).to.include({ id: first.body.id, duplicate: true, filename: 'a.pdf' });
    const elsewhere = await upload(member, pub.id, bytes, 'c.pdf');
    expect(elsewhere.status).to.equal(201);
    expect(elsewhere.body.id).to.not.equal(first.body.id);
    expect(elsewhere.body.sha256).to.equal(first.body.sha256);
    const copies = filesUnder(path.join(s.config.dataDir, 'files')).filter((f) => f.endsWith(first.body.sha256));
    expect(copies).to.have.length(1);
  });

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

  it('my documents across groups: only the banks of groups I am a member of', async () => {
    const res = await as(member).get('/api/documents?limit=100');
    expect(res.status).to.equal(200);
    const groups = new Set(res.body.items.map((d: any) => d.groupId));
    expect([...groups].every((id) => id === priv.id || id === pub.id)).to.equal(true);
    expect((await as(outsider).get('/api/documents')).body.items).to.deep.equal([]);
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

  it('needs a session (401) and a file (400)', async () => {
    expect((await api(s.url).get(`/api/groups/${priv.id}/documents`)).status).to.equal(401);
    expect((await api(s.url).get('/api/documents/1/download')).status).to.equal(401);
    expect((await api(s.url).post(`/api/groups/${priv.id}/documents`, form(samples.pdf(), 'a.pdf'))).status).to.equal(401);
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
    const bobGot = waitForEvent(other.socket, 'message:new', (m) => m.channelId === priv.channelId);
    const outsiderSaw = expectNoEvent(outsider.socket, 'message:new');
    const res = await upload(member, priv.id, Buffer.concat([samples.pdf(), Buffer.from('%share')]), 'planning.pdf', { title: 'Planning', announce: 'true' });
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
    const up = await as(member).post(`/api/groups/${priv.id}/attachments`, form(Buffer.concat([samples.pdf(), Buffer.from('%post')]), 'annexe.pdf'));
    expect(up.status, JSON.stringify(up.body)).to.equal(201);
    const before = (await as(member).get(`/api/groups/${priv.id}/documents?q=annexe`)).body.items;
    expect(before).to.have.length(0);
    const post = await as(member).post(`/api/groups/${priv.id}/posts`, { kind: 'document', title: 'Ordre du jour', body: 'Voir annexe', attachmentIds: [up.body.id] });
    expect(post.status, JSON.stringify(post.body)).to.equal(201);
    const items = (await as(other).get(`/api/groups/${priv.id}/documents?q=annexe`)).body.items;
    expect(items).to.have.length(1);
    expect(items[0]).to.include({ filename: 'annexe.pdf', source: 'post', postId: post.body.id ?? post.body.post?.id, mimeType: 'application/pdf' });
    const dl = await fetch(`${s.url}${items[0].downloadUrl}`, { headers: { authorization: `Bearer ${other.token}` } });
    expect(dl.status).to.equal(200);
  });
});
