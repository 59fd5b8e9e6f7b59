import { expect } from 'chai';
import { api } from '../helpers/http';
import { useServer } from '../helpers/suite';
import { DEMO_PASSWORD, seedDemo } from '../../server/demo-data';
import { parisToday } from '../../server/protocol/reports';

describe('demo data: reports and a team on a first start', () => {
  const s = useServer();

  it('Nadia manages Julie and Hugo (same host structure) and sees their figures person by person; Julie has no team', async () => {
    await seedDemo(s.app.deps);
    const signIn = async (email: string) => {
      const res = await api(s.url).post('/api/auth/login', { email, password: DEMO_PASSWORD });
      expect(res.status, email).to.equal(200);
      return api(s.url, { token: res.body.token });
    };
    const nadia = await signIn('nadia@demo.maillage.fr');
    const teams = await nadia.get('/api/report-teams');
    expect(teams.status).to.equal(200);
    expect(teams.body.items.map((t: any) => [t.manager.displayName, t.members.map((m: any) => m.displayName)])).to.deep.equal([
      ['Nadia Rousseau', ['Julie Petit', 'Hugo Bernard']],
    ]);
    const today = parisToday();
    const from = new Date(Date.parse(`${today}T12:00:00Z`) - 200 * 86_400_000).toISOString().slice(0, 10);
    const team = await nadia.get(`/api/reports/stats?scope=team&from=${from}&to=${today}`);
    expect(team.status).to.equal(200);
    expect(team.body.people.map((p: any) => [p.label, p.reports]).sort()).to.deep.equal([
      ['Hugo Bernard', 75],
      ['Julie Petit', 75],
    ]);
    expect(team.body.reports).to.equal(150);
    const julie = await signIn('julie@demo.maillage.fr');
    expect((await julie.get(`/api/reports/stats?scope=team&from=${from}&to=${today}`)).status).to.equal(404);
  });
});
