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
  clients: {
    claim(): Promise<void>;
    matchAll(o: {
      type: 'window';
      includeUncontrolled: boolean;
    }): Promise<{ url: string; focus(): Promise<unknown>; navigate(url: string): Promise<unknown> }[]>;
    openWindow(url: string): Promise<unknown>;
  };
  registration: { showNotification(title: string, o: NotificationOptions & { data?: unknown }): Promise<void> };
  addEventListener(type: 'push', fn: (e: { data: { json(): unknown } | null; waitUntil(p: Promise<unknown>): void }) => void): void;
  addEventListener(type: 'notificationclick', fn: (e: { notification: Notification; waitUntil(p: Promise<unknown>): void }) => void): void;
  addEventListener(type: 'install' | 'activate', fn: (e: { waitUntil(p: Promise<unknown>): void }) => void): void;
  addEventListener(type: 'fetch', fn: (e: { request: Request; respondWith(r: Promise<Response>): void }) => void): void;
}

const sw = self as unknown as SwScope;
const CACHE = `maillage-shell-${SHELL_VERSION}`;

sw.addEventListener('install', (e) => {
  e.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.addAll(SHELL_FILES))
      .then(() => sw.skipWaiting()),
  );
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

/** A Web Push message (server/protocol/push.ts PushPayload): shown as a notification, text only. */
sw.addEventListener('push', (e) => {
  let p: { title?: string; body?: string; url?: string; tag?: string } = {};
  try {
    p = (e.data?.json() ?? {}) as typeof p;
  } catch {
    // Not ours or damaged: a neutral notification still tells the person something arrived.
  }
  e.waitUntil(
    sw.registration.showNotification(p.title ?? 'Maillage', {
      body: p.body ?? '',
      tag: p.tag,
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      lang: 'fr',
      data: { url: p.url && p.url.startsWith('/') ? p.url : '/' },
    }),
  );
});

/** A click opens the conversation: in a tab of the app already open if there is one, else a new one. */
sw.addEventListener('notificationclick', (e) => {
  e.notification.close();
  const url = new URL((e.notification.data as { url?: string } | null)?.url ?? '/', sw.location.origin).href;
  e.waitUntil(
    sw.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((tabs) => {
      const tab = tabs.find((t) => new URL(t.url).origin === sw.location.origin);
      return tab ? tab.navigate(url).then(() => tab.focus()) : sw.clients.openWindow(url);
    }),
  );
});
