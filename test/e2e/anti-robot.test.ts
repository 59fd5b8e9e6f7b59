import { expect } from 'chai';
import { useBrowser, expectFocusWhere } from '../helpers/browser';
import { makeUser, TEST_PASSWORD } from '../helpers/factories';
import { useServer } from '../helpers/suite';

describe('e2e: the anti-robot check in Chromium (altcha widget, our own worker, under the CSP)', function () {
  this.timeout(60000);
  const browser = useBrowser();
  const s = useServer();

  it('sign-up: the widget solves the real challenge on its own, in French, and the account is created', async () => {
    const page = await browser.page(s.url, { path: '/inscription' });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    // The signed-out session probe (GET /api/me → 401) logs a console error when it lands after the
    // listeners are set (under load it does): that one is expected, any other failed request is not.
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 401/.test(m.text())) problems.push(m.text());
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && !(r.status() === 401 && new URL(r.url()).pathname === '/api/me')) problems.push(`${r.status()} ${r.url()}`);
    });
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    // No third party: every request the page makes stays on our origin.
    const foreign: string[] = [];
    page.context().on('request', (r) => {
      if (!r.url().startsWith(s.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url());
    });

    const check = page.locator('mai-anti-robot');
    // Started on load (its label says 'Je ne suis pas un robot' until then): done before the person has finished typing.
    await check.getByText('Vérification réussie').waitFor();
    expect(await check.locator('input[type="checkbox"]').isChecked()).to.equal(true);
    // The checkbox is read with what the check is about.
    expect(await check.locator('input[type="checkbox"]').getAttribute('aria-describedby')).to.equal('register-altcha-hint');
    expect(
      workers.some((u) => u === `${s.url}/assets/altcha-pbkdf2.js`),
      workers.join(', '),
    ).to.equal(true);

    await page.locator('#register-firstName').fill('Ada');
    await page.locator('#register-lastName').fill('Lovelace');
    await page.locator('#register-username').fill('ada.lovelace');
    await page.locator('#register-email').fill('ada.lovelace@exemple.fr');
    await page.locator('#register-departmentCode option[value="35"]').waitFor({ state: 'attached' });
    await page.locator('#register-departmentCode').selectOption('35');
    await page.locator('#register-password').fill('Machine-Analytique-1843');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByText('Ouvrez ce message et cliquez sur le lien').waitFor();
    expect(await s.db('users').where({ email: 'ada.lovelace@exemple.fr' })).to.have.length(1);
    expect(problems, problems.join('\n')).to.deep.equal([]);
    expect(foreign, foreign.join('\n')).to.deep.equal([]);
  });

  it('sign-up refused for a spent answer: the message sits under the check, focus goes there, a new check starts', async () => {
    await makeUser(s.db, { username: 'pris' });
    const page = await browser.page(s.url, { path: '/inscription' });
    const check = page.locator('mai-anti-robot');
    await check.getByText('Vérification réussie').waitFor();
    // Spend the widget's answer behind its back, as a replay would.
    const answer = await check.evaluate((el) => (el as unknown as { value: string }).value);
    const spent = await page.evaluate(
      async (altcha) =>
        (
          await fetch('/api/auth/register', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              email: 'autre@exemple.fr',
              password: 'Autre-Compte-2026',
              firstName: 'Bob',
              lastName: 'Zed',
              username: 'autre.compte',
              departmentCode: '35',
              altcha,
            }),
          })
        ).status,
      answer,
    );
    expect(spent).to.equal(201);
    await page.locator('#register-firstName').fill('Grace');
    await page.locator('#register-lastName').fill('Hopper');
    await page.locator('#register-username').fill('grace.hopper');
    await page.locator('#register-email').fill('grace.hopper@exemple.fr');
    await page.locator('#register-departmentCode option[value="35"]').waitFor({ state: 'attached' });
    await page.locator('#register-departmentCode').selectOption('35');
    await page.locator('#register-password').fill('Compilateur-1952');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await check.getByText('Cette vérification anti-robot a déjà servi').waitFor();
    await expectFocusWhere(page, () => document.activeElement?.closest('mai-anti-robot') != null, 'the anti-robot check');
    // The fields were kept; the fresh check lets the same form through.
    expect(await page.locator('#register-email').inputValue()).to.equal('grace.hopper@exemple.fr');
    await check.getByText('Vérification réussie').waitFor();
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByText('Ouvrez ce message et cliquez sur le lien').waitFor();
  });

  it('login: after repeated failures the check appears, solves itself, and the right password gets in', async () => {
    const u = await makeUser(s.db, { email: 'distraite@exemple.fr' });
    const page = await browser.page(s.url, { path: '/connexion' });
    expect(await page.locator('mai-anti-robot').count()).to.equal(0);
    for (let i = 0; i < s.config.antiRobot.loginAfterFailures; i++) {
      await page.locator('#login-email').fill(u.email);
      await page.locator('#login-password').fill('Mauvais-Essai-1');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByText('Adresse électronique ou mot de passe incorrect.').waitFor();
      await page.getByRole('button', { name: 'Se connecter' }).and(page.locator(':not([disabled])')).waitFor();
    }
    const check = page.locator('mai-anti-robot');
    await check.getByText('Vérification réussie').waitFor();
    await page.locator('#login-password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL((url) => url.pathname !== '/connexion');
  });
});
