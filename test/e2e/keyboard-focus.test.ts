import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { useBrowser } from '../helpers/browser';
import { makeUserWithToken, TEST_PASSWORD } from '../helpers/factories';
import { createEvent } from '../helpers/events';
import { createGroup } from '../helpers/groups';
import { openRequest, person } from '../helpers/hotline';
import { useServer } from '../helpers/suite';

/**
 * Keyboard only: each action is reached with Tab / focus and run with Entrée or Espace, and the test
 * then checks where the focus went (never back to the top of the page).
 */
describe('e2e: keyboard only, the focus goes where the person needs it next', function () {
  this.timeout(90000);
  const browser = useBrowser();
  const s = useServer({ env: { MESSAGE_RATE_PER_10S: '1000' } });
  const errors: string[] = [];

  async function open(token: string | undefined, path: string): Promise<Page> {
    const page = await browser.page(s.url, { token, path });
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => errors.push(`${e.message} ${e.stack}`));
    return page;
  }

  /** A short description of the focused element, for the assertion messages. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.tagName.toLowerCase()}#${el.id}.${el.className} «${(el.textContent ?? '').trim().slice(0, 80)}»` : 'none';
    });

  /** Waits until the focused element matches `selector` (and holds `text` when given). */
  async function expectFocus(page: Page, selector: string, text?: string) {
    try {
      await page.waitForFunction(
        ([sel, t]) => {
          const el = document.activeElement;
          return !!el && el !== document.body && el.matches(sel!) && (!t || (el.textContent ?? '').includes(t));
        },
        [selector, text ?? ''],
        { timeout: 5000 },
      );
    } catch {
      expect.fail(`focus expected on ${selector}${text ? ` «${text}»` : ''}, found ${await focused(page)}`);
    }
  }

  /** Keyboard activation of a control: focus it (as Tab would), then Entrée. */
  async function press(page: Page, selector: string, name?: string | RegExp) {
    const el = name ? page.locator(selector).filter({ hasText: name }).first() : page.locator(selector).first();
    await el.focus();
    await page.keyboard.press('Enter');
  }

  afterEach(() => {
    const seen = errors.splice(0);
    expect(seen, seen.join('\n')).to.deep.equal([]);
  });

  it('a wrong password: the error alert has the focus, the e-mail is kept', async () => {
    const u = await makeUserWithToken(s.db, { email: 'clavier@exemple.fr' });
    const page = await open(undefined, '/connexion');
    await page.locator('#login-email').focus();
    await page.keyboard.type(u.user.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('pas-le-bon-Mot1');
    await page.keyboard.press('Enter');
    await expectFocus(page, '.fr-alert--error');
    expect(await page.locator('#login-email').inputValue()).to.equal(u.user.email);
    await page.context().close();
  });

  it('editing and deleting a message: the changed message has the focus; the modal returns to its opener on Échap', async () => {
    const u = await makeUserWithToken(s.db, { departmentCode: '44', username: 'clavier.chat' });
    const dep = (await s.db('channels').where({ slug: 'dep-44' }).first()).id as number;
    const page = await open(u.token, `/discussions/${dep}`);
    await page.locator('#mai-composer-input').focus();
    await page.keyboard.type('Premier jet');
    await page.keyboard.press('Enter');
    const first = page.locator('.mai-msg[data-message-id]', { hasText: 'Premier jet' });
    await first.waitFor();
    const id = await first.getAttribute('data-message-id');
    const msg = page.locator(`.mai-msg[data-message-id="${id}"]`);
    const toggle = msg.locator('.mai-msg-menu__toggle');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expectFocus(page, '[role="menuitem"]', 'Répondre');
    await page.keyboard.press('ArrowDown');
    await expectFocus(page, '[role="menuitem"]', 'Modifier');
    await page.keyboard.press('Enter');
    await expectFocus(page, `#mai-edit-${id}`);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Version revue');
    await page.keyboard.press('Enter');
    await expectFocus(page, `.mai-msg[data-message-id="${id}"]`, 'Version revue');

    // Delete: the menu, then the DSFR modal; Échap cancels and gives the focus back to the "…" button.
    await toggle.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await expectFocus(page, '[role="menuitem"]', 'Supprimer');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Supprimer ce message ?' });
    await dialog.waitFor();
    await expectFocus(page, '.mai-confirm-dialog__no');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expectFocus(page, `.mai-msg[data-message-id="${id}"] .mai-msg-menu__toggle`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab'); // from « Annuler » back to « Supprimer »
    await expectFocus(page, '.mai-confirm-dialog__yes');
    await page.keyboard.press('Enter');
    await expectFocus(page, `.mai-msg[data-message-id="${id}"]`, 'Message supprimé');
    expect(
      (
        await s
          .db('messages')
          .where({ id: Number(id) })
          .first()
      ).deleted_at,
    ).to.not.equal(null);
    await page.context().close();
  });

  it('group and event forms: errors take the focus to the field and keep what was typed; opening the event form focuses its title', async () => {
    const anim = await makeUserWithToken(s.db, { role: 'animator' });
    await createGroup(s.url, anim.token, { name: 'Réseau des aidants' });
    const page = await open(anim.token, '/groupes');
    await press(page, 'button', 'Nouveau groupe');
    await expectFocus(page, '#group-name');
    await page.keyboard.type('réseau des AIDANTS');
    await page.keyboard.press('Enter');
    await expectFocus(page, '#group-name');
    expect(await page.locator('#group-name').inputValue()).to.equal('réseau des AIDANTS');
    await page.locator('#group-name-error', { hasText: 'porte déjà ce nom' }).waitFor();

    const g = await createGroup(s.url, anim.token, { name: 'Agenda au clavier' });
    await page.goto(`${s.url}/groupes/${g.id}/agenda`);
    await press(page, '#ev-create-open');
    await expectFocus(page, '#ev-new-title');
    expect(await page.getByLabel('Titre', { exact: true }).count()).to.equal(1);
    await page.keyboard.type('Atelier au clavier');
    await page.locator('#ev-new-location').focus();
    await page.keyboard.type('Salle 2');
    await page.keyboard.press('Enter');
    // No dates: the first invalid field has the focus; title and place are still there.
    await expectFocus(page, '#ev-new-startsAt');
    expect(await page.locator('#ev-new-title').inputValue()).to.equal('Atelier au clavier');
    expect(await page.locator('#ev-new-location').inputValue()).to.equal('Salle 2');
    await press(page, 'mai-event-form button', 'Annuler');
    await expectFocus(page, '#ev-create-open');
    await page.context().close();
  });

  it('registering to an event: the button of my new state has the focus', async () => {
    const anim = await makeUserWithToken(s.db, { role: 'animator' });
    const member = await makeUserWithToken(s.db, {});
    const g = await createGroup(s.url, anim.token, { name: 'Inscriptions au clavier' });
    const { addToGroup } = await import('../helpers/groups');
    await addToGroup(s.url, anim.token, g.id, member);
    const ev = await createEvent(s, anim, g.id, { title: 'Café numérique' });
    const page = await open(member.token, `/evenements/${ev.id}`);
    await press(page, '#ev-my-registration button', 'M’inscrire');
    await expectFocus(page, '#ev-my-registration button', 'Me désinscrire');
    await page.context().close();
  });

  it('saving the profile and the notification settings: the outcome has the focus', async () => {
    const u = await makeUserWithToken(s.db, {});
    const page = await open(u.token, '/profil');
    await page.locator('[name="jobTitle"]').focus();
    await page.keyboard.type('Conseillère numérique');
    await page.keyboard.press('Enter');
    await expectFocus(page, '.mai-profile-notice', 'Votre profil a été mis à jour.');

    // A bad phone number: the field has the focus, with the French message, and keeps the text.
    await page.locator('[name="phone"]').focus();
    await page.keyboard.type('12ab');
    await page.keyboard.press('Enter');
    await expectFocus(page, '[name="phone"]');
    await page
      .getByText(/Numéro de téléphone français invalide/)
      .first()
      .waitFor();
    expect(await page.locator('[name="phone"]').inputValue()).to.equal('12ab');

    // Password change: a wrong current password takes the focus back to that field.
    await page.locator('#pw-current').focus();
    await page.keyboard.type('pas-le-bon-Mot1');
    await page.locator('#pw-new').focus();
    await page.keyboard.type('Nouveau-Secret9');
    await page.keyboard.press('Enter');
    await expectFocus(page, '#pw-current');
    await page.locator('#pw-current').fill(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await expectFocus(page, 'mai-password-change .mai-profile-section__done', 'Votre mot de passe a été changé.');

    await page.goto(`${s.url}/profil/notifications`);
    await press(page, 'mai-notification-settings-form button[type="submit"]');
    await expectFocus(page, '.mai-notification-notices', 'Vos préférences sont enregistrées.');
    await page.context().close();
  });

  it('claiming and resolving a ticket (with a confirmation): the notice has the focus', async () => {
    const member = await person(s, { firstName: 'Nina' });
    const agent = await makeUserWithToken(s.db, { role: 'hotline' });
    const ack = await openRequest(member, 'Accès au clavier');
    expect(ack.ok, JSON.stringify(ack)).to.equal(true);
    const ticketId = ack.ticket?.id ?? (await s.db('hotline_tickets').orderBy('id', 'desc').first()).id;
    const page = await open(agent.token, `/hotline/${ticketId}`);
    // Claiming goes over the hub: wait for its connection (a busy machine may take a moment).
    await page.waitForFunction(
      () => (document.querySelector('mai-app') as unknown as { hub?: { connected: boolean } } | null)?.hub?.connected === true,
    );
    await press(page, 'button', 'Prendre en charge');
    await expectFocus(page, '.mai-hotline-notice', 'Vous avez pris la demande en charge.');
    await page.locator('#hotline-resolution').focus();
    await page.keyboard.type('Réglé au téléphone.');
    await press(page, 'button', 'Résoudre');
    const dialog = page.getByRole('dialog', { name: 'Résoudre cette demande ?' });
    await dialog.waitFor();
    await page.keyboard.press('Shift+Tab');
    await expectFocus(page, '.mai-confirm-dialog__yes');
    await page.keyboard.press('Enter');
    await expectFocus(page, '.mai-hotline-notice', 'La demande est résolue.');
    expect((await s.db('hotline_tickets').where({ id: ticketId }).first()).status).to.equal('resolved');
    await page.context().close();
  });

  it('disabling a user (with a confirmation): the row’s button has the focus again', async () => {
    const admin = await makeUserWithToken(s.db, { role: 'admin' });
    const target = await makeUserWithToken(s.db, { firstName: 'Bastien', lastName: 'Clavier', username: 'bastien.clavier' });
    const page = await open(admin.token, '/admin');
    const button = `#admin-status-${target.user.id}`;
    await page.locator(button).waitFor();
    // At 1280 px the whole table fits: the « Action » column is not cut off.
    const [column, region] = await Promise.all([
      page.locator('mai-admin-user-table th', { hasText: 'Action' }).boundingBox(),
      page.locator('mai-admin-user-table .fr-table__container').boundingBox(),
    ]);
    expect(column!.x + column!.width).to.be.at.most(region!.x + region!.width + 1);
    await press(page, button);
    const dialog = page.getByRole('dialog', { name: 'Désactiver ce compte ?' });
    await dialog.waitFor();
    await page.keyboard.press('Shift+Tab');
    await expectFocus(page, '.mai-confirm-dialog__yes', 'Désactiver le compte');
    await page.keyboard.press('Enter');
    await expectFocus(page, button, 'Réactiver');
    expect((await s.db('users').where({ id: target.user.id }).first()).status).to.equal('disabled');
    await page.context().close();
  });
});
