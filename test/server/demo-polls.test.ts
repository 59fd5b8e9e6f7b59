import { expect } from 'chai';
import { api } from '../helpers/http';
import { useServer } from '../helpers/suite';
import { DEMO_PASSWORD, seedDemo } from '../../server/demo-data';

describe('demo data: a poll under way and the suggestion box on a first start', () => {
  const s = useServer();

  it('Julie sees the network poll with her vote and the results; the planned suggestion leads the box', async () => {
    await seedDemo(s.app.deps);
    const res = await api(s.url).post('/api/auth/login', { email: 'julie@demo.maillage.fr', password: DEMO_PASSWORD });
    expect(res.status).to.equal(200);
    const julie = api(s.url, { token: res.body.token });
    const feed = (await julie.get('/api/feed')).body.items;
    const poll = feed.find((p: { kind: string }) => p.kind === 'poll');
    expect(poll.title).to.equal('Quel créneau pour la prochaine visio du réseau ?');
    const view = (await julie.get(`/api/polls/${poll.id}`)).body;
    expect(view).to.include({ voterCount: 2, resultsVisible: true, closed: false, multiple: true });
    expect(view.options.map((o: { votes: number }) => o.votes)).to.deep.equal([2, 1, 0]);
    const box = (await julie.get('/api/suggestions')).body;
    expect(box.items.map((x: { title: string; voteCount: number; status: string }) => [x.title, x.voteCount, x.status])[0]).to.deep.equal([
      'Un agenda commun à tous les départements',
      3,
      'planned',
    ]);
    expect(box.counts).to.deep.equal({ open: 2, planned: 1, done: 0, declined: 0 });
  });
});
