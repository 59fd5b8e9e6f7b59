/** Browser tests: Debian's Chromium driven by playwright-core, signed in with the session cookie. */
import { expect } from 'chai';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, needChromium } from './services';
import { standIn } from './suite';

/** The flags of the house for headless Chromium. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** Name of the session cookie (server/security/session-cookie.ts). */
export const SESSION_COOKIE = 'maillage_session';

/** One browser for a suite; `close()` closes every context opened through it. */
export interface TestBrowser {
  browser: Browser;
  /** A new context (its own cookies and storage), signed in when `token` is given. */
  context(opts?: { token?: string; baseUrl?: string }): Promise<BrowserContext>;
  /** A new page in a new context, at `baseUrl + path`. */
  page(baseUrl: string, opts?: { token?: string; path?: string }): Promise<Page>;
  close(): Promise<void>;
}

/** Launches Chromium (call after `needChromium(this)`). */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const contexts: BrowserContext[] = [];
  const api: TestBrowser = {
    browser,
    async context(opts = {}) {
      const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 900 } });
      contexts.push(context);
      if (opts.token) {
        const host = opts.baseUrl ? new URL(opts.baseUrl).hostname : '127.0.0.1';
        await context.addCookies([{ name: SESSION_COOKIE, value: opts.token, domain: host, path: '/', httpOnly: true, sameSite: 'Lax' }]);
      }
      return context;
    },
    async page(baseUrl, opts = {}) {
      const context = await api.context({ token: opts.token, baseUrl });
      const page = await context.newPage();
      await page.goto(baseUrl + (opts.path ?? '/'));
      return page;
    },
    async close() {
      for (const c of contexts.splice(0)) await c.close().catch(() => {});
      await browser.close().catch(() => {});
    },
  };
  return api;
}

/**
 * Launches Chromium for the calling suite (`before`; the suite is skipped
 * without it) and closes it (`after`). Answers a stand-in, to use in the
 * suite's hooks and tests. Call it before `useServer`: no server is started
 * for a skipped suite.
 */
export function useBrowser(): TestBrowser {
  let browser: TestBrowser | undefined;
  before(async function () {
    await needChromium(this);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });
  return standIn('the suite’s browser', () => browser);
}

/** With SCREENSHOTS=dir, `shot(page, name)` leaves `<prefix>-<name>.png` there (to look at the screens by eye); else it does nothing. */
export function screenshots(prefix: string): (page: Page, name: string) => Promise<void> {
  return async (page, name) => {
    if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/${prefix}-${name}.png`, fullPage: true });
  };
}

/**
 * Waits (up to 5 s) for the focus to reach the element with this id (`by: 'tagName'`: this tag; a RegExp: an id or tag
 * that matches it): the client moves it once the screen has rendered, which a loaded machine can delay past the
 * element's appearance, so a test never reads the focus only once.
 */
export async function expectFocus(page: Page, want: string | RegExp, by: 'id' | 'tagName' = 'id'): Promise<void> {
  const current = (b: string) => ((document.activeElement as unknown as Record<string, string> | null)?.[b] ?? '') as string;
  const pattern = want instanceof RegExp ? want.source : null;
  try {
    await page.waitForFunction(
      ([w, p, b]) => {
        const value = ((document.activeElement as unknown as Record<string, string> | null)?.[b] ?? '') as string;
        return p === null ? value === w : new RegExp(p).test(value);
      },
      [typeof want === 'string' ? want : '', pattern, by] as const,
      { timeout: 5000 },
    );
  } catch {
    const value = await page.evaluate(current, by);
    if (want instanceof RegExp) expect(value, 'the focused element').to.match(want);
    else expect(value, 'the focused element').to.equal(want);
  }
}

/**
 * Waits (up to 5 s) until `holds()`, run in the page, is true of `document.activeElement`; then fails naming what
 * holds the focus if it never is.
 */
export async function expectFocusWhere(page: Page, holds: () => boolean, what: string): Promise<void> {
  try {
    await page.waitForFunction(holds, undefined, { timeout: 5000 });
  } catch {
    const held = await page.evaluate(() => {
      const el = document.activeElement;
      return el
        ? `<${el.tagName.toLowerCase()} id="${el.id}" class="${el.className}">${(el.textContent ?? '').trim().slice(0, 60)}`
        : 'nothing';
    });
    expect.fail(`focus expected on ${what}, found ${held}`);
  }
}
