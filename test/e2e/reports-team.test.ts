import { expect } from 'chai';
import { api } from '../helpers/http';
import { useBrowser } from '../helpers/browser';
import { useServer } from '../helpers/suite';
import { DEMO_PASSWORD, seedDemo } from '../../server/demo-data';

describe('browser: the demo team, as its manager sees it', function () {
  const b = useBrowser();
  const s = useServer();

  it('Nadia (demo data) picks "Mon équipe" over twelve months and reads the accompaniments of Julie and Hugo', async () => {
    await seedDemo(s.app.deps);
    const login = await api(s.url).post('/api/auth/login', { email: 'nadia@demo.maillage.fr', password: DEMO_PASSWORD });
    expect(login.status).to.equal(200);
    const page = await b.page(s.url, { token: login.body.token, path: '/statistiques' });
    await page.getByRole('heading', { name: 'Mes statistiques', level: 1 }).waitFor();
    // The team is offered because Nadia manages one; twelve months hold every demo report (six months back).
    await page.locator('#stats-scope option[value="team"]').waitFor({ state: 'attached' });
    await page.locator('#stats-scope').selectOption('team');
    await page.locator('#stats-period').selectOption('year');
    await page.locator('#stats-title', { hasText: /^Mon équipe, du / }).waitFor();
    const people = page.locator('table', { has: page.locator('caption', { hasText: 'Accompagnements par personne' }) });
    await people.waitFor();
    expect((await people.locator('tbody th').allInnerTexts()).sort()).to.deep.equal(['Hugo Bernard', 'Julie Petit']);
    await people.locator('tbody td', { hasText: '75' }).nth(1).waitFor();
    expect(await people.locator('tbody td').allInnerTexts()).to.deep.equal(['75', '75']);
  });
});
