import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { screenshots, useBrowser } from '../helpers/browser';
import { makeUserWithToken } from '../helpers/factories';
import { useServer } from '../helpers/suite';

const shot = screenshots('thematic-admin');

describe('e2e: animators manage thematic channels', function () {
  this.timeout(60000);
  const browser = useBrowser();
  const s = useServer();
  const errors: string[] = [];

  async function open(token: string): Promise<Page> {
    const page = await browser.page(s.url, { token, path: '/discussions/thematiques' });
    page.on('pageerror', (e) => errors.push(`${e.message} ${e.stack}`));
    await page.locator('mai-channel-browser h1').waitFor();
    return page;
  }

  it('an animator creates, renames and archives a channel; a member sees it and joins it', async () => {
    const anim = await makeUserWithToken(s.db, {
      departmentCode: '75',
      role: 'animator',
      username: 'anim.th',
      firstName: 'Anne',
      lastName: 'Animatrice',
    });
    const member = await makeUserWithToken(s.db, { departmentCode: '29', username: 'julie.th', firstName: 'Julie', lastName: 'Martin' });
    const pa = await open(anim.token);
    const pm = await open(member.token);
    expect(await pm.getByRole('button', { name: 'Nouveau salon thématique' }).count()).to.equal(0);
    expect(await pm.getByRole('button', { name: /^Modifier/ }).count()).to.equal(0);

    // Create: an empty name is refused in the form, then the channel appears, joined, in the sidebar too.
    await pa.getByRole('button', { name: 'Nouveau salon thématique' }).click();
    await pa.getByLabel('Nom du salon').fill(' ');
    await pa.getByRole('button', { name: 'Créer le salon' }).click();
    await pa.locator('.fr-error-text', { hasText: 'au moins 2 caractères' }).waitFor();
    await pa.getByLabel('Nom du salon').fill('Santé numérique');
    await pa.getByLabel(/^Description/).fill('Télésanté et Mon espace santé.');
    await shot(pa, 'create-form');
    await pa.getByLabel('Nom du salon').press('Enter');
    const row = (p: Page, name: string) => p.locator('.mai-browser__item', { has: p.locator('h2', { hasText: name }) });
    await row(pa, 'Santé numérique').locator('.fr-badge', { hasText: 'Rejoint' }).waitFor();
    await pa.locator('mai-chat-sidebar', { hasText: 'Santé numérique' }).waitFor();
    const id = (await s.db('channels').where({ name: 'Santé numérique' }).first()).id as number;

    // Rename inline, from the keyboard.
    await row(pa, 'Santé numérique')
      .getByRole('button', { name: /^Modifier/ })
      .click();
    await pa.getByLabel('Nom du salon').fill('Santé en ligne');
    await pa.getByLabel('Nom du salon').press('Enter');
    await row(pa, 'Santé en ligne').waitFor();
    expect((await s.db('channels').where({ id }).first()).name).to.equal('Santé en ligne');

    // The member reloads the browser, sees it and joins it.
    await pm.reload();
    await row(pm, 'Santé en ligne')
      .getByRole('button', { name: /^Rejoindre/ })
      .click();
    await row(pm, 'Santé en ligne').locator('.fr-badge', { hasText: 'Rejoint' }).waitFor();
    await pm.locator(`mai-chat-sidebar a[data-channel-id="${id}"]`).waitFor();

    // Archive, with a confirmation: the member's open channel turns read-only live.
    await pm.locator(`mai-chat-sidebar a[data-channel-id="${id}"]`).click();
    await pm.locator('#mai-composer-input').waitFor();
    await row(pa, 'Santé en ligne')
      .getByRole('button', { name: /^Archiver/ })
      .click();
    await shot(pa, 'archive-confirm');
    await pa.getByRole('button', { name: 'Oui, archiver' }).click();
    await row(pa, 'Santé en ligne').locator('.fr-badge', { hasText: 'Archivé' }).waitFor();
    await pm.getByText('Ce salon est archivé').waitFor();
    expect((await s.db('channels').where({ id }).first()).archived_at).to.not.equal(null);
    await shot(pa, 'archived');

    // And restore it.
    await row(pa, 'Santé en ligne')
      .getByRole('button', { name: /^Restaurer/ })
      .click();
    await pa.getByRole('button', { name: 'Oui, restaurer' }).click();
    await row(pa, 'Santé en ligne').locator('.fr-badge', { hasText: 'Archivé' }).waitFor({ state: 'detached' });
    await pm.locator('#mai-composer-input').waitFor();
    expect((await s.db('channels').where({ id }).first()).archived_at).to.equal(null);

    const seen = errors.splice(0);
    for (const p of [pa, pm]) await p.context().close();
    expect(seen, seen.join('\n')).to.deep.equal([]);
  });
});
