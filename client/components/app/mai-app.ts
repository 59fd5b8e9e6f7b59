/** <mai-app>: the shell. Provides the stores, picks the page for the path, applies redirects. */
import { ContextProvider } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type ReactiveElement } from 'lit';
import type { Api } from '../../api/index.js';
import { errorMessage } from '../../api/messages.js';
import { apiContext, chatContext, departmentsContext, hubContext, routerContext, sessionContext } from '../../controllers/contexts.js';
import type { HubClient } from '../../realtime/hub-client.js';
import type { ChatStores } from '../../state/chat-stores.js';
import { StoreController } from '../../controllers/store-controller.js';
import type { DepartmentsStore } from '../../state/departments-store.js';
import { FavoritesStore } from '../../state/favorites-store.js';
import { favoritesApi } from '../../api/favorites.js';
import { favoritesContext } from '../favorites/context.js';
import { canSee, redirectFor } from '../../state/guards.js';
import type { Router } from '../../state/router.js';
import type { SessionStore } from '../../state/session-store.js';
import { alertBox } from '../shared/fields.js';
import './mai-footer.js';
import './mai-header.js';
import { NOT_FOUND, findRoute, type Route } from './routes.js';
import { notificationsApi } from '../../api/notifications.js';
import { NotificationsStore } from '../../state/notifications-store.js';
import { notificationsContext } from '../notifications/context.js';
import { setPageTitle } from '../../state/page-title.js';

/** Root container; main.ts sets `api`, `session`, `router` and `departments` before first render. */
export class MaiApp extends LitElement {
  static properties = {
    api: { attribute: false },
    session: { attribute: false },
    router: { attribute: false },
    departments: { attribute: false },
    hub: { attribute: false },
    chat: { attribute: false },
    loggingOut: { state: true },
    appError: { state: true },
  };

  api!: Api;
  session!: SessionStore;
  router!: Router;
  departments!: DepartmentsStore;
  hub!: HubClient;
  chat!: ChatStores;
  loggingOut = false;
  appError = '';
  private providers = {
    api: new ContextProvider(this, { context: apiContext }),
    session: new ContextProvider(this, { context: sessionContext }),
    router: new ContextProvider(this, { context: routerContext }),
    departments: new ContextProvider(this, { context: departmentsContext }),
    hub: new ContextProvider(this, { context: hubContext }),
    chat: new ContextProvider(this, { context: chatContext }),
    notifications: new ContextProvider(this, { context: notificationsContext }),
    favorites: new ContextProvider(this, { context: favoritesContext }),
  };
  /** « Mes favoris » of the signed-in member (emptied when another one signs in). */
  private favorites: FavoritesStore | null = null;
  private favoritesUser: number | null = null;
  /** The bell's and the notifications page's store: built once the API and the hub are known, fed by the hub. */
  private notifications: NotificationsStore | null = null;
  private watched: StoreController<EventTarget>[] = [];
  /** Path shown at the last render once the session was known; undefined before the first one. */
  private shownPath: string | undefined;

  createRenderRoot() {
    return this;
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    for (const key of ['api', 'session', 'router', 'departments', 'hub', 'chat'] as const) {
      if (changed.has(key) && this[key]) {
        this.providers[key].setValue(this[key] as never);
        if (key === 'session' || key === 'router') this.watched.push(new StoreController(this, this[key]));
      }
    }
    if (!this.notifications && this.api && this.hub) {
      this.notifications = new NotificationsStore(notificationsApi(this.api.http), this.hub);
      this.notifications.start();
      this.providers.notifications.setValue(this.notifications);
    }
    if (!this.favorites && this.api) {
      this.favorites = new FavoritesStore(favoritesApi(this.api.http));
      this.providers.favorites.setValue(this.favorites);
    }
    if (this.favorites && (this.session?.user?.id ?? null) !== this.favoritesUser) {
      this.favoritesUser = this.session?.user?.id ?? null;
      this.favorites.clear();
    }
    // Redirect before rendering, so a forbidden page never flashes (replace: no extra history entry).
    if (this.session?.status !== 'ready' || !this.router) return;
    for (let i = 0; i < 3; i++) {
      const target = redirectFor(this.route.access, this.session.user, this.router.path, this.searchString());
      if (!target || target === this.router.path + this.searchString()) break;
      this.router.navigate(target, { replace: true });
    }
  }

  private searchString(): string {
    const s = this.router.query.toString();
    return s ? `?${s}` : '';
  }

  private get match(): { route: Route; params: string[] } {
    const found = findRoute(this.router.path);
    return found && canSee(found.route.access, this.session.user) ? found : { route: NOT_FOUND, params: [] };
  }

  private get route(): Route {
    return this.match.route;
  }

  protected async updated(): Promise<void> {
    if (this.session?.status !== 'ready') return;
    const path = this.router.path;
    // Only on a new path: a screen may have set a finer title since (a channel, a group).
    if (this.shownPath === path) return;
    setPageTitle(this.route.title);
    const first = this.shownPath === undefined;
    this.shownPath = path;
    if (first) return;
    // After a navigation: start at the top and put focus on the new page's title.
    window.scrollTo(0, 0);
    const page = this.querySelector<ReactiveElement>('#contenu > *');
    await page?.updateComplete;
    (this.querySelector<HTMLElement>('#contenu h1') ?? this.querySelector<HTMLElement>('#contenu'))?.focus();
  }

  private async onLogout() {
    this.loggingOut = true;
    this.appError = '';
    try {
      const providerLogout = await this.session.logout();
      // A ProConnect session ends at the provider too, which sends the browser back to /connexion.
      if (providerLogout) window.location.assign(providerLogout);
      else this.router.navigate('/connexion');
    } catch (err) {
      this.appError = errorMessage(err);
    } finally {
      this.loggingOut = false;
    }
  }

  private content() {
    const s = this.session;
    if (s.status === 'idle' || s.status === 'loading') {
      return html`<p role="status" class="fr-py-6w">Chargement…</p>`;
    }
    if (s.status === 'error') {
      return html`<h1 tabindex="-1">Maillage est momentanément indisponible</h1>
        ${alertBox('error', errorMessage(s.error))}
        <button class="fr-btn" type="button" @click=${() => s.start()}>Réessayer</button>`;
    }
    const { route, params } = this.match;
    return route.render(params);
  }

  render() {
    if (!this.session || !this.router) return nothing;
    const user = this.session.user;
    const showNav = !!user && user.termsAcceptedAt !== null;
    // The chat is an app shell (full height, no footer on a phone): see chat.css.
    const chatShell = showNav && this.session.status === 'ready' && /^\/(discussions(\/|$)|$)/.test(this.router.path);
    this.toggleAttribute('data-chat', chatShell);
    return html`<div class="fr-skiplinks">
        <nav class="fr-container" aria-label="Accès rapide">
          <ul class="fr-skiplinks__list">
            <li><a class="fr-link" href="#contenu">Contenu</a></li>
            ${showNav ? html`<li><a class="fr-link" href="#navigation">Menu</a></li>` : nothing}
            <li><a class="fr-link" href="#pied-de-page">Pied de page</a></li>
          </ul>
        </nav>
      </div>
      <mai-header
        .user=${user}
        .path=${this.router.path}
        .showNav=${showNav}
        .loggingOut=${this.loggingOut}
        @mai-logout=${this.onLogout}
        @mai-site-search=${(e: CustomEvent<{ q: string }>) => this.router?.navigate(`/recherche?${new URLSearchParams({ q: e.detail.q })}`)}
      ></mai-header>
      <main id="contenu" class="fr-container mai-main ${chatShell ? 'mai-main--chat' : 'fr-my-6w'}" tabindex="-1">
        ${this.appError ? alertBox('error', this.appError) : nothing} ${this.content()}
      </main>
      <mai-footer></mai-footer>`;
  }
}

customElements.define('mai-app', MaiApp);

declare global {
  interface HTMLElementTagNameMap {
    'mai-app': MaiApp;
  }
}
