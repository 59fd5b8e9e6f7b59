import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import type { BrowserContext, Page } from 'playwright-core';
import { SESSION_COOKIE, useBrowser } from '../helpers/browser';
import { makeUserWithToken } from '../helpers/factories';
import { createEvent } from '../helpers/events';
import { addToGroup, createGroup } from '../helpers/groups';
import { uploadDocument } from '../helpers/documents';
import { openRequest, person } from '../helpers/hotline';
import { useServer } from '../helpers/suite';
import { openBookingPage } from '../helpers/booking';

/** axe-core, injected into the page for the heading checks. */
const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

/** Every path of the client's route table (client/components/app/routes.ts), read from its source. */
function routeTable(): string[] {
  const src = readFileSync(new URL('../../client/components/app/routes.ts', import.meta.url), 'utf8');
  return [...src.matchAll(/^\s+'(\/[^']*)': \{/gm)].map((m) => m[1]!);
}

/**
 * Run in the page: the document's width, and the innermost elements past the right edge that no
 * scrolling (or clipping) region within the screen holds, each with its ancestors (where the width comes from).
 */
const WIDTH_PROBE = `(() => {
  const vw = document.documentElement.clientWidth;
  const clipped = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= vw + 1) return true;
    }
    return false;
  };
  const over = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > vw + 1 && !clipped(el));
  const wide = over
    .filter((el) => ![...el.children].some((c) => over.includes(c)))
    .slice(0, 4)
    .map((el) => {
      const parts = [];
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        parts.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + String(e.className).split(' ')[0] + ':' + Math.round(e.getBoundingClientRect().right));
      }
      return parts.slice(0, 8).join(' < ');
    });
  return { scrollWidth: document.documentElement.scrollWidth, vw, wide };
})()`;

describe('e2e: on a 390×844 phone, by touch', function () {
  this.timeout(120000);
  const browser = useBrowser();
  const s = useServer({ env: { MESSAGE_RATE_PER_10S: '1000' } });
  const errors: string[] = [];

  /** A phone-sized, touch context, signed in when `token` is given. */
  async function phone(token?: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 2,
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
    });
    if (token)
      await context.addCookies([{ name: SESSION_COOKIE, value: token, domain: '127.0.0.1', path: '/', httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => errors.push(`${e.message} ${e.stack}`));
    return { context, page };
  }

  /** Fails when the page is wider than the screen (a horizontal scroll), naming the widest culprits. */
  async function expectNoHorizontalScroll(page: Page, where: string) {
    // A string: esbuild's name helpers (__name) do not exist in the page.
    const r = (await page.evaluate(WIDTH_PROBE)) as { scrollWidth: number; vw: number; wide: string[] };
    expect(r.scrollWidth, `${where}: page ${r.scrollWidth}px wide for a ${r.vw}px screen;\n  ${r.wide.join('\n  ')}`).to.be.at.most(r.vw);
  }

  /** axe-core: heading levels never skip one going down the page, every control and link has a name, no duplicate ids behind ARIA. */
  async function headingProblems(page: Page, where: string): Promise<string[]> {
    // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') would refuse a script tag.
    if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(readFileSync(AXE, 'utf8'));
    const r =
      (await page.evaluate(`axe.run(document, { runOnly: ['heading-order', 'empty-heading', 'page-has-heading-one', 'label', 'select-name', 'button-name', 'link-name', 'duplicate-id-aria'] })
      .then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ') + ' «' + (document.querySelector(n.target[0])?.textContent ?? '').trim().slice(0, 40) + '»').join(', ')))`)) as string[];
    return r.map((x) => `${where}: ${x}`);
  }

  afterEach(() => {
    const seen = errors.splice(0);
    expect(seen, seen.join('\n')).to.deep.equal([]);
  });

  it('opens a channel from the list, sends, replies through the "…" menu, and goes back', async () => {
    const u = await makeUserWithToken(s.db, { departmentCode: '35', username: 'julie.phone', firstName: 'Julie', lastName: 'Mobile' });
    const other = await person(s, { departmentCode: '35', username: 'paul.phone', firstName: 'Paul', lastName: 'Autre' });
    const dep = (await s.db('channels').where({ slug: 'dep-35' }).first()).id as number;
    const { context, page } = await phone(u.token);
    await page.goto(`${s.url}/discussions/salons`);
    const list = page.locator('.mai-chat__side');
    await list.getByRole('heading', { name: 'Salons', level: 1 }).waitFor();
    expect(await page.locator('.mai-chat__main').isVisible(), 'the conversation is not shown under the list').to.equal(false);
    await list.locator(`a[data-channel-id="${dep}"]`).tap();
    await page.waitForURL(`**/discussions/${dep}`);
    await page.locator('mai-channel-view h1', { hasText: '35' }).waitFor();
    expect(await list.isVisible(), 'the list is its own screen').to.equal(false);
    expect(await page.locator('mai-footer').isVisible(), 'no footer in the chat').to.equal(false);
    // The composer is on screen, at the bottom, without scrolling the page.
    const composer = (await page.locator('#mai-composer-input').boundingBox())!;
    expect(composer.y + composer.height).to.be.at.most(844);
    expect(composer.y).to.be.greaterThan(844 / 2);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).to.be.at.most(844);

    await page.locator('#mai-composer-input').tap();
    await page.locator('#mai-composer-input').fill('Bonjour depuis mon téléphone');
    await page.getByRole('button', { name: 'Envoyer' }).tap();
    await page.locator('.mai-msg[data-message-id]', { hasText: 'Bonjour depuis mon téléphone' }).waitFor();

    // Someone answers; I reply to them through the "…" menu, which never covers author or time.
    const { emitAck } = await import('../helpers/sockets');
    expect((await emitAck(other.socket, 'message:send', { channelId: dep, body: 'Tu es où ?', clientMsgId: 'phone-q-1' })).ok).to.equal(
      true,
    );
    await page.locator('.mai-msg[data-message-id]', { hasText: 'Tu es où ?' }).waitFor();
    // By id: the reply will quote this text too.
    const question = page.locator(
      `.mai-msg[data-message-id="${await page.locator('.mai-msg[data-message-id]', { hasText: 'Tu es où ?' }).getAttribute('data-message-id')}"]`,
    );
    const toggle = question.getByRole('button', { name: 'Actions sur le message de Paul Autre' });
    const [t, author, time] = await Promise.all([
      toggle.boundingBox(),
      question.locator('.mai-msg__author').boundingBox(),
      question.locator('.mai-msg__time').boundingBox(),
    ]);
    for (const b of [author!, time!])
      expect(b.x + b.width <= t!.x || b.y >= t!.y + t!.height, 'the "…" button covers the author or the time').to.equal(true);
    await toggle.tap();
    await question.getByRole('menuitem', { name: 'Répondre' }).tap();
    await page.locator('.mai-chat-composer__reply', { hasText: 'Tu es où ?' }).waitFor();
    await page.locator('#mai-composer-input').fill('Dans le train');
    await page.getByRole('button', { name: 'Envoyer' }).tap();
    await page
      .locator('.mai-msg[data-message-id]', { hasText: 'Dans le train' })
      .locator('.mai-msg__quote', { hasText: 'Tu es où ?' })
      .waitFor();
    // A finger held on a message opens the same menu, without a tap on "…".
    const box = (await question.locator('.mai-msg__body').boundingBox())!;
    const cdp = await context.newCDPSession(page);
    const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
    await question.getByRole('menuitem', { name: 'Répondre' }).waitFor();
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    expect(await toggle.getAttribute('aria-expanded')).to.equal('true');
    await toggle.tap();
    await question.getByRole('menuitem').first().waitFor({ state: 'detached' });
    const stored = await s.db('messages').where({ author_id: u.user.id, body: 'Dans le train' }).first();
    expect(stored.reply_to_id).to.be.a('number');
    await expectNoHorizontalScroll(page, 'channel');

    await page.getByRole('link', { name: 'Tous les salons' }).tap();
    await page.waitForURL('**/discussions/salons');
    await list.locator(`a[data-channel-id="${dep}"]`).waitFor();
    expect(await page.title()).to.match(/^Salons · Maillage$|^\(\d+\) Salons · Maillage$/);
    await context.close();
  });

  it('no page of the route table scrolls sideways; headings in order, every control named', async function () {
    const admin = await makeUserWithToken(s.db, {
      role: 'admin',
      departmentCode: '13',
      firstName: 'Adèle',
      lastName: 'Administratrice-Très-Longuement-Nommée',
    });
    const member = await person(s, { departmentCode: '13', firstName: 'Maxime', lastName: 'Membre' });
    const group = await createGroup(s.url, admin.token, {
      name: 'Groupe pour téléphone',
      description: 'Une description assez longue pour passer sur plusieurs lignes sur un petit écran.',
    });
    await addToGroup(s.url, admin.token, group.id, member);
    const ev = await createEvent(s, admin, group.id, { title: 'Atelier sur petit écran' });
    const doc = await uploadDocument(
      s,
      admin,
      group.id,
      Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
      'Compte-rendu-de-la-réunion-du-comité-de-pilotage-départemental.pdf',
      { title: 'Compte rendu du comité de pilotage départemental de l’inclusion numérique' },
    );
    expect(doc.status, JSON.stringify(doc.body)).to.equal(201);
    const ticket = await openRequest(member, 'Impossible de me connecter depuis mon téléphone');
    const ticketId = ticket.ticket?.id ?? (await s.db('hotline_tickets').orderBy('id', 'desc').first()).id;
    const general = (await s.db('channels').where({ slug: 'general' }).first()).id as number;
    // A concrete path for each route (routes taking an id get a real one; groups also get each tab).
    const concrete: Record<string, string[]> = {
      '/discussions': [`/discussions/${general}`, '/discussions/salons', '/discussions/thematiques'],
      '/groupes': [
        '/groupes',
        '/groupes/annuaire',
        '/groupes/fil',
        ...['fil', 'membres', 'documents', 'agenda'].map((t) => `/groupes/${group.id}/${t}`),
      ],
      '/documents': ['/documents', `/documents/${doc.body.id}`],
      '/evenements': [`/evenements/${ev.id}`],
      '/membres': [`/membres/${member.user.id}`],
      '/hotline': ['/hotline', `/hotline/${ticketId}`],
      '/rendez-vous': [`/rendez-vous/${(await openBookingPage(s.url, admin.token)).slug}`],
      '/recherche': ['/recherche', '/recherche?q=connecter', '/recherche?q=connecter&type=messages'],
    };
    const guestOnly = ['/connexion', '/inscription', '/mot-de-passe-oublie'];
    const table = routeTable();
    expect(table.length).to.be.greaterThan(15);
    // Every route is opened signed out and in: the time grows with the table (and a loaded machine).
    this.timeout(120000 + table.length * 8000);
    const guest = await phone();
    const signed = await phone(admin.token);
    const headings: string[] = [];
    for (const route of table) {
      const { page } = guestOnly.includes(route) ? guest : signed;
      for (const path of concrete[route] ?? [route]) {
        await page.goto(`${s.url}${path}`);
        await page.locator('#contenu h1').first().waitFor();
        await page.waitForLoadState('networkidle').catch(() => {});
        await expectNoHorizontalScroll(page, path);
        headings.push(...(await headingProblems(page, path)));
      }
    }
    expect(headings, headings.join('\n')).to.deep.equal([]);
    await guest.context.close();
    await signed.context.close();
  });
});
