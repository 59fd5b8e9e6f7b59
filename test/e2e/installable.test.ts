import { expect } from 'chai';
import { inflateSync } from 'node:zlib';
import { api } from '../helpers/http';
import { SESSION_COOKIE, useBrowser } from '../helpers/browser';
import { makeUserWithToken } from '../helpers/factories';
import { useServer } from '../helpers/suite';
import { until } from '../helpers/hotline';

/** Width, height and the decoded size of a PNG's pixels (throws when it is not a PNG). */
function readPng(buf: Buffer): { width: number; height: number; pixels: number } {
  expect(buf.subarray(0, 8).toString('hex')).to.equal('89504e470d0a1a0a');
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length;) {
    const len = buf.readUInt32BE(at);
    if (buf.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(buf.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  return { width, height, pixels: inflateSync(Buffer.concat(idat)).length };
}

describe('e2e: the installable app (manifest, icons, service worker, offline start)', function () {
  this.timeout(90000);
  const browser = useBrowser();
  const s = useServer({ env: { MESSAGE_RATE_PER_10S: '1000' } });

  it('serves a valid manifest with 192 and 512 px PNG icons, linked from the page', async () => {
    const res = await fetch(`${s.url}/manifest.webmanifest`);
    expect(res.status).to.equal(200);
    const m = (await res.json()) as {
      name: string;
      start_url: string;
      display: string;
      scope: string;
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(m).to.include({ name: 'Maillage', start_url: '/', display: 'standalone', scope: '/' });
    for (const size of [192, 512]) {
      const icon = m.icons.find((i) => i.sizes === `${size}x${size}` && i.type === 'image/png');
      expect(icon, `${size} px icon`).to.not.equal(undefined);
      const png = readPng(Buffer.from(await (await fetch(`${s.url}${icon!.src}`)).arrayBuffer()));
      expect(png).to.deep.equal({ width: size, height: size, pixels: size * (1 + size * 3) });
    }
    const html = await (await fetch(`${s.url}/`)).text();
    expect(html).to.contain('<link rel="manifest" href="/manifest.webmanifest" />');
    expect((await api(s.url).get('/sw.js')).status).to.equal(200);
  });

  it('registers the service worker, then opens offline with the outbox: a message written offline leaves on reconnection', async () => {
    const u = await makeUserWithToken(s.db, { departmentCode: '56', username: 'hors.ligne' });
    const dep = (await s.db('channels').where({ slug: 'dep-56' }).first()).id as number;
    const context = await browser.browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      locale: 'fr-FR',
    });
    await context.addCookies([{ name: SESSION_COOKIE, value: u.token, domain: '127.0.0.1', path: '/', httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${s.url}/discussions/${dep}`);
    await page.locator('mai-channel-view h1', { hasText: '56' }).waitFor();
    // Installed: the worker controls the page and its cache holds the shell.
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).to.equal(`${s.url}/`);
    await until(() =>
      page.evaluate(async () => {
        const names = await caches.keys();
        const c = names.length ? await caches.open(names[0]!) : null;
        return !!navigator.serviceWorker.controller && !!c && !!(await c.match('/assets/app.js')) && !!(await c.match('/'));
      }),
    );

    await context.setOffline(true);
    await page.reload();
    // The shell came from the cache: the app opens as the last signed-in user, says it is offline…
    await page.getByText('Hors ligne. Vos messages attendent ici').waitFor();
    await page.locator('mai-channel-view h1', { hasText: '56' }).waitFor();
    // …and the outbox works: what is written now waits, shown as "envoi…".
    await page.locator('#mai-composer-input').fill('Écrit dans le métro');
    await page.keyboard.press('Enter');
    await page
      .locator('.mai-msg--pending', { hasText: 'Écrit dans le métro' })
      .locator('.mai-msg__status', { hasText: 'envoi…' })
      .waitFor();
    expect(await s.db('messages').where({ body: 'Écrit dans le métro' })).to.have.length(0);

    await context.setOffline(false);
    await page.locator('.mai-msg[data-message-id]', { hasText: 'Écrit dans le métro' }).waitFor({ timeout: 30_000 });
    const rows = await s.db('messages').where({ author_id: u.user.id, body: 'Écrit dans le métro' });
    expect(rows).to.have.length(1);
    expect(rows[0].channel_id).to.equal(dep);
    expect(errors).to.deep.equal([]);
    await context.close();
  });

  it('a push message delivered to the service worker is shown as a notification with its text', async () => {
    const u = await makeUserWithToken(s.db, { departmentCode: '29' });
    const context = await browser.browser.newContext({ locale: 'fr-FR' });
    await context.grantPermissions(['notifications'], { origin: s.url });
    await context.addCookies([{ name: SESSION_COOKIE, value: u.token, domain: '127.0.0.1', path: '/', httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();
    await page.goto(`${s.url}/profil/notifications`);
    await page.getByRole('heading', { name: 'Notifications sur cet appareil' }).waitFor();
    await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    // What a push service would hand to the browser (the test above proves the server's encryption).
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const registrationId = await new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', (e: { registrations: { registrationId: string; scopeURL: string }[] }) => {
        const r = e.registrations.find((x) => x.scopeURL === `${s.url}/`);
        if (r) resolve(r.registrationId);
      });
    });
    const payload = {
      kind: 'direct',
      title: 'Message de Alice Martin',
      body: 'Tu as vu le compte rendu ?',
      url: '/discussions/12',
      tag: 'channel-12',
    };
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: s.url, registrationId, data: JSON.stringify(payload) });
    const shown = () =>
      page.evaluate(async () =>
        (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
          title: n.title,
          body: n.body,
          tag: n.tag,
          data: n.data,
        })),
      );
    await until(async () => (await shown()).length > 0);
    expect(await shown()).to.deep.equal([{ title: payload.title, body: payload.body, tag: payload.tag, data: { url: '/discussions/12' } }]);
    await context.close();
  });
});
