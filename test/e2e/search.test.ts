/**
 * Chromium: a member finds a message by a word of its body, accents typed or
 * not, from the header's box and from the chat's search panel, then jumps to
 * it in its channel (far back in the history: older pages are loaded).
 */
import crypto from 'node:crypto';
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { useBrowser, expectFocus } from '../helpers/browser';
import { makeUserWithToken } from '../helpers/factories';
import { connect, emitAck } from '../helpers/sockets';
import { useServer } from '../helpers/suite';

describe('e2e: search, then jump to the message in its channel', function () {
  this.timeout(120_000);
  const browser = useBrowser();
  const s = useServer({ env: { MESSAGE_RATE_PER_10S: '100000' } });
  let julie: Awaited<ReturnType<typeof makeUserWithToken>>;
  let depId: number;
  let targetSeq: number;
  const errors: string[] = [];

  before(async () => {
    julie = await makeUserWithToken(s.db, { departmentCode: '35', username: 'julie.search', firstName: 'Julie', lastName: 'Martin' });
    const thomas = await makeUserWithToken(s.db, {
      departmentCode: '35',
      username: 'thomas.search',
      firstName: 'Thomas',
      lastName: 'Petit',
    });
    depId = (await s.db('channels').where({ slug: 'dep-35' }).first()).id;
    const socket = await connect(s.url, thomas.token);
    const send = (body: string) => emitAck(socket, 'message:send', { channelId: depId, body, clientMsgId: crypto.randomUUID() });
    const target = await send('Réunion à l’école élémentaire Jean-Moulin jeudi, pensez aux clés.');
    expect(target.ok).to.equal(true);
    targetSeq = target.message.seq;
    // 180 more: the message is three pages back, out of the first page a channel opens with.
    for (let i = 0; i < 180; i++) expect((await send(`Message de remplissage ${i}`)).ok).to.equal(true);
    socket.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await browser.page(s.url, { token: julie.token, path });
    page.on('pageerror', (e) => errors.push(`${e.message} ${e.stack}`));
    return page;
  }

  async function expectTargetFocused(page: Page) {
    await page.waitForURL(new RegExp(`/discussions/${depId}\\?message=${targetSeq}$`));
    const target = page.locator(`.mai-msg--target[data-seq="${targetSeq}"]`);
    await target.waitFor();
    await expect(await target.textContent()).to.contain('école élémentaire');
    await page.waitForFunction((seq) => document.activeElement?.getAttribute('data-seq') === String(seq), targetSeq);
  }

  it('from the header: typed without accents, the results page marks the words, the link opens the message', async () => {
    const page = await open('/groupes');
    await page.locator('#mai-header-q').fill('ecole elementaire');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/recherche\?q=ecole\+elementaire$/);
    const hit = page.locator('section[aria-labelledby="search-messages"] .mai-hit').first();
    await hit.waitFor();
    expect(await hit.locator('mark').allTextContents()).to.deep.equal(['école', 'élémentaire']);
    expect(await hit.textContent()).to.contain('# ');
    await hit.locator('a').click();
    await expectTargetFocused(page);
    expect(errors.splice(0)).to.deep.equal([]);
    await page.context().close();
  });

  it('from the chat’s panel: accents typed, this channel only, Enter on the result opens it', async () => {
    const page = await open(`/discussions/${depId}`);
    await page.locator('.mai-channel__head button', { hasText: 'Rechercher' }).click();
    const input = page.locator('#chat-search-q');
    await input.waitFor();
    await expectFocus(page, 'chat-search-q');
    await input.fill('Élémentaires');
    await page.keyboard.press('Enter');
    const link = page.locator('mai-chat-search .mai-hit a').first();
    await link.waitFor();
    expect(await page.locator('mai-chat-search .mai-hit').count()).to.equal(1);
    await link.focus();
    await page.keyboard.press('Enter');
    await expectTargetFocused(page);
    expect(errors.splice(0)).to.deep.equal([]);
    await page.context().close();
  });
});
