/** The document title of a screen: "(3) # 69 — Rhône · Maillage" (unread count first, app name last). */

/** The title text for `screen`, with `unread` messages waiting elsewhere when > 0. */
export function pageTitle(screen: string, unread = 0): string {
  return `${unread > 0 ? `(${unread}) ` : ''}${screen} · Maillage`;
}

/** Sets `document.title` for `screen` (no-op outside a browser). */
export function setPageTitle(screen: string, unread = 0): void {
  if (typeof document !== 'undefined') document.title = pageTitle(screen, unread);
}
