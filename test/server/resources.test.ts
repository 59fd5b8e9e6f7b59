import { expect } from 'chai';
import { api } from '../helpers/http';
import { useServer } from '../helpers/suite';
import { peopleOn, type Person } from '../helpers/people';
import { addToGroup, createGroup } from '../helpers/groups';
import { PNG, fileForm } from '../helpers/uploads';
import { uploadDocument } from '../helpers/documents';
import { seedDemo } from '../../server/demo-data';
import { lastMailTo } from '../helpers/outbox';

const link = (o: Record<string, unknown> = {}) => ({
  title: 'Tutoriel France Connect',
  description: 'Pas à pas pour se connecter avec FranceConnect.',
  type: 'tutoriel',
  format: 'link',
  url: 'https://franceconnect.gouv.fr/aide',
  access: 'public',
  themes: ['online_procedure'],
  departmentCodes: ['35'],
  ...o,
});

/** A multipart save: the resource as JSON in `data`, the file in `file`. */
const withFile = (data: Record<string, unknown>, bytes = PNG, name = 'fiche.png') =>
  fileForm(bytes, name, 'image/png', { data: JSON.stringify(data) });

describe('resource library: proposals through moderation, public or pro, promotion, favourites, search', () => {
  const s = useServer();
  const { person, as } = peopleOn(s);
  const anonymous = () => api(s.url);
  let author: Person;
  let reader: Person;
  let animator: Person;
  let admin: Person;

  before(async () => {
    author = await person();
    reader = await person();
    animator = await person({ role: 'animator' });
    admin = await person({ role: 'admin' });
  });

  const decide = (p: Person, id: number, decision: string, comment = '') =>
    as(p).post(`/api/moderation/resource/${id}`, { decision, comment });
  const searchIds = async (p: Person, q: string) =>
    ((await as(p).get(`/api/search/resources?q=${encodeURIComponent(q)}`)).body.items as { id: number }[]).map((h) => h.id);

  it('a member’s link waits in the moderators’ queue; published, members and visitors read it, and the search finds it', async () => {
    const created = await as(author).post('/api/resources', link({ title: 'Guide démarches zèbre', submit: true }));
    expect(created.status).to.equal(201);
    expect(created.body).to.include({ status: 'submitted', published: null });
    const id = created.body.id as number;
    expect((await as(reader).get(`/api/resources/${id}`)).status).to.equal(404);
    expect((await as(reader).get(`/api/resources/${id}/draft`)).status).to.equal(404);
    expect(await searchIds(reader, 'zebre')).to.not.include(id);
    const queue = await as(animator).get('/api/moderation');
    expect(queue.body.items.map((i: any) => [i.kind, i.id])).to.deep.include(['resource', id]);
    expect((await decide(reader, id, 'publish')).status).to.equal(404);
    expect((await decide(animator, id, 'publish')).body.status).to.equal('published');
    const notice = await s.db('notifications').where({ user_id: author.user.id, kind: 'content_moderated' }).orderBy('id', 'desc').first();
    expect(JSON.parse(notice.data)).to.include({ contentKind: 'resource', contentId: id, decision: 'publish' });
    expect((await as(reader).get(`/api/resources/${id}`)).body).to.include({ title: 'Guide démarches zèbre', access: 'public' });
    expect((await anonymous().get(`/api/public/resources/${id}`)).body.themes).to.deep.equal(['online_procedure']);
    expect(await searchIds(reader, 'zèbre')).to.include(id);
    // Opening the link redirects to it and counts.
    const open = await fetch(`${s.url}/api/public/resources/${id}/open`, { redirect: 'manual' });
    expect(open.status).to.equal(302);
    expect(open.headers.get('location')).to.equal('https://franceconnect.gouv.fr/aide');
    expect((await as(reader).get(`/api/resources/${id}`)).body.opens).to.equal(1);
  });

  it('a pro resource: members only (visitors 404 on the page, the file and the list), never in a visitor’s list', async () => {
    const res = await as(animator).post(
      '/api/resources',
      withFile(link({ title: 'Notice pro ornithorynque', format: 'file', url: null, access: 'pro', submit: true })),
    );
    expect(res.status).to.equal(201);
    expect(res.body.status).to.equal('published');
    const id = res.body.id as number;
    expect((await anonymous().get(`/api/public/resources/${id}`)).status).to.equal(404);
    expect((await anonymous().get(`/api/public/resources/${id}/open`)).status).to.equal(404);
    expect((await anonymous().get('/api/public/resources')).body.items.map((r: any) => r.id)).to.not.include(id);
    expect((await anonymous().get(`/api/resources/${id}`)).status).to.equal(401);
    const file = await fetch(`${s.url}/api/resources/${id}/open`, { headers: { authorization: `Bearer ${reader.token}` } });
    expect(file.status).to.equal(200);
    expect(file.headers.get('content-disposition')).to.include('attachment');
    expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).to.equal(true);
    expect(await searchIds(reader, 'ornithorynque')).to.include(id);
    // « Recommander »: the mail links to the page and to sign-up (pro); once per address.
    const rec = await as(reader).post(`/api/resources/${id}/recommend`, { email: 'ami-ressource@exemple.fr', message: 'À lire.' });
    expect(rec.status).to.equal(202);
    const mail = lastMailTo(s.outboxDir, 'ami-ressource@exemple.fr');
    expect(mail?.mail.text).to.include(`/ressources/${id}`).and.include('/inscription');
    expect((await as(reader).post(`/api/resources/${id}/recommend`, { email: 'ami-ressource@exemple.fr' })).body.error.code).to.equal(
      'already_recommended',
    );
  });

  it('bad input: a file resource without a file, a link without an address, an unknown application or type', async () => {
    expect((await as(author).post('/api/resources', link({ format: 'file', url: null }))).body.error.code).to.equal('file_required');
    const noUrl = await as(author).post('/api/resources', link({ url: '' }));
    expect(noUrl.body.error.code).to.equal('invalid_payload');
    expect((await as(author).post('/api/resources', link({ url: 'javascript:alert(1)' }))).body.error.code).to.equal('invalid_payload');
    expect((await as(author).post('/api/resources', link({ applicationId: 99999 }))).body.error.code).to.equal('invalid_payload');
    expect((await as(author).post('/api/resources', link({ type: 'roman' }))).body.error.code).to.equal('invalid_payload');
    const badData = await as(author).post('/api/resources', fileForm(PNG, 'x.png', 'image/png', { data: '{' }));
    expect(badData.body.error.code).to.equal('invalid_payload');
    const exe = await as(author).post(
      '/api/resources',
      withFile(link({ format: 'file', url: null }), Buffer.from('MZ\x90\x00binary'), 'a.exe'),
    );
    expect(exe.status).to.equal(415);
  });

  it('an edit of a published resource by its author goes back to moderation while the published version stays', async () => {
    const id = (await as(author).post('/api/resources', link({ title: 'Outil version un', submit: true }))).body.id;
    await decide(admin, id, 'publish');
    const edited = await as(author).put(`/api/resources/${id}`, link({ title: 'Outil version deux', submit: true }));
    expect(edited.body.status).to.equal('submitted');
    expect((await as(reader).get(`/api/resources/${id}`)).body.title).to.equal('Outil version un');
    expect(await searchIds(reader, 'deux')).to.not.include(id);
    expect((await as(reader).put(`/api/resources/${id}`, link())).status).to.equal(404);
    await decide(animator, id, 'reject', 'Doublon de la fiche existante.');
    expect((await as(reader).get(`/api/resources/${id}`)).body.title).to.equal('Outil version un');
    expect((await as(author).put(`/api/resources/${id}`, link())).body.error.code).to.equal('content_rejected');
    const mine = await as(author).get('/api/me/resources');
    expect(mine.body.items.map((r: any) => r.id)).to.include(id);
  });

  it('filters and sorts: by application (admins edit the list), type, theme, title, popularity', async () => {
    expect((await as(reader).post('/api/admin/resource-applications', { name: 'Logiciel X' })).status).to.equal(403);
    const app = (await as(admin).post('/api/admin/resource-applications', { name: 'Logiciel État civil' })).body;
    expect((await as(admin).post('/api/admin/resource-applications', { name: 'Logiciel État civil' })).body.error.code).to.equal(
      'name_taken',
    );
    const a = (
      await as(animator).post(
        '/api/resources',
        link({ title: 'Aaa mise à jour', type: 'mise_a_jour', applicationId: app.id, submit: true }),
      )
    ).body.id;
    const b = (await as(animator).post('/api/resources', link({ title: 'Zzz guide', type: 'guide', themes: ['security'], submit: true })))
      .body.id;
    const ids = async (q: string) => ((await as(reader).get(`/api/resources?${q}`)).body.items as { id: number }[]).map((r) => r.id);
    expect(await ids(`application=${app.id}`)).to.deep.equal([a]);
    expect(await ids('type=guide'))
      .to.include(b)
      .and.not.include(a);
    expect(await ids('theme=security')).to.deep.equal([b]);
    const byTitle = await ids('sort=title&limit=50');
    expect(byTitle.indexOf(a)).to.be.lessThan(byTitle.indexOf(b));
    expect((await ids('sort=application&limit=50'))[0]).to.equal(a);
    await as(reader).put(`/api/favorites/resource/${b}`);
    expect((await ids('sort=popularity&limit=50'))[0]).to.equal(b);
    expect((await as(reader).get('/api/resources?sort=nimporte')).body.error.code).to.equal('invalid_payload');
  });

  it('favourites: a published resource is kept and listed in « Mes favoris »; a draft cannot be kept', async () => {
    const id = (await as(animator).post('/api/resources', link({ title: 'Fiche atelier favori', type: 'fiche_atelier', submit: true })))
      .body.id;
    expect((await as(reader).put(`/api/favorites/resource/${id}`)).body.favorite).to.equal(true);
    const list = await as(reader).get('/api/favorites');
    expect(list.body.items.find((f: any) => f.kind === 'resource' && f.id === id)).to.include({
      href: `/ressources/${id}`,
      title: 'Fiche atelier favori',
    });
    const draft = (await as(author).post('/api/resources', link({ title: 'Brouillon' }))).body.id;
    expect((await as(reader).put(`/api/favorites/resource/${draft}`)).status).to.equal(404);
  });

  it('a group moderator promotes a group document: a published copy that links to its source, the members told; a plain member may not', async () => {
    const owner = await person();
    const member = await person();
    const outsider = await person();
    const group = await createGroup(s.url, animator.token, { name: 'Groupe ressources', visibility: 'private' });
    await addToGroup(s.url, animator.token, group.id, owner);
    expect((await as(animator).patch(`/api/groups/${group.id}/members/${owner.user.id}`, { role: 'admin' })).status).to.equal(200);
    await addToGroup(s.url, animator.token, group.id, member);
    const doc = (await uploadDocument(s, member, group.id, PNG, 'atelier.png', { title: 'Atelier tablette' })).body;
    const body = { type: 'fiche_atelier', access: 'pro', themes: ['equipment'] };
    expect((await as(outsider).post(`/api/documents/${doc.id}/promote`, body)).status).to.equal(404);
    expect((await as(member).post(`/api/documents/${doc.id}/promote`, body)).status).to.equal(403);
    const promoted = await as(owner).post(`/api/documents/${doc.id}/promote`, body);
    expect(promoted.status).to.equal(201);
    expect(promoted.body).to.include({ status: 'published', title: 'Atelier tablette', groupId: group.id });
    const read = await as(outsider).get(`/api/resources/${promoted.body.id}`);
    expect(read.body.sourceDocument).to.deep.equal({ id: doc.id, groupId: group.id });
    expect(read.body.file).to.include({ name: 'atelier.png' });
    const told = await s.db('notifications').where({ user_id: member.user.id, kind: 'resource_new' });
    expect(told.map((n: any) => JSON.parse(n.data).resourceId)).to.include(promoted.body.id);
    expect(await s.db('notifications').where({ user_id: owner.user.id, kind: 'resource_new' })).to.have.length(0);
  });
});

describe('demo data: the library has a few resources', () => {
  const s = useServer();

  it('visitors see the public ones, members the pro ones too; one waits for moderation', async () => {
    await seedDemo(s.app.deps);
    expect((await api(s.url).get('/api/public/resources')).body.items).to.have.length(2);
    expect(await s.db('resources').whereNotNull('published_at')).to.have.length(4);
    expect(await s.db('resources').where({ status: 'submitted' })).to.have.length(1);
  });
});
