/** History API router: current path and query, navigate(), same-origin link interception, popstate. */

/** What the router needs from `window` (a fake one in tests). */
export interface RouterWindow {
  location: { pathname: string; search: string; hash: string; origin: string };
  history: {
    pushState(data: unknown, unused: string, url?: string | URL | null): void;
    replaceState(data: unknown, unused: string, url?: string | URL | null): void;
  };
  addEventListener(type: string, listener: (e: Event) => void): void;
  removeEventListener(type: string, listener: (e: Event) => void): void;
}

/** The subset of a click event the router reads. */
export interface ClickLike {
  defaultPrevented: boolean;
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  target: unknown;
  composedPath?: () => unknown[];
  preventDefault(): void;
}

interface AnchorLike {
  tagName: string;
  href: string;
  target?: string;
  hasAttribute(name: string): boolean;
  getAttribute(name: string): string | null;
}

/** Paths served by the server itself, never routed in the page. */
const SERVER_PREFIXES = ['/api/', '/socket.io/', '/assets/', '/dsfr/'];

function isAnchor(x: unknown): x is AnchorLike {
  const el = x as Partial<AnchorLike> | null;
  return !!el && typeof el.tagName === 'string' && el.tagName.toUpperCase() === 'A' && typeof el.hasAttribute === 'function';
}

/** Plain store (no Lit): dispatches `change` when the path or query changes. */
export class Router extends EventTarget {
  path = '/';
  query = new URLSearchParams();
  private readonly win: RouterWindow;
  private readonly onPopState = () => this.sync();
  private readonly onClick = (e: Event) => this.handleClick(e as unknown as ClickLike);

  constructor(win: RouterWindow) {
    super();
    this.win = win;
    this.read();
  }

  /** Listens to popstate and to clicks on links. */
  start(): void {
    this.win.addEventListener('popstate', this.onPopState);
    this.win.addEventListener('click', this.onClick);
  }

  stop(): void {
    this.win.removeEventListener('popstate', this.onPopState);
    this.win.removeEventListener('click', this.onClick);
  }

  /** Goes to a same-origin path (with optional query); `replace` keeps the history length. */
  navigate(to: string, options: { replace?: boolean } = {}): void {
    const url = new URL(to, this.win.location.origin + this.win.location.pathname);
    if (url.origin !== this.win.location.origin) throw new Error(`navigate: other origin ${to}`);
    const target = url.pathname + url.search + url.hash;
    const current = this.win.location.pathname + this.win.location.search + this.win.location.hash;
    if (target !== current) {
      if (options.replace) this.win.history.replaceState(null, '', target);
      else this.win.history.pushState(null, '', target);
    }
    this.sync();
  }

  /** Takes over a click on a same-origin link; leaves alone new tabs, downloads, hashes, server paths. */
  handleClick(e: ClickLike): void {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const path = e.composedPath ? e.composedPath() : [e.target];
    const anchor = path.find(isAnchor);
    if (!anchor || !anchor.hasAttribute('href') || anchor.hasAttribute('download')) return;
    if (anchor.target && anchor.target !== '_self') return;
    if (anchor.getAttribute('rel')?.split(/\s+/).includes('external')) return;
    let url: URL;
    try {
      url = new URL(anchor.href, this.win.location.origin);
    } catch {
      return;
    }
    if (url.origin !== this.win.location.origin) return;
    if (SERVER_PREFIXES.some((p) => url.pathname.startsWith(p))) return;
    // A link to an anchor of the current page (skip links): let the browser scroll.
    if (url.hash && url.pathname === this.win.location.pathname && url.search === this.win.location.search) return;
    e.preventDefault();
    this.navigate(url.pathname + url.search + url.hash);
  }

  /** Re-reads the location and notifies if it changed. */
  private sync(): void {
    const before = this.path + '?' + this.query.toString();
    this.read();
    if (this.path + '?' + this.query.toString() !== before) this.dispatchEvent(new Event('change'));
  }

  private read(): void {
    const p = this.win.location.pathname || '/';
    this.path = p.length > 1 ? p.replace(/\/+$/, '') : p;
    this.query = new URLSearchParams(this.win.location.search);
  }
}

/** A safe local `next` target from a query value (never another origin). */
export function safeNext(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return value;
}
