import { expect } from 'chai';
import { api } from '../helpers/http';
import { addToGroup, createGroup, groupsCast } from '../helpers/groups';
import { useCast, useServer } from '../helpers/suite';
import { peopleOn } from '../helpers/people';
import { uniqueDepartment } from '../helpers/contacts';

describe('communities: settings rights, sub-groups, edits, suggestions, visits, the gear', () => {
  const s = useServer();
  const { as, person } = peopleOn(s);
  const { anim, alice, bob, outsider } = useCast(() => groupsCast(s));

  describe('community settings', () => {
    it('group admins and animators mark a community; members may not; a private group stays 404 to outsiders', async () => {
      const g = await createGroup(s.url, anim.token, { visibility: 'public' });
      await addToGroup(s.url, anim.token, g.id, alice);
      await addToGroup(s.url, anim.token, g.id, bob);
      const member = await as(alice).put(`/api/groups/${g.id}/community`, { isCommunity: true });
      expect(member.status).to.equal(403);
      expect((await s.db('groups').where({ id: g.id }).first()).is_community).to.not.be.ok;
      expect((await api(s.url).put(`/api/groups/${g.id}/community`, { isCommunity: true })).status).to.equal(401);
      expect((await as(anim).put(`/api/groups/${g.id}/community`, { isCommunity: 'oui' })).body.error.code).to.equal('invalid_payload');

      const byOwner = await as(anim).put(`/api/groups/${g.id}/community`, { isCommunity: true });
      expect(byOwner.status).to.equal(200);
      expect(byOwner.body.isCommunity).to.equal(true);

      // A group admin (not owner) may too.
      await as(anim).patch(`/api/groups/${g.id}/members/${alice.user.id}`, { role: 'admin' });
      expect((await as(alice).put(`/api/groups/${g.id}/community`, { isCommunity: false })).status).to.equal(200);
      expect((await as(bob).get(`/api/groups/${g.id}`)).body.isCommunity).to.equal(false);

      // Another animator, outside the group: yes on a visible group, 404 on a private one.
      const other = await person({ role: 'animator' });
      expect((await as(other).put(`/api/groups/${g.id}/community`, { isCommunity: true })).status).to.equal(200);
      const p = await createGroup(s.url, anim.token, { visibility: 'private' });
      expect((await as(other).put(`/api/groups/${p.id}/community`, { isCommunity: true })).status).to.equal(404);
      expect((await as(outsider).put(`/api/groups/${p.id}/community`, { isCommunity: true })).status).to.equal(404);
      expect((await as(outsider).get(`/api/groups/${p.id}/community`)).status).to.equal(404);
      expect((await as(outsider).get(`/api/groups/${p.id}/links`)).status).to.equal(404);
    });

    it('useful links: editors add and remove them, anyone who sees the group reads them, bad addresses are refused', async () => {
      const g = await createGroup(s.url, anim.token, { visibility: 'public' });
      await addToGroup(s.url, anim.token, g.id, alice);
      const refused = await as(alice).post(`/api/groups/${g.id}/links`, { title: 'Site', url: 'https://exemple.fr' });
      expect(refused.status).to.equal(403);
      const bad = await as(anim).post(`/api/groups/${g.id}/links`, { title: 'Site', url: 'javascript:alert(1)' });
      expect(bad.status).to.equal(400);
      expect(bad.body.error.code).to.equal('invalid_payload');
      const added = await as(anim).post(`/api/groups/${g.id}/links`, { title: 'Service public', url: 'https://www.service-public.fr' });
      expect(added.status).to.equal(201);
      expect((await as(outsider).get(`/api/groups/${g.id}/links`)).body.items.map((l: any) => l.title)).to.deep.equal(['Service public']);
      const home = (await as(outsider).get(`/api/groups/${g.id}/community`)).body;
      expect(home.isMember).to.equal(false);
      expect(home.sections.map((x: any) => x.id)).to.deep.equal(['accueil', 'liens']);
      expect((await as(alice).delete(`/api/groups/${g.id}/links/${added.body.id}`)).status).to.equal(403);
      const other = await createGroup(s.url, anim.token, { visibility: 'public' });
      expect((await as(anim).delete(`/api/groups/${other.id}/links/${added.body.id}`)).status).to.equal(404);
      expect((await as(anim).delete(`/api/groups/${g.id}/links/${added.body.id}`)).status).to.equal(204);
      expect(await s.db('group_links').where({ group_id: g.id })).to.have.length(0);
    });

    it('the menu shows what has content or what the viewer may add', async () => {
      const g = await createGroup(s.url, anim.token, { visibility: 'public' });
      await addToGroup(s.url, anim.token, g.id, alice);
      const mine = (await as(alice).get(`/api/groups/${g.id}/community`)).body;
      expect(mine.sections.map((x: any) => x.id)).to.deep.equal(['accueil', 'actualites', 'experiences', 'forum']);
      const manager = (await as(anim).get(`/api/groups/${g.id}/community`)).body;
      expect(manager.sections.map((x: any) => x.id)).to.deep.equal([
        'accueil',
        'actualites',
        'references',
        'experiences',
        'agenda',
        'forum',
        'groupes',
        'liens',
      ]);
    });
  });

  describe('sub-groups', () => {
    it('are created by the community managers and joined under the parent rule', async () => {
      const c = await createGroup(s.url, anim.token, { visibility: 'public' });
      await addToGroup(s.url, anim.token, c.id, alice);
      const byMember = await as(alice).post('/api/groups', { name: `Sous ${c.id} refusé`, visibility: 'public', parentId: c.id });
      expect(byMember.status).to.equal(403);
      const pub = await createGroup(s.url, anim.token, { visibility: 'public', parentId: c.id });
      const mod = await createGroup(s.url, anim.token, { visibility: 'moderated', parentId: c.id });
      const priv = await createGroup(s.url, anim.token, { visibility: 'private', parentId: c.id });

      const notIn = await as(bob).post(`/api/groups/${pub.id}/join`);
      expect(notIn.status).to.equal(422);
      expect(notIn.body.error.code).to.equal('parent_membership_required');
      expect((await as(alice).post(`/api/groups/${pub.id}/join`)).status).to.equal(200);
      expect((await as(alice).post(`/api/groups/${mod.id}/join`)).status).to.equal(202);
      expect((await as(alice).post(`/api/groups/${priv.id}/join`)).status).to.equal(404);

      const seen = (await as(alice).get(`/api/groups/${c.id}/subgroups`)).body.items;
      const byId = (a: [number, string], b: [number, string]) => a[0] - b[0];
      expect(seen.map((g: any) => [g.id, g.myStatus]).sort(byId)).to.deep.equal(
        [
          [pub.id, 'member'],
          [mod.id, 'pending'],
        ].sort((a, b) => (a[0] as number) - (b[0] as number)),
      );
      expect(seen.find((g: any) => g.id === pub.id).parent).to.deep.equal({ id: c.id, name: c.name });
      expect((await as(anim).get(`/api/groups/${c.id}/subgroups`)).body.items.map((g: any) => g.id)).to.include(priv.id);
    });

    it('a group inside a private community is hidden from whoever is outside both', async () => {
      const c = await createGroup(s.url, anim.token, { visibility: 'private', name: `Communauté close ${Date.now()}` });
      await addToGroup(s.url, anim.token, c.id, alice);
      const inner = await createGroup(s.url, anim.token, { visibility: 'public', name: `Dedans ${c.id}`, parentId: c.id });
      expect((await as(bob).get(`/api/groups/${inner.id}`)).status).to.equal(404);
      expect((await as(bob).post(`/api/groups/${inner.id}/join`)).status).to.equal(404);
      expect((await as(bob).get(`/api/groups?q=${encodeURIComponent(`Dedans ${c.id}`)}`)).body.items).to.deep.equal([]);
      expect((await as(bob).get('/api/group-suggestions')).body.items.map((x: any) => x.group.id)).to.not.include(inner.id);
      expect((await as(alice).get(`/api/groups?q=${encodeURIComponent(`Dedans ${c.id}`)}`)).body.items.map((g: any) => g.id)).to.deep.equal(
        [inner.id],
      );
      expect((await as(alice).post(`/api/groups/${inner.id}/join`)).status).to.equal(200);
    });
  });

  describe('editing posts and comments after publishing', () => {
    it('only their author edits them, and they then show « modifié »', async () => {
      const g = await createGroup(s.url, anim.token, { visibility: 'private' });
      await addToGroup(s.url, anim.token, g.id, alice);
      await addToGroup(s.url, anim.token, g.id, bob);
      const post = (await as(alice).post(`/api/groups/${g.id}/posts`, { kind: 'experience', title: 'Notre atelier', body: 'Premier jet' }))
        .body;
      expect(post.editedAt).to.equal(null);
      expect((await as(bob).patch(`/api/posts/${post.id}`, { body: 'Pas à moi' })).status).to.equal(403);
      expect((await as(anim).patch(`/api/posts/${post.id}`, { body: 'Le propriétaire non plus' })).status).to.equal(403);
      expect((await as(outsider).patch(`/api/posts/${post.id}`, { body: 'Dehors' })).status).to.equal(404);
      const edited = await as(alice).patch(`/api/posts/${post.id}`, { title: 'Notre atelier numérique', body: 'Version revue' });
      expect(edited.status).to.equal(200);
      expect(edited.body.editedAt).to.be.a('string');
      const read = (await as(bob).get(`/api/posts/${post.id}`)).body;
      expect([read.title, read.body, !!read.editedAt]).to.deep.equal(['Notre atelier numérique', 'Version revue', true]);

      const comment = (await as(bob).post(`/api/posts/${post.id}/comments`, { body: 'Bravo' })).body;
      expect((await as(alice).patch(`/api/comments/${comment.id}`, { body: 'Pas le mien' })).status).to.equal(403);
      expect((await as(bob).patch(`/api/comments/${comment.id}`, { body: '' })).status).to.equal(400);
      const c2 = await as(bob).patch(`/api/comments/${comment.id}`, { body: 'Bravo à toute l’équipe' });
      expect(c2.status).to.equal(200);
      expect(c2.body.editedAt).to.be.a('string');
      expect((await as(alice).get(`/api/posts/${post.id}`)).body.comments[0].body).to.equal('Bravo à toute l’équipe');

      const experiences = (await as(bob).get(`/api/groups/${g.id}/posts?kind=experience`)).body.items;
      expect(experiences.map((p: any) => p.id)).to.deep.equal([post.id]);
      expect((await as(bob).get(`/api/groups/${g.id}/posts?kind=question`)).body.items).to.deep.equal([]);
    });

    it('a question’s author or a group manager accepts an answer', async () => {
      const g = await createGroup(s.url, anim.token, { visibility: 'public' });
      await addToGroup(s.url, anim.token, g.id, alice);
      await addToGroup(s.url, anim.token, g.id, bob);
      const q = (await as(alice).post(`/api/groups/${g.id}/posts`, { kind: 'question', title: 'Comment faire ?', body: '' })).body;
      const answer = (await as(bob).post(`/api/posts/${q.id}/comments`, { body: 'Comme ceci.' })).body;
      expect((await as(bob).put(`/api/posts/${q.id}/accepted-answer`, { commentId: answer.id })).status).to.equal(403);
      expect((await as(alice).put(`/api/posts/${q.id}/accepted-answer`, { commentId: answer.id })).status).to.equal(200);
      const forum = (await as(bob).get(`/api/groups/${g.id}/forum`)).body.items;
      expect(forum.map((x: any) => [x.postId, x.acceptedCommentId, x.commentCount])).to.deep.equal([[q.id, answer.id, 1]]);
      const article = (await as(alice).post(`/api/groups/${g.id}/posts`, { kind: 'article', title: 'Info', body: 'x' })).body;
      expect((await as(alice).put(`/api/posts/${article.id}/accepted-answer`, { commentId: null })).body.error.code).to.equal(
        'not_a_question',
      );
    });
  });

  describe('« nouveau » since my last visit', () => {
    it('a visit answers the previous one; the news count is what came after it', async () => {
      const g = await createGroup(s.url, anim.token, { visibility: 'public' });
      await addToGroup(s.url, anim.token, g.id, alice);
      expect((await as(alice).post(`/api/groups/${g.id}/visit`)).body.previousVisitAt).to.equal(null);
      await as(anim).post(`/api/groups/${g.id}/posts`, { kind: 'article', title: 'Après la visite', body: 'Du neuf' });
      const home = (await as(alice).get(`/api/groups/${g.id}/community`)).body;
      expect(home.sections.find((x: any) => x.id === 'actualites')).to.deep.equal({ id: 'actualites', count: 1, newCount: 1 });
      const second = (await as(alice).post(`/api/groups/${g.id}/visit`)).body.previousVisitAt;
      expect(second).to.equal(home.lastVisitAt);
      expect((await as(alice).get(`/api/groups/${g.id}/community`)).body.sections[1].newCount).to.equal(0);
    });
  });

  describe('the gear', () => {
    it('sets my rhythm for one of my groups in my notification settings; never mutes it', async () => {
      const g = await createGroup(s.url, anim.token, { visibility: 'public' });
      await addToGroup(s.url, anim.token, g.id, alice);
      expect((await as(outsider).put(`/api/me/notification-settings/groups/${g.id}`, { frequency: 'daily' })).status).to.equal(403);
      expect((await as(alice).put(`/api/me/notification-settings/groups/${g.id}`, { frequency: 'hourly' })).status).to.equal(400);
      const daily = await as(alice).put(`/api/me/notification-settings/groups/${g.id}`, { frequency: 'daily' });
      expect(daily.body.groups[String(g.id)]).to.deep.equal({ frequency: 'daily' });
      expect((await as(alice).get('/api/me/notification-settings')).body.groups[String(g.id)]).to.deep.equal({ frequency: 'daily' });
      await as(alice).put(`/api/me/notification-settings/groups/${g.id}`, { frequency: 'never' });
      await as(anim).post(`/api/groups/${g.id}/posts`, { kind: 'article', title: 'En sourdine', body: 'x' });
      const notes = await s.db('notifications').where({ user_id: alice.user.id, kind: 'post_new' });
      expect(notes.filter((n: any) => JSON.parse(n.data).groupId === g.id)).to.have.length(0);
      const back = await as(alice).put(`/api/me/notification-settings/groups/${g.id}`, { frequency: null });
      expect(back.body.groups).to.not.have.property(String(g.id));
    });
  });

  describe('« On vous propose »', () => {
    it('proposes groups of my département and of my contacts, never a private one, and forgets dismissed ones', async () => {
      const dep = uniqueDepartment();
      const me = await person({ departmentCode: dep });
      const neighbour = await person({ departmentCode: dep });
      const colleague = await person();
      const near = await createGroup(s.url, anim.token, { visibility: 'moderated', name: `Voisins ${dep}` });
      await addToGroup(s.url, anim.token, near.id, neighbour);
      const secret = await createGroup(s.url, anim.token, { visibility: 'private', name: `Secret ${dep}` });
      await addToGroup(s.url, anim.token, secret.id, neighbour);
      // A shared group makes me and the colleague contacts; the colleague's other group is proposed.
      const shared = await createGroup(s.url, anim.token, { visibility: 'public' });
      await addToGroup(s.url, anim.token, shared.id, me);
      await addToGroup(s.url, anim.token, shared.id, colleague);
      const theirs = await createGroup(s.url, anim.token, { visibility: 'public', name: `Collègues ${dep}` });
      await addToGroup(s.url, anim.token, theirs.id, colleague);
      // A sub-group of a community I am not in cannot be joined: not proposed.
      const sub = await createGroup(s.url, anim.token, { visibility: 'public', parentId: near.id });

      const items = (await as(me).get('/api/group-suggestions')).body.items as any[];
      expect(items.length).to.be.at.most(6);
      const ids = items.map((x) => x.group.id);
      expect(ids).to.include.members([near.id, theirs.id]);
      expect(ids).to.not.include.members([secret.id, shared.id, sub.id]);
      const nearOne = items.find((x) => x.group.id === near.id);
      expect(nearOne.reasons).to.include('departement');
      expect(nearOne.group.memberCount).to.equal(2);
      expect(items.find((x) => x.group.id === theirs.id).reasons).to.include('contacts');
      expect(items.every((x) => !x.reasons.includes('interets'))).to.equal(true);

      // Someone who shares one of my centres of interest: their group is proposed for it.
      const kindred = await person();
      const topic = await createGroup(s.url, anim.token, { visibility: 'public', name: `Intérêts ${dep}` });
      await addToGroup(s.url, anim.token, topic.id, kindred);
      const [theme] = await s.db('interest_themes').orderBy('id').limit(1);
      await s.db('user_interests').insert([
        { user_id: me.user.id, theme_id: theme.id, created_at: new Date() },
        { user_id: kindred.user.id, theme_id: theme.id, created_at: new Date() },
      ]);
      const withInterest = (await as(me).get('/api/group-suggestions')).body.items.find((x: any) => x.group.id === topic.id);
      expect(withInterest.reasons).to.include('interets');

      expect((await as(me).delete(`/api/group-suggestions/${secret.id}`)).status).to.equal(404);
      expect((await as(me).delete(`/api/group-suggestions/${near.id}`)).status).to.equal(204);
      const after = (await as(me).get('/api/group-suggestions')).body.items.map((x: any) => x.group.id);
      expect(after).to.not.include(near.id);
      expect(after).to.include(theirs.id);
      expect((await api(s.url).get('/api/group-suggestions')).status).to.equal(401);
    });
  });
});
