import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { useBrowser } from '../helpers/browser';
import { makeUserWithToken } from '../helpers/factories';
import { connect, emitAck } from '../helpers/sockets';
import { api } from '../helpers/http';
import { useServer } from '../helpers/suite';

/**
 * Keyboard-only journeys (RGAA themes 7 and 12): only Tab, Maj+Tab, Entrée, Échap and typing; the test
 * checks where the focus is after each step, that it is visible, and what the live regions say.
 */
describe('e2e: keyboard-only journeys (chat, a form, a dialog) and what screen readers are told', function () {
  this.timeout(90000);
  const browser = useBrowser();
  const s = useServer({ env: { MESSAGE_RATE_PER_10S: '1000' } });

  const active = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return {
        id: el?.id ?? '',
        tag: el?.tagName.toLowerCase() ?? '',
        text: (el?.textContent ?? '').trim().slice(0, 80),
        href: el?.getAttribute('href') ?? '',
        inDialog: !!el?.closest('dialog'),
      };
    });

  /** The focused element shows a focus ring (an outline of 2 px or more, or a box shadow). */
  async function expectVisibleFocus(page: Page) {
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const st = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return {
        outline: st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) >= 2,
        shadow: st.boxShadow !== 'none',
        w: r.width,
        h: r.height,
      };
    });
    expect(ring.outline || ring.shadow, `focus ring on ${JSON.stringify(await active(page))}`).to.equal(true);
    expect(ring.w > 0 && ring.h > 0, 'the focused element is on screen').to.equal(true);
  }

  /** Presses Tab (or Maj+Tab) until `match` holds, at most `max` times; fails with where the focus ended. */
  async function tabTo(page: Page, match: (a: Awaited<ReturnType<typeof active>>) => boolean, max = 60, back = false) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      if (match(await active(page))) return;
    }
    expect.fail(`not reached with ${max} × Tab; focus on ${JSON.stringify(await active(page))}`);
  }

  it('chat: skip link to the content, a channel reached and opened, a message sent, focus visible all along', async () => {
    const u = await makeUserWithToken(s.db, { departmentCode: '29', username: 'clavier.seul' });
    const general = (await s.db('channels').where({ slug: 'general' }).first()).id as number;
    // Opened from the address bar: nothing has the focus yet.
    const page = await browser.page(s.url, { token: u.token, path: `/discussions/${general}` });
    await page.locator('mai-chat-sidebar').waitFor();
    await page.locator('#mai-composer-input').waitFor();
    // The first Tab of the page reaches the skip links, shown when focused.
    await page.keyboard.press('Tab');
    expect(await active(page)).to.include({ tag: 'a', href: '#contenu', text: 'Contenu' });
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'contenu');

    // From the content, Tab reaches the département's channel in the list; Entrée opens it.
    await tabTo(page, (a) => a.tag === 'a' && a.text.includes('29 — Finistère'));
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/discussions\/\d+$/);
    await page.getByRole('heading', { level: 1, name: /29 — Finistère/ }).waitFor();

    await tabTo(page, (a) => a.id === 'mai-composer-input');
    await expectVisibleFocus(page);
    await page.keyboard.type('Envoyé sans souris');
    await page.keyboard.press('Enter');
    await page.locator('.mai-msg', { hasText: 'Envoyé sans souris' }).waitFor();
    expect((await active(page)).id, 'the composer keeps the focus for the next message').to.equal('mai-composer-input');
    await page.context().close();
  });

  it('chat: a new message from someone else is read out by the list’s live region', async () => {
    const me = await makeUserWithToken(s.db, { departmentCode: '22' });
    const other = await makeUserWithToken(s.db, { departmentCode: '22', firstName: 'Yann', lastName: 'Le Goff' });
    const channelId = (await s.db('channels').where({ slug: 'dep-22' }).first()).id as number;
    const page = await browser.page(s.url, { token: me.token, path: `/discussions/${channelId}` });
    const region = page.locator('mai-message-list p[aria-live="polite"]');
    await region.waitFor({ state: 'attached' });
    expect(await region.getAttribute('class')).to.contain('fr-sr-only');
    await page.locator('mai-composer').waitFor();
    const socket = await connect(s.url, other.token);
    await emitAck(socket, 'message:send', { channelId, body: 'Réunion demain à 10 h', clientMsgId: crypto.randomUUID() });
    socket.close();
    await page.waitForFunction(
      (text) => (document.querySelector('mai-message-list p[aria-live="polite"]')?.textContent ?? '').includes(text),
      'Nouveau message de Yann Le Goff : Réunion demain à 10 h',
    );
    await page.context().close();
  });

  it('a form: the errors are announced in the live region and the focus goes to the first invalid field', async () => {
    const page = await browser.page(s.url, { path: '/inscription' });
    await page.getByRole('heading', { name: 'Créer un compte', level: 1 }).waitFor();
    await tabTo(page, (a) => a.tag === 'button' && a.text === 'Créer mon compte');
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'register-firstName');
    await expectVisibleFocus(page);
    const field = page.locator('#register-firstName');
    expect(await field.getAttribute('aria-invalid')).to.equal('true');
    const described = await field.getAttribute('aria-describedby');
    expect(await page.locator(`#${described}`).textContent()).to.equal('Saisissez votre prénom.');
    await page.waitForFunction(() => document.getElementById('mai-live-region')?.textContent === 'Le formulaire contient des erreurs.');
    expect(await page.locator('#mai-live-region').getAttribute('aria-live')).to.equal('polite');
    // Fix that field; the next submit takes the focus to the next invalid one and keeps what was typed.
    await page.keyboard.type('Aïcha');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'register-lastName');
    expect(await field.inputValue()).to.equal('Aïcha');
    await page.context().close();
  });

  it('a dialog: the focus is held inside while it is open and goes back to its opener when it closes', async () => {
    const admin = await makeUserWithToken(s.db, { role: 'admin' });
    await api(s.url, { token: admin.token }).post('/api/help/faq', {
      category: 'Clavier',
      question: 'Peut-on tout faire au clavier ?',
      answer: 'Oui.',
    });
    const page = await browser.page(s.url, { token: admin.token, path: '/aide' });
    const summary = page.locator('summary', { hasText: 'Peut-on tout faire au clavier ?' });
    await summary.waitFor();
    await tabTo(page, (a) => a.tag === 'summary' && a.text === 'Peut-on tout faire au clavier ?');
    await page.keyboard.press('Enter');
    await tabTo(page, (a) => a.tag === 'button' && a.text.startsWith('Supprimer'));
    const opener = await active(page);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Supprimer cette question ?' }).waitFor();
    expect(await active(page)).to.include({ text: 'Annuler', inDialog: true });
    // Tab and Maj+Tab go round the dialog's buttons, never behind it.
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      expect((await active(page)).inDialog, `Tab ${i + 1}`).to.equal(true);
      await expectVisibleFocus(page);
    }
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Shift+Tab');
      expect((await active(page)).inDialog, `Maj+Tab ${i + 1}`).to.equal(true);
    }
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const back = await active(page);
    expect(back).to.include({ tag: 'button', text: opener.text, inDialog: false });
    expect(await s.db('faq_entries').where({ question: 'Peut-on tout faire au clavier ?' })).to.have.length(1);
    await page.context().close();
  });
});
