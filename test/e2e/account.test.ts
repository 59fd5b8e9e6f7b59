import { expect } from 'chai';
import { useBrowser } from '../helpers/browser';
import { lastMailTo } from '../helpers/outbox';
import { useServer } from '../helpers/suite';

describe('e2e: an account from sign-up to profile', function () {
  this.timeout(60000);
  const browser = useBrowser();
  const s = useServer();
  const errors: string[] = [];

  it('signs up, confirms by e-mail, logs in, accepts the terms, edits the profile', async () => {
    const email = 'claire.dupont@exemple.fr';
    const password = 'Maillage-2026!';
    const page = await browser.page(s.url, { path: '/inscription' });
    page.on('pageerror', (e) => errors.push(e.message));

    await page.locator('#register-firstName').fill('Claire');
    await page.locator('#register-lastName').fill('Dupont');
    await page.locator('#register-username').fill('claire.dupont');
    await page.locator('#register-email').fill(email);
    await page.locator('#register-departmentCode option[value="35"]').waitFor({ state: 'attached' });
    await page.locator('#register-departmentCode').selectOption('35');
    await page.locator('#register-password').fill(password);
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByText('Ouvrez ce message et cliquez sur le lien').waitFor();

    const mail = lastMailTo(s.outboxDir, email, '/confirmer');
    expect(mail?.link, 'confirmation link').to.be.a('string');
    const link = new URL(mail!.link!);
    await page.goto(s.url + link.pathname + link.search);
    await page.getByText('Votre adresse est confirmée et votre compte est activé.').waitFor();

    await page.goto(s.url + '/connexion');
    await page.locator('#login-email').fill(email);
    await page.locator('#login-password').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    // Terms first: every other page waits for them.
    await page.waitForURL('**/conditions**');
    await page.locator('#terms-accept').check({ force: true });
    await page.getByRole('button', { name: "J'accepte les conditions" }).click();
    // Sign-up's second step (centres of interest) is skippable.
    await page.getByRole('link', { name: 'Passer cette étape' }).click();
    // Then the home page; the chat is one click away, with the département's channel.
    await page.getByRole('heading', { name: 'Bonjour', level: 1 }).waitFor();
    await page.locator('#navigation').getByRole('link', { name: 'Discussions' }).click();
    await page.locator('mai-chat-sidebar a', { hasText: '35 — Ille-et-Vilaine' }).waitFor();

    await page.goto(s.url + '/profil');
    await page.locator('#profile-jobTitle').fill('Conseillère numérique');
    await page.locator('#profile-city').fill('Rennes');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.getByText('Votre profil a été mis à jour.').waitFor();
    const row = await s.db('users').where({ email }).first();
    expect(row).to.include({ job_title: 'Conseillère numérique', city: 'Rennes', status: 'active', department_code: '35' });
    expect(row.terms_accepted_at).to.not.equal(null);
    expect(errors, errors.join('\n')).to.deep.equal([]);
  });
});
