import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { useBrowser } from '../helpers/browser';
import { makeUserWithToken } from '../helpers/factories';
import { useServer } from '../helpers/suite';

/** Regression: switching from a long channel to a short one threw a TypeError in the message list. */
describe('e2e: switching between a long and a short channel', function () {
  this.timeout(60000);
  const browser = useBrowser();
  const s = useServer();

  /** Fills a channel with `n` messages by `authorId`, seqs 1..n, and moves its last_seq. */
  async function fill(channelId: number, authorId: number, n: number) {
    const t0 = Date.now() - n * 60_000;
    const rows = Array.from({ length: n }, (_, i) => ({
      channel_id: channelId,
      seq: i + 1,
      author_id: authorId,
      client_msg_id: `fill-${channelId}-${i}`,
      body: `Message numéro ${i + 1} du salon ${channelId}`,
      created_at: new Date(t0 + i * 60_000).toISOString(),
    }));
    for (let i = 0; i < rows.length; i += 100) await s.db('messages').insert(rows.slice(i, i + 100));
    await s.db('channels').where({ id: channelId }).update({ last_seq: n });
  }

  it('scrolls up a long channel, opens a short one, and back, without a script error', async () => {
    const julie = await makeUserWithToken(s.db, { departmentCode: '29', username: 'julie.switch' });
    const general = (await s.db('channels').where({ slug: 'general' }).first()).id as number;
    const dep = (await s.db('channels').where({ slug: 'dep-29' }).first()).id as number;
    await fill(general, julie.user.id, 300);
    await fill(dep, julie.user.id, 2);
    const page: Page = await browser.page(s.url, { token: julie.token, path: `/discussions/${general}` });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`${e.message} ${e.stack}`));
    await page.locator('.mai-msg', { hasText: 'Message numéro 300 du' }).waitFor();
    for (let round = 0; round < 3; round++) {
      // Read older messages (the list loads more), then switch to the short channel and back.
      const scroller = page.locator('lit-virtualizer');
      for (let k = 0; k < 4; k++) {
        await scroller.evaluate((el) => {
          el.scrollTop = 0;
        });
        await page.waitForTimeout(150);
      }
      await page.locator(`a[data-channel-id="${dep}"]`).click();
      await page.locator('.mai-msg', { hasText: `Message numéro 2 du salon ${dep}` }).waitFor();
      await page.locator(`a[data-channel-id="${general}"]`).click();
      await page.locator('.mai-msg').first().waitFor();
    }
    await page.locator(`a[data-channel-id="${dep}"]`).click();
    await page.locator('.mai-msg', { hasText: `Message numéro 2 du salon ${dep}` }).waitFor();
    await page.waitForTimeout(300);
    expect(errors, errors.join('\n')).to.deep.equal([]);
  });
});
