/**
 * Chromium: a new member picks centres of interest at sign-up's second step
 * and subscribes; an animator composes a newsletter, previews it, sends a test
 * to herself, sends it; the member's mail is in the outbox and its link
 * unsubscribes in one click, without signing in.
 */
import { expect } from 'chai';
import { expectFocus, useBrowser } from '../helpers/browser';
import type { Mailer } from '../../server/mail';
import { makeUserWithToken } from '../helpers/factories';
import { lastMailTo, readOutbox } from '../helpers/outbox';
import { useServer } from '../helpers/suite';
import { publishArticle } from '../helpers/newsletters';

describe('e2e: interests and newsletters', function () {
  this.timeout(120_000);
  const browser = useBrowser();
  const s = useServer();

  it('sign-up step 2 → subscription → compose, preview, test, send → outbox → one-click unsubscribe', async () => {
    const errors: string[] = [];
    const email = 'lea.martin@exemple.fr';
    const password = 'Maillage-2026!';
    const anim = await makeUserWithToken(s.db, { role: 'animator', firstName: 'Anaïs', email: 'anais.anim@exemple.fr' });
    await publishArticle(s, anim.token, 'Les ateliers numériques de janvier');

    // Sign-up, confirmation, first sign-in, terms, then the interests step.
    const page = await browser.page(s.url, { path: '/inscription' });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.locator('#register-firstName').fill('Léa');
    await page.locator('#register-lastName').fill('Martin');
    await page.locator('#register-username').fill('lea.martin');
    await page.locator('#register-email').fill(email);
    await page.locator('#register-departmentCode option[value="35"]').waitFor({ state: 'attached' });
    await page.locator('#register-departmentCode').selectOption('35');
    await page.locator('#register-password').fill(password);
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByText('Ouvrez ce message et cliquez sur le lien').waitFor();
    const confirm = new URL(lastMailTo(s.outboxDir, email, '/confirmer')!.link!);
    await page.goto(s.url + confirm.pathname + confirm.search);
    await page.getByText('Votre adresse est confirmée').waitFor();
    await page.goto(s.url + '/connexion');
    await page.locator('#login-email').fill(email);
    await page.locator('#login-password').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/conditions**');
    await page.locator('#terms-accept').check({ force: true });
    await page.getByRole('button', { name: "J'accepte les conditions" }).click();
    await page.waitForURL('**/bienvenue');
    await page.getByText('Étape 2 sur 2').waitFor();
    await page.getByLabel('Inclusion numérique').check({ force: true });
    await page.getByLabel('Emploi et insertion').check({ force: true });
    await page.getByLabel('Recevoir par courriel la lettre d’information de ces thèmes').check({ force: true });
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await page.getByRole('heading', { name: 'Bonjour', level: 1 }).waitFor();
    // The profile shows the subscriptions, per theme; she drops one and keeps « Inclusion numérique ».
    await page.goto(s.url + '/profil/centres-d-interet');
    const inclusion = page.getByLabel('Lettre « Inclusion numérique »');
    await inclusion.waitFor({ state: 'attached' });
    expect(await inclusion.isChecked()).to.equal(true);
    await page.getByLabel('Lettre « Emploi et insertion »').uncheck({ force: true });
    await page.getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await page.getByText('Vos choix sont enregistrés.').waitFor();
    const lea = await s.db('users').where({ email }).first();
    const subs = await s
      .db('newsletter_subscriptions as s')
      .join('interest_themes as t', 't.id', 's.theme_id')
      .where('s.user_id', lea.id)
      .pluck('t.label');
    expect(subs).to.deep.equal(['Inclusion numérique']);

    // The animator composes, previews, tests, sends.
    const studio = await browser.page(s.url, { token: anim.token, path: '/lettres' });
    studio.on('pageerror', (e) => errors.push(e.message));
    await studio.getByRole('link', { name: 'Nouvelle lettre' }).click();
    await studio.getByLabel('Titre').fill('Lettre de l’inclusion numérique');
    await studio.getByLabel('Texte d’introduction').fill('Bonjour à toutes et à tous,\n\nvoici les nouvelles du mois.');
    await studio.locator('#newsletter-themes').getByLabel('Inclusion numérique').check({ force: true });
    await studio.getByRole('button', { name: 'Ajouter « Les ateliers numériques de janvier »' }).click();
    await studio.getByRole('button', { name: 'Retirer « Les ateliers numériques de janvier »' }).waitFor();
    await studio.getByRole('button', { name: 'Aperçu', exact: true }).click();
    await studio.getByRole('heading', { name: 'Aperçu' }).waitFor();
    await studio.getByText('Destinataires si vous l’envoyez maintenant').waitFor();
    const frame = studio.frameLocator('iframe.mai-newsletter-preview');
    await frame.getByRole('heading', { name: 'Lettre de l’inclusion numérique' }).waitFor();
    await frame.getByRole('link', { name: 'Les ateliers numériques de janvier' }).waitFor();
    await studio.getByRole('button', { name: 'M’envoyer un test' }).click();
    await studio.getByText('Un courriel de test a été envoyé à anais.anim@exemple.fr.').waitFor();
    expect(lastMailTo(s.outboxDir, 'anais.anim@exemple.fr')!.mail.subject).to.match(/^\[Test\] Lettre d’information Maillage/);
    // The transport refuses the member's mail in the first round: the figures say so, and it goes out again on request.
    const real = s.app.deps.mailer;
    s.app.deps.mailer = { send: async (m) => (m.to === email ? false : real.send(m)) } satisfies Mailer;
    await studio.getByRole('button', { name: 'Envoyer la lettre' }).click();
    await studio.getByRole('button', { name: 'Envoyer maintenant' }).click();
    await studio.getByText('Envoi terminé.').waitFor({ timeout: 30_000 });
    s.app.deps.mailer = real;
    const figures = studio.locator('table tbody tr td');
    expect(await figures.allTextContents()).to.deep.equal(['1', '0', '1', '0']);
    await studio.getByRole('button', { name: 'Renvoyer aux 1 destinataire en échec' }).click();
    await studio.locator('#newsletter-retry-notice').getByText('Nouvel envoi lancé pour 1 destinataire.').waitFor();
    await expectFocus(studio, 'newsletter-retry-notice');
    await studio.getByText('Envoi terminé.').waitFor({ timeout: 30_000 });
    await studio.waitForFunction(
      () => [...document.querySelectorAll('table tbody tr td')].map((td) => td.textContent).join() === '1,1,0,0',
    );
    expect(await studio.getByRole('button', { name: /^Renvoyer aux/ }).count()).to.equal(0);

    // The member's mail, and its one-click link (signed out: a fresh browser context).
    const mail = readOutbox(s.outboxDir).filter((m) => m.to.includes(email) && m.subject.startsWith('Lettre d’information'));
    expect(mail).to.have.length(1);
    expect(mail[0]!.headers).to.match(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    const link = new URL(/https?:\/\/\S+\/lettres\/desabonnement\/[\w-]+/.exec(mail[0]!.text)![0]);
    const visitor = await browser.page(s.url, { path: link.pathname });
    visitor.on('pageerror', (e) => errors.push(e.message));
    await visitor.getByText('Vous êtes abonné(e) aux lettres « Inclusion numérique »').waitFor();
    await visitor.getByRole('button', { name: 'Me désabonner' }).click();
    await visitor.getByText('Vous ne recevrez plus ces lettres d’information.').waitFor();
    expect(await s.db('newsletter_subscriptions').where({ user_id: lea.id })).to.deep.equal([]);

    // The archive, for the member.
    await page.goto(s.url + '/lettres');
    await page.getByRole('link', { name: 'Lettre de l’inclusion numérique' }).click();
    await page.getByRole('link', { name: 'Les ateliers numériques de janvier' }).waitFor();
    expect(errors, errors.join('\n')).to.deep.equal([]);
  });
});
