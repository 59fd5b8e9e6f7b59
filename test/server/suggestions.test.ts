/** « Suggestions » on both databases: propose, vote up (one per member, even concurrently), sort and filter, statuses decided by admins only, the author notified. */
import { expect } from 'chai';
import { peopleOn } from '../helpers/people';
import { useServerOn } from '../helpers/suite';
import { waitForEvent } from '../helpers/sockets';
import { api } from '../helpers/http';

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`suggestions (${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'})`, function () {
    this.timeout(60_000);
    const s = useServerOn(kind);
    const { person, as } = peopleOn(s);

    it('propose, vote up and take back, sorted by votes or date, filtered by status; bad input and signed-out answers', async () => {
      const alice = await person({ firstName: 'Alice', lastName: 'Idée' });
      const bob = await person();
      const carol = await person();
      const a = (await as(alice).post('/api/suggestions', { title: 'Un agenda partagé', body: 'Pour les réunions départementales.' })).body;
      const b = (await as(bob).post('/api/suggestions', { title: 'Un mode sombre', body: 'Pour le soir.' })).body;
      expect(a).to.include({ status: 'open', voteCount: 0, myVote: false, votable: true, canDelete: true });
      expect(a.author.displayName).to.equal('Alice Idée');
      const bad = await as(alice).post('/api/suggestions', { title: '', body: 'x' });
      expect(bad.status).to.equal(400);
      expect(bad.body.error.code).to.equal('invalid_payload');
      expect(bad.body.error.details.fields).to.have.property('title');
      expect((await api(s.url).get('/api/suggestions')).status).to.equal(401);
      expect((await as(bob).put(`/api/suggestions/${a.id}/vote`)).body).to.deep.equal({ id: a.id, voteCount: 1, myVote: true });
      expect((await as(bob).put(`/api/suggestions/${a.id}/vote`)).body.voteCount).to.equal(1);
      expect((await as(carol).put(`/api/suggestions/${a.id}/vote`)).body.voteCount).to.equal(2);
      expect((await as(carol).delete(`/api/suggestions/${a.id}/vote`)).body).to.deep.equal({ id: a.id, voteCount: 1, myVote: false });
      const byVotes = (await as(bob).get('/api/suggestions?sort=votes')).body;
      expect(byVotes.items.map((x: { id: number }) => x.id).slice(0, 2)).to.deep.equal([a.id, b.id]);
      expect(byVotes.items[0].myVote).to.equal(true);
      expect(byVotes.canDecide).to.equal(false);
      const byDate = (await as(bob).get('/api/suggestions?sort=date')).body;
      expect(byDate.items.map((x: { id: number }) => x.id).slice(0, 2)).to.deep.equal([b.id, a.id]);
      expect((await as(bob).get('/api/suggestions?status=nope')).body.error.code).to.equal('invalid_payload');
      const found = (await as(bob).get(`/api/suggestions?q=${encodeURIComponent('MODE somb')}`)).body.items;
      expect(found.map((x: { id: number }) => x.id)).to.deep.equal([b.id]);
      expect((await as(bob).put('/api/suggestions/999999/vote')).status).to.equal(404);
    });

    it('concurrent votes: one per member, and the count equals the votes', async () => {
      const author = await person();
      const voters = await Promise.all(Array.from({ length: 8 }, () => person()));
      const sug = (await as(author).post('/api/suggestions', { title: 'Des sondages', body: 'Dans les groupes.' })).body;
      const answers = await Promise.all([...voters, ...voters].map((v) => as(v).put(`/api/suggestions/${sug.id}/vote`)));
      expect(answers.every((r) => r.status === 200)).to.equal(true);
      expect(await s.db('suggestion_votes').where({ suggestion_id: sug.id })).to.have.length(8);
      expect((await as(author).get(`/api/suggestions/${sug.id}`)).body.voteCount).to.equal(8);
      await Promise.all(voters.slice(0, 5).map((v) => as(v).delete(`/api/suggestions/${sug.id}/vote`)));
      expect((await as(author).get(`/api/suggestions/${sug.id}`)).body.voteCount).to.equal(3);
    });

    it('only admins set a status, with a reason; the author is notified in the app; closed ones take no votes', async () => {
      const author = await person({ firstName: 'Paul', lastName: 'Proposant' });
      const admin = await person({ role: 'admin' });
      const animator = await person({ role: 'animator' });
      const member = await person();
      const sug = (await as(author).post('/api/suggestions', { title: 'Une FAQ', body: 'Sur les comptes rendus.' })).body;
      for (const p of [author, animator, member])
        expect((await as(p).post(`/api/suggestions/${sug.id}/status`, { status: 'planned', reason: 'Oui.' })).status).to.equal(403);
      const noReason = await as(admin).post(`/api/suggestions/${sug.id}/status`, { status: 'declined' });
      expect(noReason.status).to.equal(400);
      expect(noReason.body.error.details.fields).to.have.property('reason');
      const told = waitForEvent(author.socket, 'notification', (n) => n.kind === 'suggestion_status');
      const planned = await as(admin).post(`/api/suggestions/${sug.id}/status`, { status: 'planned', reason: 'Prévue pour janvier.' });
      expect(planned.status).to.equal(200);
      expect(planned.body).to.include({ status: 'planned', statusReason: 'Prévue pour janvier.' });
      expect(planned.body.statusBy.id).to.equal(admin.user.id);
      expect((await told).data).to.include({ suggestionId: sug.id, status: 'planned', reason: 'Prévue pour janvier.' });
      // Planned still takes votes; the author can no longer delete it (it keeps its answer); done takes none.
      expect((await as(member).put(`/api/suggestions/${sug.id}/vote`)).status).to.equal(200);
      expect((await as(author).delete(`/api/suggestions/${sug.id}`)).body.error.code).to.equal('suggestion_closed');
      await as(admin).post(`/api/suggestions/${sug.id}/status`, { status: 'done', reason: 'En ligne.' });
      const late = await as(member).delete(`/api/suggestions/${sug.id}/vote`);
      expect(late.status).to.equal(422);
      expect(late.body.error.code).to.equal('suggestion_closed');
      const filtered = (await as(member).get('/api/suggestions?status=done')).body;
      expect(filtered.items.map((x: { id: number }) => x.id)).to.include(sug.id);
      expect(filtered.items.every((x: { status: string }) => x.status === 'done')).to.equal(true);
      expect(filtered.counts.done).to.be.at.least(1);
      expect((await as(admin).get('/api/suggestions')).body.canDecide).to.equal(true);
      // Someone else's open suggestion: only its author or an admin deletes it.
      const other = (await as(member).post('/api/suggestions', { title: 'Autre', body: 'Texte.' })).body;
      expect((await as(author).delete(`/api/suggestions/${other.id}`)).status).to.equal(403);
      expect((await as(member).delete(`/api/suggestions/${other.id}`)).status).to.equal(204);
      expect((await as(admin).delete(`/api/suggestions/${sug.id}`)).status).to.equal(204);
      expect((await as(member).get(`/api/suggestions/${sug.id}`)).status).to.equal(404);
    });

    it('chat-only accounts have no access to the box', async () => {
      const chat = await person({ chatOnly: true });
      expect((await as(chat).get('/api/suggestions')).status).to.equal(403);
    });
  });
}
