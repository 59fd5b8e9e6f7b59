import { startServer } from './test/helpers/server';
import { makeUserWithToken } from './test/helpers/factories';
import { launchBrowser } from './test/helpers/browser';
import { connect, emitAck } from './test/helpers/sockets';

const s = await startServer({ env: { MESSAGE_RATE_PER_10S: '1000' } });
const a = await makeUserWithToken(s.db, { departmentCode: '69', username: 'julie', firstName: 'Julie', lastName: 'Martin' });
const b = await makeUserWithToken(s.db, { departmentCode: '69', username: 'thomas', firstName: 'Thomas', lastName: 'Petit' });
const dep = (await s.db('channels').where({ slug: 'dep-69' }).first()).id;
const annonces = (await s.db('channels').where({ slug: 'annonces' }).first()).id;
const sb = await connect(s.url, b.token);
for (let i = 0; i < 130; i++) await emitAck(sb, 'message:send', { channelId: dep, body: `Message ${i}`, clientMsgId: `x${i}` });
const br = await launchBrowser();
const page = await br.page(s.url, { token: a.token, path: `/discussions/${dep}` });
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.locator('.mai-msg').first().waitFor();
await page.waitForTimeout(800);
const held = () => page.evaluate(() => document.querySelectorAll('.mai-msg').length);
console.log('rendered', await held());
// scroll to top repeatedly
for (let i = 0; i < 6; i++) {
  await page.locator('lit-virtualizer').evaluate((el) => { el.scrollTop = 0; });
  await page.waitForTimeout(500);
}
console.log('first seq in DOM', await page.evaluate(() => (document.querySelector('.mai-msg[data-seq]') as HTMLElement)?.dataset.seq));
await page.screenshot({ path: '/tmp/shots/top.png' });
// typing indicator from thomas
await emitAck(sb, 'typing', { channelId: dep });
await page.waitForTimeout(200);
await page.screenshot({ path: '/tmp/shots/typing.png', clip: { x: 380, y: 600, width: 900, height: 300 } });
await page.goto(s.url + '/discussions/thematiques');
await page.locator('mai-channel-browser li').first().waitFor();
await page.screenshot({ path: '/tmp/shots/browser.png' });
await page.goto(s.url + `/discussions?dm=${b.user.id}`);
await page.waitForURL('**/discussions/*');
await page.locator('mai-channel-view h1').waitFor();
await page.waitForTimeout(500);
await page.screenshot({ path: '/tmp/shots/dm.png' });
await page.goto(s.url + `/discussions/${annonces}`);
await page.locator('#mai-composer-input').fill('Coucou');
await page.keyboard.press('Enter');
await page.locator('.mai-msg__failed').waitFor();
await page.screenshot({ path: '/tmp/shots/failed.png' });
await br.close();
sb.close();
await s.close();
process.exit(0);
