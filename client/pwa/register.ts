/** Registers the service worker (/sw.js, scope /): the installed app opens at once, and offline. */

/** Registers once the page has loaded (never competes with the first render); silent where unsupported. */
export function registerServiceWorker(win: Window): void {
  const sw = win.navigator.serviceWorker;
  if (!sw || win.location.protocol === 'file:') return;
  const go = () => void sw.register('/sw.js', { scope: '/' }).catch(() => {});
  if (win.document.readyState === 'complete') go();
  else win.addEventListener('load', go, { once: true });
}
