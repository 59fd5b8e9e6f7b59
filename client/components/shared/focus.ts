/**
 * Where the focus goes after an action, and what is said about it: the one helper of the client.
 * After every action the focus moves to what the person needs next (the error summary, the changed
 * item, the dialog's opener) and a short text is read out by one page-wide live region, so that
 * nobody is sent back to the top of the page.
 */

/** What to focus: an element, a selector looked up inside the host (then the document), or a function answering one. */
export type FocusTarget = HTMLElement | string | (() => HTMLElement | null | undefined);

/** A host that renders asynchronously (a Lit element). */
type Renders = HTMLElement & { updateComplete?: Promise<unknown> };

const REGION_ID = 'mai-live-region';

/** The page-wide polite live region (created on first use, visually hidden). */
function region(): HTMLElement {
  let el = document.getElementById(REGION_ID);
  if (!el) {
    el = document.createElement('div');
    el.id = REGION_ID;
    el.className = 'fr-sr-only';
    el.setAttribute('role', 'status');
    el.setAttribute('aria-live', 'polite');
    el.setAttribute('aria-atomic', 'true');
    document.body.append(el);
  }
  return el;
}

/** Reads `text` out through the live region (emptied first so the same text twice is read twice). */
export function announce(text: string): void {
  const el = region();
  el.textContent = '';
  // A change in a later frame is what screen readers notice; the same frame would merge both.
  requestAnimationFrame(() => (el.textContent = text));
}

function resolve(host: HTMLElement | null, target: FocusTarget): HTMLElement | null {
  if (typeof target === 'function') return target() ?? null;
  if (typeof target !== 'string') return target;
  return host?.querySelector<HTMLElement>(target) ?? document.querySelector<HTMLElement>(target);
}

/**
 * Once `host` has rendered, focuses `target` (made focusable with tabindex=-1 when it is not,
 * e.g. a heading or a list item) and announces `message` if any. Answers whether focus moved.
 */
export async function focusAfter(host: Renders | null, target: FocusTarget, message?: string): Promise<boolean> {
  if (host?.updateComplete) await host.updateComplete;
  // Nested elements render after their host: wait one frame so the target exists.
  await new Promise((r) => requestAnimationFrame(r));
  const el = resolve(host, target);
  if (message) announce(message);
  if (!el || !el.isConnected) return false;
  if (el.tabIndex < 0 && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus();
  return document.activeElement === el;
}

/** Focuses the first invalid control inside `host` (or its error summary when no control is marked). */
export function focusFirstInvalid(host: Renders, message = 'Le formulaire contient des erreurs.'): Promise<boolean> {
  return focusAfter(
    host,
    () => host.querySelector<HTMLElement>('[aria-invalid="true"]') ?? host.querySelector<HTMLElement>('.fr-alert--error'),
    message,
  );
}

/** Focuses the error alert of `host` (a failure not tied to one field), announced by its role="alert". */
export function focusErrorAlert(host: Renders): Promise<boolean> {
  return focusAfter(host, '.fr-alert--error');
}

/**
 * Keeps Tab inside `items` (a dialog's buttons, an open menu's entries): past the last it goes to the first,
 * Shift+Tab before the first goes to the last. Call from a `keydown` listener; other keys pass through.
 */
export function wrapTab(e: KeyboardEvent, items: HTMLElement[]): void {
  if (e.key !== 'Tab' || !items.length) return;
  const first = items[0];
  const last = items[items.length - 1];
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}
