import { expect } from 'chai';
import { api } from '../helpers/http';
import { closeAll, expectNoEvent, waitForEvent } from '../helpers/sockets';
import { addToGroup, createGroup } from '../helpers/groups';
import { PNG, fileForm } from '../helpers/uploads';
import { useServer } from '../helpers/suite';
import { peopleOn, type Person } from '../helpers/people';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

describe('posts: audience, feed, comments, reactions, files', () => {
  const s = useServer({ env: { MAX_UPLOAD_MB: '1' } });
  const { person, as } = peopleOn(s);
  let anim: Person; // owner of group A
  let memberA: Person;
  let memberB: Person; // member of group B only
  let named: Person; // X: in no group, named in the audience
  let outsider: Person;
  let groupA: { id: number; channelId: number };
  let groupB: { id: number; channelId: number };
  let privateGroup: { id: number; channelId: number };

  const post = (p: Person, groupId: number, body: Record<string, unknown>) => as(p).post(`/api/groups/${groupId}/posts`, body);

  before(async () => {
    anim = await person({ role: 'animator', firstName: 'Annie', lastName: 'Mateur' });
    memberA = await person({ firstName: 'Aline', lastName: 'Membre' });
    memberB = await person({ firstName: 'Basile', lastName: 'Autre' });
    named = await person({ firstName: 'Xavier', lastName: 'Nommé' });
    outsider = await person({ firstName: 'Oscar', lastName: 'Dehors' });
    groupA = await createGroup(s.url, anim.token, { name: 'Groupe A', visibility: 'public' });
    groupB = await createGroup(s.url, anim.token, { name: 'Groupe B', visibility: 'moderated' });
    privateGroup = await createGroup(s.url, anim.token, { name: 'Groupe privé', visibility: 'private' });
    await addToGroup(s.url, anim.token, groupA.id, memberA);
    await addToGroup(s.url, anim.token, groupB.id, memberB);
  });
  after(async () => {
    closeAll();
    await s.close();
  });

  it('a post to group A plus named member X: members of A and X see it (live and in the feed), others do not', async () => {
    const toMember = waitForEvent(memberA.socket, 'post:new', (p) => p.title === 'Appel à contributions');
    const toNamed = waitForEvent(named.socket, 'post:new', (p) => p.title === 'Appel à contributions');
    const notNamed = waitForEvent(named.socket, 'notification', (n) => n.kind === 'post_addressed');
    const quiet = [expectNoEvent(outsider.socket, 'post:new'), expectNoEvent(memberB.socket, 'post:new')];
    const res = await post(anim, groupA.id, {
      kind: 'article',
      title: 'Appel à contributions',
      body: 'Partagez vos **fiches pratiques**.',
      audience: { userIds: [named.user.id] },
    });
    expect(res.status).to.equal(201);
    expect(res.body).to.include({
      kind: 'article',
      title: 'Appel à contributions',
      body: 'Partagez vos **fiches pratiques**.',
      groupId: groupA.id,
      commentCount: 0,
      image: null,
    });
    expect(res.body.author).to.include({ id: anim.user.id, displayName: 'Annie Mateur' });
    expect(res.body.group).to.deep.equal({ id: groupA.id, name: 'Groupe A' });
    expect(res.body.reactions).to.deep.equal({ like: 0, recommend: 0 });
    expect(res.body.myReactions).to.deep.equal([]);
    const live = await toMember;
    expect(live.id).to.equal(res.body.id);
    expect(live).to.not.have.property('myReactions');
    expect((await toNamed).id).to.equal(res.body.id);
    expect((await notNamed).data.postId).to.equal(res.body.id);
    await Promise.all(quiet);

    const audience = await s.db('post_audience').where({ post_id: res.body.id });
    expect(audience.map((a: any) => [a.group_id, a.user_id])).to.have.deep.members([
      [groupA.id, null],
      [null, named.user.id],
    ]);

    for (const who of [memberA, named, anim]) {
      expect(
        (await as(who).get('/api/feed')).body.items.map((p: any) => p.id),
        who.user.first_name,
      ).to.include(res.body.id);
      expect((await as(who).get(`/api/posts/${res.body.id}`)).status).to.equal(200);
    }
    for (const who of [outsider, memberB]) {
      expect((await as(who).get('/api/feed')).body.items.map((p: any) => p.id)).to.not.include(res.body.id);
      const one = await as(who).get(`/api/posts/${res.body.id}`);
      expect(one.status).to.equal(404);
      expect(one.body).to.deep.equal((await as(who).get('/api/posts/999999')).body);
    }
    expect((await as(memberA).get(`/api/groups/${groupA.id}/posts`)).body.items[0].id).to.equal(res.body.id);
    expect((await as(named).get(`/api/groups/${groupA.id}/posts`)).status).to.equal(403);
  });

  it('a post may be addressed to another group: its members see it too', async () => {
    const toB = waitForEvent(memberB.socket, 'post:new', (p) => p.title === 'Pour les deux groupes');
    const res = await post(anim, groupA.id, {
      kind: 'question',
      title: 'Pour les deux groupes',
      body: 'Qui vient ?',
      audience: { groupIds: [groupB.id] },
    });
    expect(res.status).to.equal(201);
    await toB;
    expect((await as(memberB).get(`/api/groups/${groupB.id}/posts`)).body.items.map((p: any) => p.id)).to.include(res.body.id);
    expect((await as(memberB).get('/api/feed')).body.items[0].id).to.equal(res.body.id);
    const hidden = await post(memberA, groupA.id, {
      kind: 'article',
      title: 'Vers un groupe caché',
      body: '',
      audience: { groupIds: [privateGroup.id] },
    });
    expect(hidden.status).to.equal(422);
    expect(hidden.body.error.code).to.equal('invalid_audience');
    const ghost = await post(memberA, groupA.id, { kind: 'article', title: 'Vers personne', body: '', audience: { userIds: [987654] } });
    expect(ghost.body.error.code).to.equal('invalid_audience');
  });

  it('only members post: 403 in a visible group, 404 in a private one, 400 on bad input, 401 without a session', async () => {
    const notMember = await post(outsider, groupA.id, { kind: 'article', title: 'Intrus', body: 'x' });
    expect(notMember.status).to.equal(403);
    expect(notMember.body.error.code).to.equal('not_a_member');
    expect((await post(outsider, privateGroup.id, { kind: 'article', title: 'Intrus', body: 'x' })).status).to.equal(404);
    const bad = await post(memberA, groupA.id, { kind: 'poem', title: '', body: 'x', extra: 1 });
    expect(bad.status).to.equal(400);
    expect(bad.body.error.code).to.equal('invalid_payload');
    expect((await post(memberA, groupA.id, { kind: 'link', title: 'Lien', body: '', linkUrl: 'javascript:alert(1)' })).status).to.equal(
      400,
    );
    const link = await post(memberA, groupA.id, { kind: 'link', title: 'Lien', body: '', linkUrl: 'https://www.service-public.fr/' });
    expect(link.body.linkUrl).to.equal('https://www.service-public.fr/');
    expect((await api(s.url).post(`/api/groups/${groupA.id}/posts`, { kind: 'article', title: 't', body: 'b' })).status).to.equal(401);
    expect((await api(s.url).get('/api/feed')).status).to.equal(401);
    const chatOnly = await person({ chatOnly: true });
    expect((await as(chatOnly).get('/api/feed')).status).to.equal(403);
  });

  it('feed: newest first with cursor pagination', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await post(memberA, groupA.id, { kind: 'article', title: `Page ${i}`, body: '' })).body.id);
    const first = await as(memberA).get('/api/feed?limit=3');
    expect(first.body.items.map((p: any) => p.id)).to.deep.equal([ids[4], ids[3], ids[2]]);
    expect(first.body.nextCursor).to.equal(ids[2]);
    const second = await as(memberA).get(`/api/feed?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((p: any) => p.id)).to.deep.equal([ids[1], ids[0]]);
    expect((await as(memberA).get('/api/feed?limit=500')).body.error.code).to.equal('invalid_payload');
  });

  it('comments reach the audience live and notify the author; outsiders cannot comment', async () => {
    const p = (await post(anim, groupA.id, { kind: 'question', title: 'Une question', body: 'Des idées ?' })).body;
    const toMember = waitForEvent(memberA.socket, 'comment:new', (c) => c.postId === p.id);
    const toAuthor = waitForEvent(anim.socket, 'notification', (n) => n.kind === 'comment' && n.data.postId === p.id);
    const quiet = expectNoEvent(outsider.socket, 'comment:new');
    const res = await as(memberA).post(`/api/posts/${p.id}/comments`, { body: 'Oui : un atelier le mardi.' });
    expect(res.status).to.equal(201);
    expect(res.body).to.include({ postId: p.id, body: 'Oui : un atelier le mardi.' });
    expect(res.body.author.id).to.equal(memberA.user.id);
    expect((await toMember).id).to.equal(res.body.id);
    await toAuthor;
    await quiet;
    expect(await s.db('comments').where({ id: res.body.id }).first()).to.include({
      body: 'Oui : un atelier le mardi.',
      author_id: memberA.user.id,
    });
    const one = await as(anim).get(`/api/posts/${p.id}`);
    expect(one.body.comments.map((c: any) => c.body)).to.deep.equal(['Oui : un atelier le mardi.']);
    expect(one.body).to.include({ commentCount: 1, canDelete: true, canModerate: true });
    expect((await as(outsider).post(`/api/posts/${p.id}/comments`, { body: 'Moi aussi' })).status).to.equal(404);
    expect((await as(memberA).post(`/api/posts/${p.id}/comments`, { body: '   ' })).status).to.equal(400);

    expect((await as(anim).patch(`/api/comments/${res.body.id}`, { body: 'Réécrit' })).status).to.equal(403);
    expect((await as(memberA).patch(`/api/comments/${res.body.id}`, { body: 'Un atelier le mardi et le jeudi.' })).body.editedAt).to.be.a(
      'string',
    );
    const gone = waitForEvent(memberA.socket, 'comment:deleted', (c) => c.id === res.body.id);
    expect((await as(anim).delete(`/api/comments/${res.body.id}`)).status).to.equal(204);
    await gone;
  });

  it('reactions toggle, are counted, and say who reacted', async () => {
    const p = (await post(anim, groupA.id, { kind: 'article', title: 'À aimer', body: '' })).body;
    const counted = waitForEvent(anim.socket, 'post:updated', (x) => x.id === p.id && x.reactions.like === 1);
    const like = await as(memberA).post(`/api/posts/${p.id}/reactions`, { kind: 'like' });
    expect(like.body).to.deep.equal({ active: true, kind: 'like', reactions: { like: 1, recommend: 0 }, myReactions: ['like'] });
    await counted;
    await as(anim).post(`/api/posts/${p.id}/reactions`, { kind: 'recommend' });
    const who = await as(anim).get(`/api/posts/${p.id}/reactions`);
    expect(who.body.items.map((r: any) => [r.user.id, r.kind])).to.have.deep.members([
      [memberA.user.id, 'like'],
      [anim.user.id, 'recommend'],
    ]);
    const undo = await as(memberA).post(`/api/posts/${p.id}/reactions`, { kind: 'like' });
    expect(undo.body).to.include({ active: false });
    expect(undo.body.reactions).to.deep.equal({ like: 0, recommend: 1 });
    expect((await as(memberA).post(`/api/posts/${p.id}/reactions`, { kind: 'love' })).status).to.equal(400);
    expect((await as(outsider).post(`/api/posts/${p.id}/reactions`, { kind: 'like' })).status).to.equal(404);
    expect((await as(memberA).get(`/api/posts/${p.id}`)).body.reactions).to.deep.equal({ like: 0, recommend: 1 });
  });

  it('authors edit their posts; authors and group admins delete them', async () => {
    const p = (await post(memberA, groupA.id, { kind: 'article', title: 'Brouillon', body: 'v1' })).body;
    expect((await as(anim).patch(`/api/posts/${p.id}`, { title: 'Volé' })).status).to.equal(403);
    const edited = waitForEvent(anim.socket, 'post:updated', (x) => x.id === p.id);
    const res = await as(memberA).patch(`/api/posts/${p.id}`, { title: 'Version finale', body: 'v2' });
    expect(res.body).to.include({ title: 'Version finale', body: 'v2' });
    expect(res.body.editedAt).to.be.a('string');
    expect((await edited).title).to.equal('Version finale');

    const other = (await post(anim, groupA.id, { kind: 'article', title: 'Du propriétaire', body: '' })).body;
    expect((await as(memberA).delete(`/api/posts/${other.id}`)).status).to.equal(403);
    const deleted = waitForEvent(memberA.socket, 'post:deleted', (x) => x.id === p.id);
    expect((await as(anim).delete(`/api/posts/${p.id}`)).status).to.equal(204);
    expect((await deleted).groupId).to.equal(groupA.id);
    expect((await as(memberA).get(`/api/posts/${p.id}`)).status).to.equal(404);
  });

  it('files: uploaded with their type read from the bytes, tied to a post, served to its audience only', async () => {
    const img = await as(memberA).post(`/api/groups/${groupA.id}/attachments`, fileForm(PNG, 'affiche.png', 'image/png'));
    expect(img.status).to.equal(201);
    expect(img.body).to.include({ filename: 'affiche.png', mimeType: 'image/png', size: PNG.length, postId: null });
    const pdf = await as(memberA).post(`/api/groups/${groupA.id}/attachments`, fileForm(PDF, 'Compte rendu été.pdf', 'application/pdf'));
    expect(pdf.body.mimeType).to.equal('application/pdf');
    const fake = await as(memberA).post(
      `/api/groups/${groupA.id}/attachments`,
      fileForm(Buffer.from('<script>alert(1)</script>'), 'photo.png', 'image/png'),
    );
    expect(fake.body.mimeType).to.not.match(/image|html/);
    expect((await as(outsider).post(`/api/groups/${groupA.id}/attachments`, fileForm(PNG, 'x.png', 'image/png'))).status).to.equal(403);
    expect((await as(outsider).get(`/api/attachments/${img.body.id}`)).status).to.equal(404);
    const big = await as(memberA).post(
      `/api/groups/${groupA.id}/attachments`,
      fileForm(Buffer.alloc(1024 * 1024 + 10), 'gros.bin', 'application/octet-stream'),
    );
    expect(big.status).to.equal(413);
    expect(big.body.error.code).to.equal('too_large');
    expect((await as(memberA).post(`/api/groups/${groupA.id}/attachments`, { file: 'x' })).status).to.equal(400);

    const notImage = await post(memberA, groupA.id, { kind: 'photo', title: 'x', body: '', imageId: pdf.body.id });
    expect(notImage.body.error.code).to.equal('invalid_attachment');
    const res = await post(memberA, groupA.id, {
      kind: 'document',
      title: 'Compte rendu',
      body: '',
      imageId: img.body.id,
      attachmentIds: [pdf.body.id],
    });
    expect(res.status).to.equal(201);
    expect(res.body.image).to.include({ id: img.body.id, isImage: true });
    expect(res.body.attachments.map((a: any) => a.filename)).to.deep.equal(['Compte rendu été.pdf']);
    const again = await post(memberA, groupA.id, { kind: 'document', title: 'Doublon', body: '', attachmentIds: [pdf.body.id] });
    expect(again.body.error.code).to.equal('invalid_attachment');

    const file = await as(anim).get(`/api/attachments/${pdf.body.id}`);
    expect(file.status).to.equal(200);
    expect(file.headers.get('content-type')).to.equal('application/pdf');
    expect(file.headers.get('x-content-type-options')).to.equal('nosniff');
    expect(file.headers.get('content-disposition')).to.match(
      /^attachment; filename="Compte rendu e_te_\.pdf"; filename\*=UTF-8''Compte%20rendu%20%C3%A9t%C3%A9\.pdf$/,
    );
    expect(file.body).to.equal(PDF.toString());
    expect((await as(anim).get(`/api/attachments/${img.body.id}`)).headers.get('content-disposition')).to.match(/^inline/);
    expect((await as(outsider).get(`/api/attachments/${pdf.body.id}`)).status).to.equal(404);
    expect(await s.db('post_attachments').where({ id: pdf.body.id }).first()).to.include({
      post_id: res.body.id,
      group_id: groupA.id,
      sha256: pdf.body.sha256,
    });
  });
});
