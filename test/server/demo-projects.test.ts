import { expect } from 'chai';
import { api } from '../helpers/http';
import { useServer } from '../helpers/suite';
import { DEMO_PASSWORD, seedDemo } from '../../server/demo-data';

describe('demo data: a créateur’s project shared with a professional', () => {
  const s = useServer();

  it('Inès sees her sheet with Sophie’s unread comment; Sophie finds it in « Mes accompagnements »', async () => {
    await seedDemo(s.app.deps);
    const signIn = async (email: string) => {
      const res = await api(s.url).post('/api/auth/login', { email, password: DEMO_PASSWORD });
      expect(res.status, email).to.equal(200);
      return api(s.url, { token: res.body.token });
    };
    const ines = await signIn('ines@demo.maillage.fr');
    const mine = (await ines.get('/api/project-sheets')).body.items;
    expect(mine.map((x: any) => [x.title, x.unread])).to.deep.equal([['Épicerie vrac à Bordeaux', 1]]);
    expect((await ines.get(`/api/project-sheets/${mine[0].id}/canvas`)).body.postits).to.have.length(4);
    const sophie = await signIn('sophie@demo.maillage.fr');
    const shared = (await sophie.get('/api/accompaniments')).body.items;
    expect(shared.map((x: any) => x.title)).to.deep.equal(['Épicerie vrac à Bordeaux']);
    const admin = await signIn('admin@demo.maillage.fr');
    expect((await admin.get(`/api/project-sheets/${mine[0].id}`)).status).to.equal(404);
  });
});
