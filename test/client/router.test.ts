import { expect } from 'chai';
import type { User } from '../../server/protocol/index.js';
import { canSee, redirectFor } from '../../client/state/guards.js';
import { Router, safeNext, type ClickLike, type RouterWindow } from '../../client/state/router.js';
import { makeUser } from './fake-fetch.js';

/** A window with a location, a history and event listeners, enough for the router. */
function fakeWindow(start = 'http://localhost:3000/') {
  let url = new URL(start);
  const listeners = new Map<string, Set<(e: Event) => void>>();
  const history: { kind: 'push' | 'replace'; url: string }[] = [];
  const go = (kind: 'push' | 'replace', to?: string | URL | null) => {
    url = new URL(String(to), url);
    history.push({ kind, url: url.pathname + url.search + url.hash });
  };
  const win: RouterWindow & { dispatch(type: string): void; listenerCount(): number } = {
    location: {
      get pathname() {
        return url.pathname;
      },
      get search() {
        return url.search;
      },
      get hash() {
        return url.hash;
      },
      get origin() {
        return url.origin;
      },
    },
    history: {
      pushState: (_d, _u, to) => go('push', to),
      replaceState: (_d, _u, to) => go('replace', to),
    },
    addEventListener: (type, fn) => {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)!.add(fn);
    },
    removeEventListener: (type, fn) => listeners.get(type)?.delete(fn),
    dispatch: (type) => listeners.get(type)?.forEach((fn) => fn(new Event(type))),
    listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
  return { win, history, setUrl: (to: string) => (url = new URL(to, url)) };
}

/** A click on an anchor, as the router sees it. */
function click(href: string, over: Partial<ClickLike> = {}, attrs: Record<string, string> = {}) {
  const anchor = {
    tagName: 'A',
    href: new URL(href, 'http://localhost:3000/').href,
    target: attrs.target ?? '',
    hasAttribute: (n: string) => n === 'href' || n in attrs,
    getAttribute: (n: string) => (n === 'href' ? href : (attrs[n] ?? null)),
  };
  const span = { tagName: 'SPAN' };
  const event = {
    defaultPrevented: false,
    button: 0,
    metaKey: false,
    ctrlKey: false,
    shiftKey: false,
    altKey: false,
    target: span,
    composedPath: () => [span, anchor, { tagName: 'BODY' }],
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
    ...over,
  };
  return event;
}

describe('client Router', () => {
  it('reads the current path (trailing slash removed) and query', () => {
    const { win } = fakeWindow('http://localhost:3000/confirmer/?token=abc');
    const router = new Router(win);
    expect(router.path).to.equal('/confirmer');
    expect(router.query.get('token')).to.equal('abc');
  });

  it('navigate pushes a history entry and notifies once', () => {
    const { win, history } = fakeWindow();
    const router = new Router(win);
    let changes = 0;
    router.addEventListener('change', () => changes++);
    router.navigate('/reinitialiser?token=xyz');
    expect(router.path).to.equal('/reinitialiser');
    expect(router.query.get('token')).to.equal('xyz');
    expect(history).to.deep.equal([{ kind: 'push', url: '/reinitialiser?token=xyz' }]);
    expect(changes).to.equal(1);

    router.navigate('/reinitialiser?token=xyz');
    expect(history).to.have.length(1);
    expect(changes).to.equal(1);
  });

  it('navigate with replace keeps the history length', () => {
    const { win, history } = fakeWindow('http://localhost:3000/profil');
    const router = new Router(win);
    router.navigate('/connexion?next=%2Fprofil', { replace: true });
    expect(history).to.deep.equal([{ kind: 'replace', url: '/connexion?next=%2Fprofil' }]);
    expect(router.query.get('next')).to.equal('/profil');
  });

  it('refuses to navigate to another origin', () => {
    const { win } = fakeWindow();
    expect(() => new Router(win).navigate('https://evil.example/')).to.throw();
  });

  it('follows popstate (back and forward buttons)', () => {
    const { win, setUrl } = fakeWindow('http://localhost:3000/groupes');
    const router = new Router(win);
    router.start();
    let changes = 0;
    router.addEventListener('change', () => changes++);
    setUrl('/agenda');
    win.dispatch('popstate');
    expect(router.path).to.equal('/agenda');
    expect(changes).to.equal(1);
    router.stop();
    expect(win.listenerCount()).to.equal(0);
  });

  it('intercepts plain clicks on same-origin links', () => {
    const { win, history } = fakeWindow();
    const router = new Router(win);
    router.start();
    const e = click('/documents');
    router.handleClick(e);
    expect(e.prevented).to.equal(true);
    expect(router.path).to.equal('/documents');
    expect(history).to.deep.equal([{ kind: 'push', url: '/documents' }]);
  });

  it('leaves alone new-tab clicks, other origins, downloads, server paths and same-page anchors', () => {
    const { win, history } = fakeWindow('http://localhost:3000/connexion');
    const router = new Router(win);
    const cases = [
      click('/groupes', { ctrlKey: true }),
      click('/groupes', { metaKey: true }),
      click('/groupes', { shiftKey: true }),
      click('/groupes', { button: 1 }),
      click('/groupes', { defaultPrevented: true }),
      click('/groupes', {}, { target: '_blank' }),
      click('/api/documents/3/download'),
      click('/groupes', {}, { download: '' }),
      click('https://www.service-public.fr/'),
      click('/connexion#contenu'),
    ];
    for (const e of cases) router.handleClick(e);
    expect(cases.map((e) => e.prevented)).to.deep.equal(cases.map(() => false));
    expect(history).to.have.length(0);
    expect(router.path).to.equal('/connexion');
  });

  it('ignores clicks outside links', () => {
    const { win } = fakeWindow();
    const router = new Router(win);
    const e = click('/groupes', { composedPath: () => [{ tagName: 'BUTTON' }] });
    router.handleClick(e);
    expect(e.prevented).to.equal(false);
  });

  it('safeNext only accepts local paths', () => {
    expect(safeNext('/profil?x=1')).to.equal('/profil?x=1');
    expect(safeNext('//evil.example')).to.equal(null);
    expect(safeNext('/\\evil.example')).to.equal(null);
    expect(safeNext('https://evil.example')).to.equal(null);
    expect(safeNext(null)).to.equal(null);
  });
});

describe('client route guards', () => {
  const member = makeUser();
  const admin = makeUser({ role: 'admin' });
  const newcomer = makeUser({ termsAcceptedAt: null });
  const nobody: User | null = null;

  it('sends visitors to /connexion, keeping where they were going', () => {
    expect(redirectFor('user', nobody, '/')).to.equal('/connexion');
    expect(redirectFor('user', nobody, '/profil')).to.equal('/connexion?next=%2Fprofil');
    expect(redirectFor('admin', nobody, '/admin', '?q=x')).to.equal('/connexion?next=%2Fadmin%3Fq%3Dx');
    expect(redirectFor('guest', nobody, '/connexion')).to.equal(null);
    expect(redirectFor('public', nobody, '/confirmer')).to.equal(null);
  });

  it('sends users who have not accepted the terms to /conditions', () => {
    expect(redirectFor('user', newcomer, '/')).to.equal('/conditions');
    expect(redirectFor('guest', newcomer, '/connexion')).to.equal('/conditions');
    expect(redirectFor('public', newcomer, '/conditions')).to.equal(null);
  });

  it('sends signed-in users away from the sign-in pages', () => {
    expect(redirectFor('guest', member, '/connexion')).to.equal('/');
    expect(redirectFor('user', member, '/groupes')).to.equal(null);
  });

  it('admin pages are only visible to admins', () => {
    expect(canSee('admin', member)).to.equal(false);
    expect(canSee('admin', admin)).to.equal(true);
    expect(canSee('user', member)).to.equal(true);
  });
});
