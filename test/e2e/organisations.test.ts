import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { useBrowser } from '../helpers/browser';
import { makeUserWithToken } from '../helpers/factories';
import { lastMailTo } from '../helpers/outbox';
import { useServer } from '../helpers/suite';

/** The path and query of the last link mailed to `to` that contains `part`. */
function mailedPath(outbox: string, to: string, part: string): string {
  const mail = lastMailTo(outbox, to, part);
  expect(mail?.link, `link ${part} mailed to ${to}`).to.be.a('string');
  const url = new URL(mail!.link!);
  return url.pathname + url.search;
}

async function signIn(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/connexion`);
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL('**/conditions**');
  await page.locator('#terms-accept').check({ force: true });
  await page.getByRole('button', { name: "J'accepte les conditions" }).click();
  // Sign-up's second step (centres of interest) is skippable.
  await page.getByRole('link', { name: 'Passer cette étape' }).click();
  await page.getByRole('heading', { name: 'Bonjour', level: 1 }).waitFor();
}

async function setPassword(page: Page, base: string, path: string, password: string) {
  await page.goto(base + path);
  await page.locator('#invitation-password').fill(password);
  await page.getByRole('button', { name: 'Activer mon compte' }).click();
  await page.getByText('Mot de passe enregistré').waitFor();
}

describe('e2e: a town hall requests its access, is accepted, and creates its secretary’s account', function () {
  this.timeout(120000);
  const browser = useBrowser();
  const s = useServer();
  const errors: string[] = [];

  it('request → admin accepts → manager sets a password → creates « Secrétaire de mairie » → she signs in from her mail', async () => {
    const visitor = await browser.page(s.url, { path: '/connexion' });
    visitor.on('pageerror', (e) => errors.push(e.message));
    await visitor.getByRole('link', { name: 'Demander l’accès pour votre organisation' }).click();
    await visitor.locator('#orgreq-type').selectOption('mairie');
    await visitor.locator('#orgreq-name').fill('Mairie de Villeurbanne');
    await visitor.locator('#mai-commune-input').fill('Villeurb');
    await visitor.getByRole('option', { name: /Villeurbanne/ }).waitFor();
    await visitor.locator('#mai-commune-input').press('Enter');
    await visitor.locator('#orgreq-siret').fill('7328 2932 0000 75');
    await visitor.locator('#orgreq-services').fill('État civil, urbanisme, écoles.');
    await visitor.locator('#orgreq-firstName').fill('Hélène');
    await visitor.locator('#orgreq-lastName').fill('Girard');
    await visitor.locator('#orgreq-function').fill('Maire');
    await visitor.locator('#orgreq-email').fill('maire@villeurbanne.fr');
    await visitor.getByRole('button', { name: 'Envoyer la demande' }).click();
    // The SIRET's checksum fails on the server: the field says so, and everything typed stays.
    await visitor.getByText('Ce numéro SIRET n’est pas valide').waitFor();
    expect(await visitor.locator('#orgreq-name').inputValue()).to.equal('Mairie de Villeurbanne');
    await visitor.locator('#orgreq-siret').fill('7328 2932 0000 74');
    await visitor.getByRole('button', { name: 'Envoyer la demande' }).click();
    await visitor.getByText('Votre demande d’accès est enregistrée').waitFor();

    const admin = await makeUserWithToken(s.db, { role: 'admin' });
    const adminPage = await browser.page(s.url, { token: admin.token, path: '/admin/organisations' });
    adminPage.on('pageerror', (e) => errors.push(e.message));
    await adminPage.getByRole('heading', { name: 'Mairie de Villeurbanne' }).waitFor();
    await adminPage.getByRole('button', { name: 'Accepter' }).click();
    await adminPage.getByRole('dialog').getByRole('button', { name: 'Accepter la demande' }).click();
    await adminPage.locator('#contenu').getByText('La demande de « Mairie de Villeurbanne » est acceptée').waitFor();

    const manager = await browser.page(s.url);
    manager.on('pageerror', (e) => errors.push(e.message));
    await setPassword(manager, s.url, mailedPath(s.outboxDir, 'maire@villeurbanne.fr', '/activer'), 'Rhone-Alpes-2026!');
    await signIn(manager, s.url, 'maire@villeurbanne.fr', 'Rhone-Alpes-2026!');
    await manager.locator('#navigation').getByRole('button', { name: 'Réseau' }).click();
    await manager.locator('#navigation').getByRole('link', { name: 'Organisations' }).click();
    await manager.getByRole('link', { name: 'Gérer les membres' }).click();
    await manager.getByRole('heading', { name: 'Membres de l’organisation', level: 1 }).waitFor();
    await manager.locator('#orgmember-firstName').fill('Sophie');
    await manager.locator('#orgmember-lastName').fill('Martin');
    await manager.locator('#orgmember-email').fill('secretariat@villeurbanne.fr');
    await manager.locator('#orgmember-functionChoice').selectOption('Secrétaire de mairie');
    await manager.getByRole('button', { name: 'Créer le compte' }).click();
    await manager.locator('#contenu').getByText('Le compte de Sophie Martin (Secrétaire de mairie) est créé').waitFor();
    await manager.getByRole('cell', { name: 'Invitation envoyée' }).waitFor();

    const secretary = await browser.page(s.url);
    secretary.on('pageerror', (e) => errors.push(e.message));
    await setPassword(secretary, s.url, mailedPath(s.outboxDir, 'secretariat@villeurbanne.fr', '/activer'), 'Secretariat-69-2026');
    await signIn(secretary, s.url, 'secretariat@villeurbanne.fr', 'Secretariat-69-2026');
    await secretary.goto(`${s.url}/organisations`);
    await secretary.getByText('Votre organisation :').waitFor();
    await secretary.getByRole('link', { name: 'Mairie de Villeurbanne' }).first().click();
    await secretary.locator('#contenu').getByRole('link', { name: 'Sophie Martin' }).waitFor();
    await secretary.getByText('Secrétaire de mairie').waitFor();
    expect(await secretary.getByRole('button', { name: 'Modifier la fiche' }).count()).to.equal(0);
    const row = await s.db('users').where({ email: 'secretariat@villeurbanne.fr' }).first();
    expect(row).to.include({ status: 'active', job_title: 'Secrétaire de mairie', department_code: '69' });
    expect(errors, errors.join('\n')).to.deep.equal([]);
  });
});
