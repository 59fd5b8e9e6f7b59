/**
 * Chromium: the admins' short lists others choose from (sectors, applications of the library, centres of
 * interest): a name too short is refused in place and kept, one is added, renamed, and (themes) deleted
 * after the confirmation; every change lands in the database and the focus goes where the admin goes on.
 */
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { useBrowser, expectFocus } from '../helpers/browser';
import { makeUserWithToken } from '../helpers/factories';
import { useServer } from '../helpers/suite';

describe('e2e: the admins’ lists of sectors, applications and centres of interest', function () {
  this.timeout(90_000);
  const browser = useBrowser();
  const s = useServer();

  async function addAndRename(page: Page, prefix: string, button: string, name: string, renamed: string) {
    const field = page.locator(`#${prefix}-name`);
    await field.fill('x');
    await page.getByRole('button', { name: button }).click();
    await page.locator(`#${prefix}-name[aria-invalid="true"]`).waitFor();
    expect(await field.inputValue()).to.equal('x');
    await field.fill(name);
    await page.keyboard.press('Enter');
    await page.locator('.fr-alert--success', { hasText: name }).waitFor();
    await expectFocus(page, `${prefix}-name`);
    await page.getByRole('button', { name: `Renommer ${name}` }).click();
    const renameField = page.getByLabel(`Nouveau nom de « ${name} »`);
    await renameField.fill(renamed);
    await renameField.press('Enter');
    await page.locator('.fr-alert--success', { hasText: renamed }).waitFor();
    await expectFocus(page, new RegExp(`^${prefix}-rename-\\d+$`));
  }

  it('an admin adds and renames a sector and an application, adds then deletes a theme', async () => {
    const admin = await makeUserWithToken(s.db, { role: 'admin' });
    const page = await browser.page(s.url, { token: admin.token, path: '/admin/secteurs' });
    await addAndRename(page, 'sector', 'Ajouter le secteur', 'Artisanat', 'Artisanat et métiers');
    expect(await s.db('sectors').where({ name: 'Artisanat et métiers' })).to.have.length(1);

    await page.goto(`${s.url}/admin/applications`);
    await addAndRename(page, 'application', 'Ajouter l’application', 'Logiciel état civil', 'Logiciel d’état civil');
    expect(await s.db('resource_applications').where({ name: 'Logiciel d’état civil' })).to.have.length(1);

    await page.goto(`${s.url}/admin/centres-d-interet`);
    await addAndRename(page, 'theme', 'Ajouter le thème', 'Démarches des aînés', 'Démarches des seniors');
    await page.getByRole('button', { name: 'Supprimer Démarches des seniors' }).click();
    await page.locator('.mai-confirm-dialog__yes').click();
    await page.locator('.fr-alert--success', { hasText: 'est supprimé' }).waitFor();
    await expectFocus(page, 'H1', 'tagName');
    expect(await s.db('interest_themes').where({ label: 'Démarches des seniors' })).to.have.length(0);
    await page.context().close();
  });
});
