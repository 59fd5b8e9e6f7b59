/** Drives a sign-in through the test OpenID provider over plain HTTP (a cookie jar, redirects followed by hand). */

/** Cookies per host, as a browser would keep them (paths ignored: the tests' cookies do not collide). */
export class CookieJar {
  private readonly byHost = new Map<string, Map<string, string>>();

  header(url: URL): string {
    return [...(this.byHost.get(url.host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  store(url: URL, res: Response): void {
    const jar = this.byHost.get(url.host) ?? new Map<string, string>();
    this.byHost.set(url.host, jar);
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
  }

  get(host: string, name: string): string | undefined {
    return this.byHost.get(host)?.get(name);
  }
}

/** One request without following redirects, carrying and keeping cookies. */
export async function jarFetch(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const u = new URL(url);
  const headers = new Headers(init.headers);
  const cookie = jar.header(u);
  if (cookie) headers.set('cookie', cookie);
  const res = await fetch(u, { ...init, headers, redirect: 'manual' });
  jar.store(u, res);
  return res;
}

/**
 * From `start` (a URL), follows redirects and answers the provider's sign-in
 * form with `login`, until the browser would land on a page of the app
 * (not under /api). Answers that page's path and query.
 */
export async function signInThroughProvider(
  jar: CookieJar,
  appUrl: string,
  login: string,
  start = `${appUrl}/api/auth/oidc/start`,
): Promise<string> {
  const app = new URL(appUrl).host;
  let url = start;
  for (let hop = 0; hop < 20; hop++) {
    const res = await jarFetch(jar, url);
    const here = new URL(url);
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get('location')!, url);
      await res.arrayBuffer();
      if (next.host === app && !next.pathname.startsWith('/api/')) return next.pathname + next.search;
      url = next.href;
      continue;
    }
    if (here.host !== app && /^\/interaction\//.test(here.pathname) && res.status === 200) {
      await res.text();
      const posted = await jarFetch(jar, url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ login }).toString(),
      });
      if (posted.status < 300 || posted.status >= 400)
        throw new Error(`provider refused the login: ${posted.status} ${await posted.text()}`);
      url = new URL(posted.headers.get('location')!, url).href;
      continue;
    }
    throw new Error(`unexpected ${res.status} at ${url}: ${(await res.text()).slice(0, 300)}`);
  }
  throw new Error('too many redirects');
}
