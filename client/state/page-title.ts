/** The document title of a screen: "(3) # 69 — Rhône · Maillage" (unread count first, app name last). */

/** The title text for `screen`, with `unread` messages waiting elsewhere when > 0. */
export function pageTitle(screen: string, unread = 0): string {
  return `${unread > 0 ? `(${unread}) ` : ''}${screen} · Maillage`;
}

let screenShown = '';
let chatUnread = 0;
/** The page gave its own count (the chat's pages leave out the open channel): it keeps the title up to date itself. */
let ownCount = false;

/**
 * Sets `document.title` for `screen` (no-op outside a browser). Without `unread`, the title carries the
 * unread total of my channels (kept by `setChatUnread`), so every page shows it.
 */
export function setPageTitle(screen: string, unread?: number): void {
  screenShown = screen;
  ownCount = unread !== undefined;
  if (typeof document !== 'undefined') document.title = pageTitle(screen, unread ?? chatUnread);
}

/** The unread total of my channels changed: the title follows, whatever page is shown (the chat pages pass their own count). */
export function setChatUnread(total: number): void {
  if (total === chatUnread) return;
  chatUnread = total;
  if (screenShown && !ownCount && typeof document !== 'undefined') document.title = pageTitle(screenShown, total);
}
