import fs from 'node:fs';
import { expect } from 'chai';
import { useBrowser, expectFocus } from '../helpers/browser';
import { makeUserWithToken, TEST_PASSWORD } from '../helpers/factories';
import { useServer } from '../helpers/suite';
import { readZip } from '../helpers/zip';

describe('e2e: Mes données (download, delete my account) and the privacy pages', function () {
  this.timeout(60000);
  const browser = useBrowser();
  const s = useServer();
  const errors: string[] = [];

  it('downloads "Mes données" as a zip of JSON files', async () => {
    const u = await makeUserWithToken(s.db, { firstName: 'Inès', lastName: 'Export' });
    const page = await browser.page(s.url, { token: u.token, path: '/profil' });
    page.on('pageerror', (e) => errors.push(e.message));
    const link = page.getByRole('button', { name: 'Télécharger mes données' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).to.match(/^mes-donnees-maillage-.*\.zip$/);
    const zip = readZip(fs.readFileSync((await download.path())!));
    expect([...zip.keys()]).to.include.members(['LISEZ-MOI.txt', 'profil.json', 'messages.json', 'sessions.json']);
    expect(JSON.parse(zip.get('profil.json')!.toString('utf8'))[0]).to.include({ email: u.user.email, first_name: 'Inès' });
    expect(errors, errors.join('\n')).to.deep.equal([]);
  });

  it('deletes my account with my password: a wrong one keeps me on the form, the right one signs me out with the date', async () => {
    const u = await makeUserWithToken(s.db);
    const page = await browser.page(s.url, { token: u.token, path: '/profil' });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.locator('#deletion-password').fill('pas-le-bon');
    await page.getByRole('button', { name: 'Supprimer mon compte' }).click();
    await page.getByText('Mot de passe incorrect.').waitFor();
    await expectFocus(page, 'deletion-password');
    await page.locator('#deletion-password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Supprimer mon compte' }).click();
    await page.waitForURL('**/connexion?suppression=**');
    await page.getByText(/Votre compte sera supprimé le .* Reconnectez-vous avant cette date/).waitFor();
    expect((await s.db('users').where({ id: u.user.id }).first()).deletion_requested_at).to.not.equal(null);
    expect(errors, errors.join('\n')).to.deep.equal([]);
  });

  it('the privacy and legal notice pages are linked from the footer, signed out', async () => {
    const page = await browser.page(s.url, { path: '/connexion' });
    await page.locator('footer').getByRole('link', { name: 'Données personnelles' }).click();
    await page.getByRole('heading', { name: 'Politique de confidentialité' }).waitFor();
    await page.locator('footer').getByRole('link', { name: 'Mentions légales' }).click();
    await page.getByRole('heading', { name: 'Mentions légales', level: 1 }).waitFor();
  });
});
