import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { useBrowser, expectFocusWhere } from '../helpers/browser';
import { makeUserWithToken } from '../helpers/factories';
import { useServer } from '../helpers/suite';
import { photo } from '../helpers/message-files';
import { samples } from '../helpers/zip';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const AXE = readFileSync(fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');

/** Serious or critical WCAG A/AA violations on the page as it is (axe-core). */
async function axeSerious(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(AXE);
  const found = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations)`,
  )) as { id: string; impact: string | null; nodes: { target: string[] }[] }[];
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('e2e: files, reactions and threads in the chat (two members in Chromium)', function () {
  this.timeout(90000);
  const browser = useBrowser();
  const s = useServer({ env: { MESSAGE_RATE_PER_10S: '1000' } });
  let ana: Awaited<ReturnType<typeof makeUserWithToken>>;
  let leo: Awaited<ReturnType<typeof makeUserWithToken>>;
  let depId: number;
  const errors: string[] = [];

  async function open(token: string, path: string): Promise<Page> {
    const page = await browser.page(s.url, { token, path });
    page.on('pageerror', (e) => errors.push(`${e.message} ${e.stack}`));
    await page.locator('mai-chat-sidebar a[data-channel-id]').first().waitFor();
    return page;
  }

  before(async () => {
    ana = await makeUserWithToken(s.db, { departmentCode: '35', username: 'ana.e2e', firstName: 'Ana', lastName: 'Morel' });
    leo = await makeUserWithToken(s.db, { departmentCode: '35', username: 'leo.e2e', firstName: 'Léo', lastName: 'Guen' });
    depId = (await s.db('channels').where({ slug: 'dep-35' }).first()).id;
  });

  it('one drops an image and a PDF (progress shown), the other opens the image and downloads the PDF; both react 👍; a thread followed from « Fils suivis »', async () => {
    const pa = await open(ana.token, `/discussions/${depId}`);
    const pl = await open(leo.token, `/discussions/${depId}`);
    await pa.locator('#mai-composer-input').waitFor();

    // The uploads' answers are held back a moment, so the progress bars are seen before they complete.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await pa.route('**/api/channels/*/files', async (route) => {
      await held;
      await route.continue();
    });
    const png = (await photo()).toString('base64');
    const pdf = samples.pdf().toString('base64');
    const drop = await pa.evaluateHandle(
      ([png, pdf]) => {
        // No named helper here: the test runner's transform would name it with a function the page lacks.
        const dt = new DataTransfer();
        dt.items.add(new File([Uint8Array.from(atob(png), (c) => c.charCodeAt(0))], 'salle.png', { type: 'image/png' }));
        dt.items.add(new File([Uint8Array.from(atob(pdf), (c) => c.charCodeAt(0))], 'ordre-du-jour.pdf', { type: 'application/pdf' }));
        return dt;
      },
      [png, pdf],
    );
    await pa.dispatchEvent('form.mai-chat-composer', 'drop', { dataTransfer: drop });
    await pa.locator('.mai-attachments progress[aria-label="Téléversement de salle.png"]').waitFor();
    await pa.locator('.mai-attachments progress[aria-label="Téléversement de ordre-du-jour.pdf"]').waitFor();
    await pa.locator('#mai-composer-input').fill('La salle et l’ordre du jour');
    await pa.keyboard.press('Enter');
    release();
    await pa.locator('.mai-attachments').waitFor({ state: 'detached' });

    const msg = pl.locator('.mai-msg[data-message-id]', { hasText: 'La salle et l’ordre du jour' });
    const thumb = msg.locator('.mai-msg__thumb img[alt="salle.png"]');
    await thumb.waitFor();
    await pl.waitForFunction(() => (document.querySelector('.mai-msg__thumb img') as HTMLImageElement | null)?.naturalWidth === 480);
    await msg.locator('.mai-msg__thumb').click();
    const viewer = pl.locator('dialog.mai-image-viewer');
    await viewer.locator('h1', { hasText: 'salle.png' }).waitFor();
    await pl.waitForFunction(() => (document.querySelector('.mai-image-viewer__img') as HTMLImageElement | null)?.naturalWidth === 900);
    await pl.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
    await expectFocusWhere(pl, () => document.activeElement?.classList.contains('mai-msg__thumb') === true, 'the thumbnail');

    const [download] = await Promise.all([pl.waitForEvent('download'), msg.locator('a', { hasText: 'ordre-du-jour.pdf' }).click()]);
    expect(download.suggestedFilename()).to.equal('ordre-du-jour.pdf');
    expect(await msg.locator('.mai-msg__file', { hasText: 'PDF' }).count()).to.equal(1);

    // Both react with the same emoji from the quick row: the count is 2 on both screens.
    for (const page of [pl, pa]) {
      const m = page.locator('.mai-msg[data-message-id]', { hasText: 'La salle et l’ordre du jour' });
      await m.hover();
      await m.locator('.mai-emoji__toggle').click();
      await m.locator('.mai-emoji__quick button', { hasText: '👍' }).click();
    }
    for (const page of [pa, pl]) {
      const r = page.locator('.mai-msg[data-message-id]', { hasText: 'La salle et l’ordre du jour' }).locator('.mai-reaction');
      await r.filter({ hasText: '2' }).waitFor();
      expect(await r.getAttribute('aria-pressed')).to.equal('true');
    }
    const who = pa.locator('.mai-reaction__who');
    expect(await who.textContent()).to.contain('Léo Guen');
    expect(await who.textContent()).to.contain('Ana Morel');

    // Ana answers in a thread (kept out of the channel); Léo opens it from the summary and follows it.
    const root = pa.locator('.mai-msg[data-message-id]', { hasText: 'La salle et l’ordre du jour' }).first();
    await root.locator('.mai-msg-menu__toggle').click();
    await root.getByRole('menuitem', { name: 'Fil de discussion' }).click();
    const panelA = pa.locator('mai-thread-panel');
    await panelA.locator('h2', { hasText: 'Fil de discussion' }).waitFor();
    await panelA.locator('#mai-thread-input').fill('Je réserve la salle');
    await panelA.getByRole('button', { name: 'Répondre' }).click();
    await panelA.locator('.mai-thread__replies .mai-msg[data-message-id]', { hasText: 'Je réserve la salle' }).waitFor();
    const summary = pl.locator('.mai-msg__thread', { hasText: '1 réponse' });
    await summary.waitFor();
    expect(await pl.locator('mai-message-list .mai-msg', { hasText: 'Je réserve la salle' }).count()).to.equal(0);
    await summary.click();
    const panelL = pl.locator('mai-thread-panel');
    await panelL.locator('.mai-thread__replies .mai-msg', { hasText: 'Je réserve la salle' }).waitFor();
    await panelL.getByRole('button', { name: 'Suivre' }).click();
    await panelL.locator('button[aria-pressed="true"]', { hasText: 'Suivi' }).waitFor();
    await panelL.getByRole('button', { name: 'Fermer' }).click();
    await panelL.waitFor({ state: 'detached' });

    // A second reply, also sent to the channel: Léo's "Fils suivis" shows it unread, and opens the thread from there.
    await panelA.locator('#mai-thread-input').fill('Et le vidéoprojecteur');
    await panelA.locator('label', { hasText: 'Envoyer aussi dans le salon' }).click();
    await panelA.getByRole('button', { name: 'Répondre' }).click();
    await pl.locator('mai-message-list .mai-msg', { hasText: 'Et le vidéoprojecteur' }).waitFor();
    await pl.locator('.mai-threads-link .fr-badge', { hasText: '1' }).waitFor();
    await pl.locator('.mai-threads-link').click();
    await pl.waitForURL('**/discussions/fils');
    const line = pl.locator('.mai-followed__item');
    await line.locator('.mai-followed__unread', { hasText: '1 non lue' }).waitFor();
    await line.getByRole('link', { name: '2 réponses' }).click();
    await pl.locator('mai-thread-panel .mai-thread__replies .mai-msg', { hasText: 'Et le vidéoprojecteur' }).waitFor();
    await pl.locator('.mai-threads-link .fr-badge').waitFor({ state: 'detached' });
    expect(await axeSerious(pl), 'thread panel').to.deep.equal([]);

    const seen = errors.splice(0);
    expect(seen, seen.join('\n')).to.deep.equal([]);
  });

  it('a direct message while the other tab is hidden raises a desktop notification, and the title counts it', async () => {
    // Léo's browser granted notifications beforehand; the page's Notification is watched to see what it shows.
    const context = await browser.context({ token: leo.token, baseUrl: s.url });
    await context.grantPermissions(['notifications'], { origin: s.url });
    // Plain strings: the test runner's transform names functions with a helper the page does not have.
    await context.addInitScript({
      content: `(() => {
        const Native = window.Notification;
        const shown = (window.__shown = []);
        class Watched extends Native {
          constructor(title, options) {
            super(title, options);
            shown.push({ title, body: (options && options.body) || '' });
          }
        }
        Object.defineProperty(window, 'Notification', { value: Watched, configurable: true, writable: true });
      })();`,
    });
    const pl = await context.newPage();
    pl.on('pageerror', (e) => errors.push(`${e.message} ${e.stack}`));
    await pl.goto(`${s.url}/discussions/${depId}`);
    await pl.locator('mai-chat-alerts', { hasText: 'Notifications du navigateur activées' }).waitFor();
    // The tab goes to the background.
    await pl.evaluate(`Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));`);

    const pa = await open(ana.token, `/discussions?dm=${leo.user.id}`);
    await pa.locator('mai-channel-view h1', { hasText: 'Léo Guen' }).waitFor();
    await pa.locator('#mai-composer-input').fill('Tu as vu la salle ?');
    await pa.keyboard.press('Enter');
    await pl.waitForFunction(() => (window as unknown as { __shown: unknown[] }).__shown.length > 0);
    const shown = await pl.evaluate(() => (window as unknown as { __shown: { title: string; body: string }[] }).__shown);
    expect(shown).to.deep.equal([{ title: 'Message de Ana Morel', body: 'Tu as vu la salle ?' }]);
    await pl.waitForFunction(() => document.title.startsWith('(1) '));

    const seen = errors.splice(0);
    expect(seen, seen.join('\n')).to.deep.equal([]);
  });

  it('a draft survives a reload; "Marquer comme non lu" draws the "Nouveaux messages" line, and the jump goes to it', async () => {
    const pa = await open(ana.token, `/discussions/${depId}`);
    await pa.locator('#mai-composer-input').fill('Brouillon à garder');
    await pa.reload();
    await pa.locator('#mai-composer-input').waitFor();
    await pa.waitForFunction(
      () => (document.querySelector('#mai-composer-input') as HTMLTextAreaElement | null)?.value === 'Brouillon à garder',
    );

    const pl = await open(leo.token, `/discussions/${depId}`);
    const target = pl.locator('mai-message-list .mai-msg[data-message-id]', { hasText: 'La salle et l’ordre du jour' }).first();
    await target.waitFor();
    await target.hover();
    await target.locator('.mai-msg-menu__toggle').click();
    await target.getByRole('menuitem', { name: 'Marquer comme non lu' }).click();
    await pl.locator('.mai-new-line', { hasText: 'Nouveaux messages' }).waitFor();
    const seq = Number(await target.getAttribute('data-seq'));
    const marker = await s.db('channel_members').where({ channel_id: depId, user_id: leo.user.id }).first();
    expect(marker.last_read_seq).to.equal(seq - 1);
    await pl.getByRole('button', { name: 'Aller au premier message non lu' }).click();
    await pl.waitForFunction((n) => (document.activeElement as HTMLElement | null)?.dataset.seq === String(n), seq);

    // Who is in the channel: both online, a search, a button to write.
    await pl.getByRole('button', { name: 'Membres' }).click();
    const members = pl.locator('mai-channel-members');
    await members.getByText('2 membres · 2 en ligne').waitFor();
    await members.locator('#mai-members-q').fill('ana');
    await members.locator('.mai-chat-contact').filter({ hasText: 'Léo' }).waitFor({ state: 'detached' });
    expect(await members.getByRole('link', { name: 'Écrire à Ana Morel' }).getAttribute('href')).to.equal(`/discussions?dm=${ana.user.id}`);
    expect(await axeSerious(pl), 'members panel').to.deep.equal([]);
    await pl.goto(`${s.url}/discussions/fils`);
    await pl.locator('mai-followed-threads h1').waitFor();
    expect(await axeSerious(pl), 'Fils suivis').to.deep.equal([]);
    const seen = errors.splice(0);
    expect(seen, seen.join('\n')).to.deep.equal([]);
  });

  it('on a 390 px phone the thread, the members and the emoji picker fit the screen (no sideways scroll)', async () => {
    const pl = await open(leo.token, `/discussions/${depId}`);
    await pl.setViewportSize({ width: 390, height: 800 });
    const wide = () => pl.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    const root = pl.locator('mai-message-list .mai-msg[data-message-id]', { hasText: 'La salle et l’ordre du jour' }).first();
    await root.waitFor();
    await root.locator('.mai-emoji__toggle').click();
    await root.locator('.mai-emoji__quick').waitFor();
    expect(await wide(), 'emoji picker').to.equal(false);
    await pl.keyboard.press('Escape');
    await root.locator('.mai-msg__thread').click();
    await pl.locator('mai-thread-panel .mai-thread__replies .mai-msg').first().waitFor();
    expect(await wide(), 'thread panel').to.equal(false);
    await pl.locator('mai-thread-panel').getByRole('button', { name: 'Fermer' }).click();
    await pl.getByRole('button', { name: 'Membres' }).click();
    await pl.locator('mai-channel-members p[role="status"]', { hasText: 'en ligne' }).waitFor();
    expect(await wide(), 'members panel').to.equal(false);
    const seen = errors.splice(0);
    expect(seen, seen.join('\n')).to.deep.equal([]);
  });
});
