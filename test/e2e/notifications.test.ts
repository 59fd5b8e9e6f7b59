import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server';
import { makeUserWithToken } from '../helpers/factories';
import { needChromium } from '../helpers/services';
import { launchBrowser, type TestBrowser } from '../helpers/browser';
import { api } from '../helpers/http';

/** With SCREENSHOTS=dir, each step leaves a PNG there (to look at the screens by eye). */
async function shot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/notifications-${name}.png`, fullPage: true });
}

describe('notifications in the browser: the bell, the list, the e-mail settings', function () {
  let s: TestServer;
  let browser: TestBrowser;

  before(async function () {
    await needChromium(this);
    s = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  it('a group admin sees the bell count go up live on a join request, opens the list and follows the link', async () => {
    const admin = await makeUserWithToken(s.db, { role: 'animator', firstName: 'Annie', lastName: 'Mateur' });
    const member = await makeUserWithToken(s.db, { firstName: 'Julie', lastName: 'Petit' });
    const late = await makeUserWithToken(s.db, { firstName: 'Thomas', lastName: 'Durand' });
    const created = await api(s.url, { token: admin.token }).post('/api/groups', {
      name: 'Conseillers numériques du Rhône',
      description: 'Échanges entre conseillers.',
      visibility: 'moderated',
    });
    const groupId = created.body.id as number;

    const page = await browser.page(s.url, { token: admin.token, path: '/groupes' });
    page.setDefaultTimeout(10_000);
    const header = page.locator('.fr-header__tools-links');
    const bell = header.getByRole('link', { name: /^Notifications/ });
    await bell.waitFor();
    expect(await bell.locator('.fr-badge').count()).to.equal(0);
    // The hub is connected once the page has loaded the notifications (the request below must reach it live).
    await page.waitForFunction(
      () => (document.querySelector('mai-app') as unknown as { hub?: { connected: boolean } })?.hub?.connected === true,
    );

    expect(
      (await api(s.url, { token: member.token }).post(`/api/groups/${groupId}/join`, { motive: 'J’anime des ateliers.' })).status,
    ).to.equal(202);
    await bell.locator('.fr-badge', { hasText: '1' }).waitFor();
    expect(await bell.getAttribute('title')).to.equal('1 notification non lue');
    await page
      .locator('mai-notification-bell [aria-live]')
      .first()
      .filter({ hasText: 'Nouvelle notification : Julie Petit demande à rejoindre' })
      .waitFor();
    await shot(page, 'bell');

    await bell.click();
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).to.equal('/notifications');
    const item = page.locator('.mai-notification', {
      hasText: 'Julie Petit demande à rejoindre le groupe « Conseillers numériques du Rhône ».',
    });
    await item.getByText('Nouveau').waitFor();
    await page.locator('mai-notifications-page').getByText('1 notification non lue').waitFor();
    expect(await bell.getAttribute('aria-label')).to.equal(null);
    await header.getByRole('link', { name: 'Notifications (1 notification non lue)' }).waitFor();
    await shot(page, 'list');

    await item.getByRole('link').click();
    await page.getByRole('heading', { name: 'Demandes d’adhésion' }).waitFor();
    expect(new URL(page.url()).pathname).to.equal(`/groupes/${groupId}/demandes`);
    await page.locator('.mai-request', { hasText: 'Julie Petit' }).getByText('J’anime des ateliers.').waitFor();
    await bell.locator('.fr-badge').waitFor({ state: 'detached' });
    const row = await s.db('notifications').where({ user_id: admin.user.id, kind: 'join_request' }).first();
    expect(row.read_at).to.not.equal(null);

    // Two more requests while the admin is elsewhere: « Tout marquer comme lu » clears them.
    expect((await api(s.url, { token: late.token }).post(`/api/groups/${groupId}/join`)).status).to.equal(202);
    await bell.locator('.fr-badge', { hasText: '1' }).waitFor();
    await bell.click();
    const list = page.locator('.mai-notifications');
    await list.locator('.mai-notification').nth(1).waitFor();
    expect(await list.locator('.mai-notification').first().textContent()).to.contain('Thomas Durand');
    expect(await list.locator('.mai-notification--unread').count()).to.equal(1);
    await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
    await page.locator('mai-notifications-page').getByText('Aucune notification non lue').waitFor();
    await bell.locator('.fr-badge').waitFor({ state: 'detached' });
    expect(await list.locator('.mai-notification--unread').count()).to.equal(0);
    expect(await s.db('notifications').where({ user_id: admin.user.id }).whereNull('read_at')).to.have.length(0);
    await shot(page, 'all-read');
  });

  it('sets when and what to receive by e-mail, with an override for one of my groups', async () => {
    const me = await makeUserWithToken(s.db, { role: 'animator', firstName: 'Sophie', lastName: 'Bernard' });
    const group = await api(s.url, { token: me.token }).post('/api/groups', {
      name: 'Référents inclusion',
      description: '',
      visibility: 'public',
    });
    const page = await browser.page(s.url, { token: me.token, path: '/profil' });
    page.setDefaultTimeout(10_000);
    await page.getByRole('link', { name: 'Notifications par courriel' }).click();
    await page.getByRole('heading', { name: 'Notifications par courriel', level: 1 }).waitFor();
    await page.getByLabel('Délai avant l’envoi').waitFor();
    await shot(page, 'settings');

    // DSFR draws its own radios and checkboxes over the inputs: a person clicks the labels.
    await page.locator('label', { hasText: 'Un résumé par jour' }).click();
    expect(await page.getByLabel('Un résumé par jour').isChecked()).to.equal(true);
    await page.getByLabel('Délai avant l’envoi').waitFor({ state: 'detached' });
    await page.locator('label', { hasText: 'Mentions' }).click();
    await page.getByLabel('Courriels pour le groupe Référents inclusion').selectOption('realtime');
    // A group followed « au fil de l’eau » brings the delay back: it applies to that group.
    await page.getByLabel('Délai avant l’envoi').waitFor();
    await page.getByRole('button', { name: 'Enregistrer mes préférences' }).click();
    await page.getByText('Vos préférences sont enregistrées.').waitFor();
    await shot(page, 'settings-saved');
    const stored = (await api(s.url, { token: me.token }).get('/api/me/notification-settings')).body;
    expect(stored).to.deep.equal({
      frequency: 'daily',
      batchMinutes: 0,
      types: { article: true, comment: true, member: true, event: true, mention: false },
      groups: { [group.body.id]: { frequency: 'realtime' } },
    });

    await page.reload();
    await page.getByLabel('Un résumé par jour').waitFor();
    expect(await page.getByLabel('Un résumé par jour').isChecked()).to.equal(true);
    expect(await page.getByLabel('Mentions').isChecked()).to.equal(false);
    expect(await page.getByLabel('Courriels pour le groupe Référents inclusion').inputValue()).to.equal('realtime');
  });
});
