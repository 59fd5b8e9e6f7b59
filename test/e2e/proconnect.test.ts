import { expect } from 'chai';
import { useBrowser } from '../helpers/browser';
import { useServer } from '../helpers/suite';
import { startOidcProvider, type TestOidcProvider } from '../helpers/oidc-provider';

describe('e2e: signing in with ProConnect', function () {
  this.timeout(90000);
  const browser = useBrowser();
  let op: TestOidcProvider;
  before(async () => {
    op = await startOidcProvider(
      { agathe: { email: 'agathe.agent@agents.gouv.fr', given_name: 'Agathe', usual_name: 'Agent' } },
      () => s.url,
    );
  });
  after(async () => op?.close());
  const s = useServer({ configure: (c) => (c.oidc = op.config()) });
  const plain = useServer();
  const errors: string[] = [];

  it('first sign-in: provider, département asked once, terms, chat; logout ends the provider session', async () => {
    const page = await browser.page(s.url, { path: '/connexion' });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.getByRole('link', { name: /S’identifier avec ProConnect/ }).click();
    // The provider's own sign-in page.
    await page.locator('#login').fill('agathe');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByRole('heading', { name: 'Première connexion avec ProConnect' }).waitFor();
    await page.getByText('agathe.agent@agents.gouv.fr').waitFor();
    // Submitting without a département keeps the person on the form, focus on the field.
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByText('Choisissez votre département.').waitFor();
    await page.locator('#oidc-departmentCode option[value="29"]').waitFor({ state: 'attached' });
    await page.locator('#oidc-departmentCode').selectOption('29');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.waitForURL('**/conditions**');
    await page.locator('#terms-accept').check({ force: true });
    await page.getByRole('button', { name: "J'accepte les conditions" }).click();
    // Sign-up's second step (centres of interest) is skippable.
    await page.getByRole('link', { name: 'Passer cette étape' }).click();
    await page.getByRole('heading', { name: 'Bonjour', level: 1 }).waitFor();
    await page.locator('#navigation').getByRole('link', { name: 'Discussions' }).click();
    await page.locator('mai-chat-sidebar a', { hasText: '29 — Finistère' }).waitFor();
    const row = await s.db('users').where({ email: 'agathe.agent@agents.gouv.fr' }).first();
    expect(row).to.include({ department_code: '29', status: 'active' });

    // Logout goes through the provider's end-session page and back to our sign-in page.
    await page
      .locator('mai-header button', { hasText: /Se déconnecter|Déconnexion/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Oui, me déconnecter' }).click();
    await page.waitForURL(`${s.url}/connexion**`);
    await page.getByRole('link', { name: /S’identifier avec ProConnect/ }).waitFor();
    expect(op.logouts).to.equal(1);
    // The provider's session is over: signing in again asks for the login, then goes straight to the chat.
    await page.getByRole('link', { name: /S’identifier avec ProConnect/ }).click();
    await page.locator('#login').fill('agathe');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByRole('heading', { name: 'Bonjour', level: 1 }).waitFor();
    expect(errors, errors.join('\n')).to.deep.equal([]);
  });

  it('no ProConnect button when no provider is configured', async () => {
    const page = await browser.page(plain.url, { path: '/connexion' });
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.fr-connect').count()).to.equal(0);
  });
});
