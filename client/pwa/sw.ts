/**
 * The service worker (built to /sw.js): keeps the app shell (page, script, style sheets, DSFR fonts
 * and icons) in a cache named after the build, so the installed app opens at once and offline.
 * The API and Socket.IO are never cached or answered from here: the outbox, not this file, keeps
 * what is written offline. A new build means a new cache; the old one is removed on activation.
 */

/** Set by the build: the version (a hash of what the shell holds) and the files to keep. */
declare const SHELL_VERSION: string;
declare const SHELL_FILES: string[];

/** The part of the service worker scope this file uses (the DOM lib does not type it). */
interface SwScope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', fn: (e: { waitUntil(p: Promise<unknown>): void }) => void): void;
  addEventListener(type: 'fetch', fn: (e: { request: Request; respondWith(r: Promise<Response>): void }) => void): void;
}

const sw = self as unknown as SwScope;
const CACHE = `maillage-shell-${SHELL_VERSION}`;

sw.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL_FILES)).then(() => sw.skipWaiting()));
});

sw.addEventListener('activate', (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('maillage-shell-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

/** The page: from the network when it answers (always the latest), else the shell kept here. */
async function page(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch {
    return (await caches.match('/', { cacheName: CACHE })) ?? Response.error();
  }
}

/**
 * A file of the shell: from the cache (it is versioned with the build), else the network. The DSFR's
 * icons (hundreds, few used) are kept as they are first used, so the screens seen once show them offline.
 */
async function asset(request: Request): Promise<Response> {
  const kept = await caches.match(request, { cacheName: CACHE });
  if (kept) return kept;
  const res = await fetch(request);
  if (res.ok && new URL(request.url).pathname.startsWith('/dsfr/')) {
    const copy = res.clone();
    void caches.open(CACHE).then((c) => c.put(request, copy));
  }
  return res;
}

sw.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== sw.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/socket.io')) return;
  if (e.request.mode === 'navigate') e.respondWith(page(e.request));
  else if (SHELL_FILES.includes(url.pathname) || url.pathname.startsWith('/dsfr/')) e.respondWith(asset(e.request));
});
