/**
 * Polls on both databases: creating, voting (one ballot per member, changeable),
 * live `poll:updated` to the post's audience only, who sees results when,
 * closing, the CSV export, and strict anonymity (no voter identity anywhere).
 */
import { expect } from 'chai';
import { peopleOn } from '../helpers/people';
import { createGroup, addToGroup } from '../helpers/groups';
import { useServerOn } from '../helpers/suite';
import { expectNoEvent, waitForEvent } from '../helpers/sockets';
import { readZip } from '../helpers/zip';
import type { TestServer } from '../helpers/server';

type P = Awaited<ReturnType<ReturnType<typeof peopleOn>['person']>>;

async function cast(s: TestServer) {
  const { person } = peopleOn(s);
  const anim = await person({ role: 'animator', firstName: 'Annie', lastName: 'Mateur' });
  const alice = await person({ firstName: 'Alicette', lastName: 'Votante' });
  const bob = await person({ firstName: 'Bobinet', lastName: 'Secret' });
  const carol = await person({ firstName: 'Carole', lastName: 'Membre' });
  const outsider = await person({ firstName: 'Oscar', lastName: 'Dehors' });
  const group = await createGroup(s.url, anim.token, { visibility: 'private' });
  for (const p of [alice, bob, carol]) await addToGroup(s.url, anim.token, group.id, p);
  // Membership moved the sockets into the group channel's room: wait for it to settle with one round-trip each.
  return { anim, alice, bob, carol, outsider, group };
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`polls (${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'})`, function () {
    this.timeout(60_000);
    const s = useServerOn(kind);
    const { as } = peopleOn(s);
    let c: Awaited<ReturnType<typeof cast>>;
    before(async () => {
      c = await cast(s);
    });

    async function newPoll(author: P, poll: Record<string, unknown>, title = 'Quel jour pour la réunion ?') {
      const res = await as(author).post(`/api/groups/${c.group.id}/posts`, { kind: 'poll', title, poll });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      const view = await as(author).get(`/api/polls/${res.body.id}`);
      return view.body as { postId: number; options: { id: number; label: string }[] };
    }

    it('creates a poll post (2–20 options, "sondage" accepted), refuses bad input with clear errors', async () => {
      const p = await newPoll(c.alice, { options: ['Lundi', 'Mardi', ' '] });
      expect(p.options.map((o) => o.label)).to.deep.equal(['Lundi', 'Mardi']);
      const post = (await as(c.alice).get(`/api/posts/${p.postId}`)).body;
      expect(post.kind).to.equal('poll');
      const fr = await as(c.alice).post(`/api/groups/${c.group.id}/posts`, {
        kind: 'sondage',
        title: 'Q ?',
        poll: { options: ['A', 'B'] },
      });
      expect(fr.status).to.equal(201);
      expect(fr.body.kind).to.equal('poll');
      const bad = async (body: unknown) => (await as(c.alice).post(`/api/groups/${c.group.id}/posts`, body)).body.error;
      expect((await bad({ kind: 'poll', title: 'Q', poll: { options: ['Seule'] } })).code).to.equal('invalid_payload');
      expect((await bad({ kind: 'poll', title: 'Q' })).message).to.match(/options/);
      expect((await bad({ kind: 'article', title: 'Q', poll: { options: ['A', 'B'] } })).code).to.equal('invalid_payload');
      expect((await bad({ kind: 'poll', title: 'Q', poll: { options: Array.from({ length: 21 }, (_, i) => `O${i}`) } })).code).to.equal(
        'invalid_payload',
      );
      expect((await bad({ kind: 'poll', title: 'Q', poll: { options: ['A', 'a'] } })).message).to.match(/identiques/);
      const past = await bad({ kind: 'poll', title: 'Q', poll: { options: ['A', 'B'], closesAt: '2020-01-01T00:00:00Z' } });
      expect(past.code).to.equal('invalid_payload');
      expect(past.details.fields).to.have.property('poll.closesAt');
    });

    it('one vote per member: changeable, single choice enforced, hidden results until I vote (after_vote)', async () => {
      const p = await newPoll(c.alice, { options: ['Lundi', 'Mardi', 'Jeudi'] });
      const [lundi, mardi, jeudi] = p.options.map((o) => o.id) as [number, number, number];
      const before = (await as(c.bob).get(`/api/polls/${p.postId}`)).body;
      expect(before.resultsVisible).to.equal(false);
      expect(before.options.every((o: { votes: number | null }) => o.votes === null)).to.equal(true);
      expect((await as(c.bob).put(`/api/polls/${p.postId}/vote`, { optionIds: [lundi, mardi] })).body.error.code).to.equal(
        'invalid_choice',
      );
      expect((await as(c.bob).put(`/api/polls/${p.postId}/vote`, { optionIds: [999_999] })).body.error.code).to.equal('invalid_choice');
      expect((await as(c.bob).put(`/api/polls/${p.postId}/vote`, {})).body.error.code).to.equal('invalid_payload');
      const voted = (await as(c.bob).put(`/api/polls/${p.postId}/vote`, { optionIds: [lundi] })).body;
      expect(voted).to.include({ resultsVisible: true, voterCount: 1 });
      expect(voted.myChoices).to.deep.equal([lundi]);
      const changed = (await as(c.bob).put(`/api/polls/${p.postId}/vote`, { optionIds: [jeudi] })).body;
      expect(changed.voterCount).to.equal(1);
      expect(changed.options.map((o: { votes: number }) => o.votes)).to.deep.equal([0, 0, 1]);
      // Named poll: who sees the results sees who chose what.
      expect(changed.options[2].voters.map((v: { displayName: string }) => v.displayName)).to.deep.equal(['Bobinet Secret']);
      expect(await s.db('poll_ballots').where({ post_id: p.postId })).to.have.length(1);
      const withdrawn = (await as(c.bob).delete(`/api/polls/${p.postId}/vote`)).body;
      expect(withdrawn).to.include({ voterCount: 0, resultsVisible: false });
      // The author sees the results at any time.
      expect((await as(c.alice).get(`/api/polls/${p.postId}`)).body.resultsVisible).to.equal(true);
    });

    it('concurrent votes of one member leave exactly one ballot with one of the sent choices', async () => {
      const p = await newPoll(c.alice, { options: ['A', 'B', 'C', 'D'], multiple: true });
      const sets = [[0], [1], [2, 3], [0, 1, 2], [3], [1, 3], [0, 2], [2]].map((xs) => xs.map((i) => p.options[i]!.id));
      const answers = await Promise.all(sets.map((optionIds) => as(c.bob).put(`/api/polls/${p.postId}/vote`, { optionIds })));
      expect(answers.map((a) => a.status)).to.deep.equal(sets.map(() => 200));
      const ballots = await s.db('poll_ballots').where({ post_id: p.postId });
      expect(ballots).to.have.length(1);
      const chosen = (await s.db('poll_choices').where({ ballot_id: ballots[0].id }).orderBy('option_id')).map((r) => r.option_id);
      expect(sets.map((x) => JSON.stringify([...x].sort((a, b) => a - b)))).to.include(JSON.stringify(chosen));
      const view = (await as(c.alice).get(`/api/polls/${p.postId}`)).body;
      expect(view.voterCount).to.equal(1);
      // Concurrent votes of several members: one ballot each.
      await Promise.all(
        [c.bob, c.carol, c.anim, c.carol, c.bob].map((m) => as(m).put(`/api/polls/${p.postId}/vote`, { optionIds: [sets[0]![0]!] })),
      );
      expect(await s.db('poll_ballots').where({ post_id: p.postId })).to.have.length(3);
    });

    it('votes reach the audience live (poll:updated, no counts while open), never an outsider; closing sends the final counts', async () => {
      const p = await newPoll(c.alice, { options: ['Oui', 'Non'] });
      const [oui] = p.options.map((o) => o.id) as [number];
      const seen = waitForEvent(c.alice.socket, 'poll:updated', (e) => e.postId === p.postId);
      const seenByCarol = waitForEvent(c.carol.socket, 'poll:updated', (e) => e.postId === p.postId);
      const outsider = expectNoEvent(c.outsider.socket, 'poll:updated');
      await as(c.bob).put(`/api/polls/${p.postId}/vote`, { optionIds: [oui] });
      const e = await seen;
      expect(e).to.deep.include({ postId: p.postId, groupId: c.group.id, voterCount: 1, closed: false, results: null });
      expect((await seenByCarol).results).to.equal(null);
      await outsider;
      // Closing: only the author and the group's managers.
      expect((await as(c.bob).post(`/api/polls/${p.postId}/close`)).status).to.equal(403);
      expect((await as(c.outsider).post(`/api/polls/${p.postId}/close`)).status).to.equal(404);
      expect((await as(c.outsider).get(`/api/polls/${p.postId}`)).status).to.equal(404);
      const final = waitForEvent(c.carol.socket, 'poll:updated', (x) => x.postId === p.postId && x.closed);
      const closed = await as(c.anim).post(`/api/polls/${p.postId}/close`);
      expect(closed.status).to.equal(200);
      expect(closed.body.closed).to.equal(true);
      expect((await final).results).to.deep.equal([
        { optionId: p.options[0]!.id, votes: 1 },
        { optionId: p.options[1]!.id, votes: 0 },
      ]);
      // Closed: everyone sees the results; nobody votes or withdraws any more.
      expect((await as(c.carol).get(`/api/polls/${p.postId}`)).body).to.include({ resultsVisible: true, canVote: false });
      const late = await as(c.carol).put(`/api/polls/${p.postId}/vote`, { optionIds: [oui] });
      expect(late.status).to.equal(422);
      expect(late.body.error.code).to.equal('poll_closed');
      expect((await as(c.bob).delete(`/api/polls/${p.postId}/vote`)).body.error.code).to.equal('poll_closed');
      // A poll past its end date is closed too.
      const due = await newPoll(c.alice, { options: ['A', 'B'], closesAt: new Date(Date.now() + 60_000).toISOString() });
      await s
        .db('polls')
        .where({ post_id: due.postId })
        .update({ closes_at: new Date(Date.now() - 1000) });
      expect((await as(c.bob).put(`/api/polls/${due.postId}/vote`, { optionIds: [due.options[0]!.id] })).body.error.code).to.equal(
        'poll_closed',
      );
    });

    it('after_close: nobody but the author and managers sees results before closing; the export follows the same rule', async () => {
      const p = await newPoll(c.carol, { options: ['A', 'B'], resultsVisibility: 'after_close' });
      const voted = (await as(c.bob).put(`/api/polls/${p.postId}/vote`, { optionIds: [p.options[1]!.id] })).body;
      expect(voted.resultsVisible).to.equal(false);
      expect(voted.options.map((o: { votes: unknown }) => o.votes)).to.deep.equal([null, null]);
      expect((await as(c.bob).get(`/api/polls/${p.postId}/results.csv`)).status).to.equal(403);
      expect((await as(c.anim).get(`/api/polls/${p.postId}`)).body.resultsVisible).to.equal(true);
      await as(c.carol).post(`/api/polls/${p.postId}/close`);
      const csv = await as(c.bob).get(`/api/polls/${p.postId}/results.csv`);
      expect(csv.status).to.equal(200);
      expect(csv.headers.get('content-type')).to.match(/text\/csv/);
      expect(csv.body).to.include('Bobinet Secret');
      expect(csv.body).to.match(/B;1;100 %/);
    });

    it('anonymous: no voter identity in any answer, event, export or personal-data export', async () => {
      // Two voters who do nothing else here: their names have no other reason to appear anywhere.
      const { person } = peopleOn(s);
      const dan = await person({ firstName: 'Danaë', lastName: 'Discrète' });
      const eve = await person({ firstName: 'Évariste', lastName: 'Incognito' });
      for (const m of [dan, eve]) await addToGroup(s.url, c.anim.token, c.group.id, m);
      const p = await newPoll(c.alice, { options: ['Rouge', 'Vert'], anonymous: true, multiple: true });
      const names = [dan, eve].flatMap((m) => [m.user.first_name, m.user.last_name, m.user.username, m.user.email]);
      const ids = [dan, eve].map((m) => m.user.id);
      const events: unknown[] = [];
      for (const m of [c.alice, c.anim, dan, eve]) m.socket.on('poll:updated', (e: unknown) => events.push(e));
      const answers: unknown[] = [];
      answers.push((await as(dan).put(`/api/polls/${p.postId}/vote`, { optionIds: [p.options[0]!.id] })).body);
      answers.push((await as(eve).put(`/api/polls/${p.postId}/vote`, { optionIds: p.options.map((o) => o.id) })).body);
      answers.push((await as(dan).put(`/api/polls/${p.postId}/vote`, { optionIds: [p.options[1]!.id] })).body);
      for (const viewer of [c.alice, c.anim, dan, eve]) answers.push((await as(viewer).get(`/api/polls/${p.postId}`)).body);
      answers.push((await as(c.alice).get(`/api/posts/${p.postId}`)).body);
      // The group's list (other posts there were written by these members: only this one counts).
      answers.push((await as(c.alice).get(`/api/groups/${c.group.id}/posts`)).body.items.filter((x: { id: number }) => x.id === p.postId));
      answers.push((await as(c.alice).post(`/api/polls/${p.postId}/close`)).body);
      answers.push((await as(c.alice).get(`/api/polls/${p.postId}/results.csv`)).body);
      answers.push((await as(dan).get(`/api/polls/${p.postId}/results.csv`)).body);
      const view = answers[3] as { options: { votes: number; voters?: unknown }[]; voterCount: number; myChoices: number[] };
      expect(view.voterCount).to.equal(2);
      expect(view.options.map((o) => o.votes)).to.deep.equal([1, 2]);
      expect(view.options.every((o) => o.voters === undefined)).to.equal(true);
      // Each voter still sees their own choice (to change it), only in their own answer.
      expect((answers[5] as { myChoices: number[] }).myChoices).to.deep.equal([p.options[1]!.id]);
      expect((answers[3] as { myChoices: number[] }).myChoices).to.deep.equal([]);
      // The database keeps no user id for an anonymous ballot.
      expect((await s.db('poll_ballots').where({ post_id: p.postId })).map((b) => b.user_id)).to.deep.equal([null, null]);
      for (const m of [c.alice, c.anim, dan, eve]) m.socket.off('poll:updated');
      for (const voter of [dan, eve]) {
        const res = await fetch(`${s.url}/api/me/export`, { headers: { authorization: `Bearer ${voter.token}` } });
        const zip = readZip(Buffer.from(await res.arrayBuffer()));
        for (const [name, data] of zip) if (name.endsWith('.json')) answers.push({ name, text: data.toString('utf8') });
        const votes = [...zip].find(([name]) => name.includes('votes_sondages'));
        expect(votes ? JSON.parse(votes[1].toString('utf8')) : []).to.satisfy((rows: { post_id: number }[]) =>
          rows.every((r) => r.post_id !== p.postId),
        );
      }
      const author = await fetch(`${s.url}/api/me/export`, { headers: { authorization: `Bearer ${c.alice.token}` } });
      for (const [, data] of readZip(Buffer.from(await author.arrayBuffer()))) answers.push(data.toString('utf8'));
      const everything = JSON.stringify([answers.slice(0, 11), events]);
      for (const n of names) expect(everything, `a voter's name (${n}) leaked`).not.to.include(n);
      for (const e of events) for (const id of ids) expect(JSON.stringify(e)).not.to.match(new RegExp(`"(userId|id)":${id}\\b`));
      const authorExport = JSON.stringify(answers.slice(-20));
      for (const n of names) expect(authorExport).not.to.include(n);
    });

    it('erasing an account removes its named ballots; its anonymous ballot (no user id) stays counted', async () => {
      const { person } = peopleOn(s);
      const gone = await person({ firstName: 'Partant', lastName: 'Bientôt' });
      const admin = await person({ role: 'admin' });
      await addToGroup(s.url, c.anim.token, c.group.id, gone);
      const named = await newPoll(c.alice, { options: ['A', 'B'] });
      const secret = await newPoll(c.alice, { options: ['A', 'B'], anonymous: true });
      for (const p of [named, secret]) await as(gone).put(`/api/polls/${p.postId}/vote`, { optionIds: [p.options[0]!.id] });
      expect((await as(admin).delete(`/api/admin/users/${gone.user.id}`)).status).to.equal(204);
      expect((await as(c.alice).get(`/api/polls/${named.postId}`)).body.voterCount).to.equal(0);
      expect((await as(c.alice).get(`/api/polls/${secret.postId}`)).body.voterCount).to.equal(1);
    });

    it('a poll stays a poll; its question is fixed once someone voted', async () => {
      const p = await newPoll(c.alice, { options: ['A', 'B'] });
      expect((await as(c.alice).patch(`/api/posts/${p.postId}`, { title: 'Reformulée ?' })).status).to.equal(200);
      expect((await as(c.alice).patch(`/api/posts/${p.postId}`, { kind: 'article' })).body.error.code).to.equal('poll_locked');
      await as(c.bob).put(`/api/polls/${p.postId}/vote`, { optionIds: [p.options[0]!.id] });
      expect((await as(c.alice).patch(`/api/posts/${p.postId}`, { title: 'Autre question ?' })).body.error.code).to.equal('poll_locked');
      expect((await as(c.alice).patch(`/api/posts/${p.postId}`, { body: 'Précision.' })).status).to.equal(200);
      const article = (await as(c.alice).post(`/api/groups/${c.group.id}/posts`, { kind: 'article', title: 'Art', body: 'x' })).body;
      expect((await as(c.alice).patch(`/api/posts/${article.id}`, { kind: 'poll' })).body.error.code).to.equal('poll_locked');
      expect((await as(c.alice).get(`/api/polls/${article.id}`)).status).to.equal(404);
    });
  });
}
