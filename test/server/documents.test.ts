import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { expectNoEvent, waitForEvent } from '../helpers/sockets';
import { makeDocx, makeOdt, makeZip, samples } from '../helpers/zip';
import { storedPath } from '../../server/files';
import { useCast, useServer } from '../helpers/suite';
import { peopleOn, type Person } from '../helpers/people';
import { bankCast, uploadDocument } from '../helpers/documents';

/** Every file of the content-addressed store, and every stray file anywhere else in the data folder. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('documents: files in the group bank (types, names, size, storage)', () => {
  const s = useServer({ env: { MAX_UPLOAD_MB: '1' } });
  const { as } = peopleOn(s);
  const upload = (p: Person, groupId: number, bytes: Buffer, name: string, fields: Record<string, string> = {}) =>
    uploadDocument(s, p, groupId, bytes, name, fields);
  const { owner, member, other, outsider, priv, pub } = useCast(() => bankCast(s));

  it('uploads a PDF: 201 with the contract item, the bytes in the store at their sha256, members told live', async () => {
    const told = waitForEvent(other.socket, 'document:changed', (e) => e.groupId === priv.id);
    const notOutsider = expectNoEvent(outsider.socket, 'document:changed');
    const res = await upload(member, priv.id, samples.pdf(), 'Compte rendu.pdf', {
      title: 'CR du 12 mars',
      description: 'Réunion plénière',
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body).to.include({
      title: 'CR du 12 mars',
      description: 'Réunion plénière',
      filename: 'Compte rendu.pdf',
      mimeType: 'application/pdf',
      groupId: priv.id,
      source: 'upload',
      duplicate: false,
    });
    expect(res.body).to.have.keys(
      'id',
      'title',
      'description',
      'filename',
      'mimeType',
      'size',
      'sha256',
      'uploader',
      'createdAt',
      'groupId',
      'group',
      'source',
      'postId',
      'downloadUrl',
      'previewUrl',
      'canDelete',
      'duplicate',
      'announcement',
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
    expect(res.headers.get('content-disposition')).to.equal(`attachment; filename="<script>.pdf"; filename*=UTF-8''%3Cscript%3E.pdf`);
    const q = await fetch(`${s.url}${quoted.body.downloadUrl}`, { headers: { authorization: `Bearer ${member.token}` } });
    expect(q.headers.get('content-disposition')).to.equal(
      `attachment; filename="Rapport final_ e_.pdf"; filename*=UTF-8''Rapport%20final%3B%20%C3%A9.pdf`,
    );
    // Nothing was written outside the store: every file of the data folder is files/<2 hex>/<sha256>.
    // (The mail outbox and the server's own Web Push keys live there too.)
    for (const f of filesUnder(s.config.dataDir).filter(
      (f) => !f.includes(`${path.sep}outbox${path.sep}`) && path.basename(f) !== 'vapid.json',
    )) {
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
});
