/** <mai-header>: DSFR header with service name, user tools and main navigation. */
import { LitElement, html, nothing } from 'lit';
import type { User } from '../../../server/protocol/index.js';
import '../notifications/mai-notification-bell.js';
import { wrapTab } from '../shared/focus.js';

/**
 * Main navigation entries; `admin` ones only for admins, `animator` ones for animators and admins, `reports`
 * ones not for chat-only accounts (no reports, no posts nor documents). Entries with a `menu` are gathered
 * under one button of that name (a DSFR sub-menu), in the order they first appear: a flat list of every
 * domain no longer fits on one line.
 */
export const NAV_ITEMS: { href: string; label: string; menu?: string; admin?: boolean; animator?: boolean; reports?: boolean }[] = [
  { href: '/', label: 'Accueil' },
  { href: '/discussions', label: 'Discussions' },
  { href: '/groupes', label: 'Groupes', menu: 'Réseau' },
  { href: '/contacts', label: 'Contacts', menu: 'Réseau' },
  { href: '/organisations', label: 'Organisations', menu: 'Réseau' },
  { href: '/hotline', label: 'Hotline', menu: 'Réseau' },
  { href: '/suggestions', label: 'Suggestions', menu: 'Réseau' },
  { href: '/actualites', label: 'Actualités', menu: 'Contenus' },
  { href: '/documents', label: 'Documents', menu: 'Contenus' },
  { href: '/ressources', label: 'Ressources', menu: 'Contenus' },
  { href: '/agenda', label: 'Agenda', menu: 'Contenus' },
  { href: '/lettres', label: 'Lettres d’information', menu: 'Contenus', reports: true },
  { href: '/statistiques', label: 'Mes statistiques', menu: 'Mon espace', reports: true },
  { href: '/favoris', label: 'Mes favoris', menu: 'Mon espace', reports: true },
  { href: '/mes-contenus', label: 'Mes contenus', menu: 'Mon espace', reports: true },
  { href: '/mes-evenements', label: 'Mes événements', menu: 'Mon espace', reports: true },
  { href: '/projets', label: 'Projets et accompagnements', menu: 'Mon espace', reports: true },
  { href: '/profil', label: 'Mon profil', menu: 'Mon espace' },
  { href: '/moderation', label: 'Modération', menu: 'Administration', animator: true },
  { href: '/admin', label: 'Comptes des membres', menu: 'Administration', admin: true },
  { href: '/admin/organisations', label: 'Demandes d’organisation', menu: 'Administration', admin: true },
  { href: '/admin/secteurs', label: 'Secteurs', menu: 'Administration', admin: true },
  { href: '/admin/applications', label: 'Applications', menu: 'Administration', admin: true },
  { href: '/admin/types-de-compte', label: 'Types de compte', menu: 'Administration', admin: true },
  { href: '/admin/inscriptions', label: 'Règles d’inscription', menu: 'Administration', admin: true },
  { href: '/admin/centres-d-interet', label: 'Centres d’intérêt', menu: 'Administration', admin: true },
];

type NavItem = (typeof NAV_ITEMS)[number];

/** Leaf: `user`, `path`, `showNav`, `loggingOut` in; `mai-logout` out. */
export class MaiHeader extends LitElement {
  static properties = {
    user: { attribute: false },
    path: {},
    showNav: { type: Boolean },
    loggingOut: { type: Boolean },
    menuOpen: { state: true },
    openSubmenu: { state: true },
  };

  user: User | null = null;
  path = '/';
  showNav = false;
  loggingOut = false;
  menuOpen = false;
  /** The sub-menu shown (its name), if any. */
  openSubmenu = '';

  createRenderRoot() {
    return this;
  }

  willUpdate(changed: Map<string, unknown>) {
    if (changed.has('path')) {
      this.menuOpen = false;
      this.openSubmenu = '';
    }
  }

  private setMenu(open: boolean) {
    this.menuOpen = open;
    void this.updateComplete.then(() => this.querySelector<HTMLElement>(open ? '#mai-menu .fr-btn--close' : '#mai-menu-button')?.focus());
  }

  connectedCallback() {
    super.connectedCallback();
    document.addEventListener('click', this.closeSubmenuOutside);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('click', this.closeSubmenuOutside);
  }

  /** A click anywhere outside the open sub-menu closes it, as a menu does. */
  private closeSubmenuOutside = (e: MouseEvent) => {
    if (this.openSubmenu && !(e.target instanceof Node && this.querySelector('#navigation')?.contains(e.target))) this.openSubmenu = '';
  };

  /** Escape closes an open sub-menu (focus back on its button), else the mobile menu; Tab stays inside the mobile menu (a modal). */
  private onKeydown(e: KeyboardEvent) {
    if (e.key === 'Escape' && this.openSubmenu) {
      e.preventDefault();
      const id = this.submenuId(this.openSubmenu);
      this.openSubmenu = '';
      this.querySelector<HTMLElement>(`[aria-controls="${id}"]`)?.focus();
      return;
    }
    if (!this.menuOpen) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      this.setMenu(false);
      return;
    }
    wrapTab(e, [...this.querySelectorAll<HTMLElement>('#mai-menu a[href], #mai-menu button:not([disabled])')]);
  }

  /** The header's search box: the app opens the results page. */
  private search(e: Event) {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement;
    const q = input.value.trim();
    if (!q) {
      input.focus();
      return;
    }
    this.dispatchEvent(new CustomEvent('mai-site-search', { detail: { q }, bubbles: true }));
  }

  /** Signed in with the navigation shown: one search over everything (`id` differs in the phone menu). */
  private searchBox(id: string) {
    if (!this.showNav || !this.user) return nothing;
    return html`<form role="search" class="mai-header-search" aria-label="Rechercher dans Maillage" @submit=${this.search}>
      <div class="fr-search-bar">
        <label class="fr-label" for=${id}>Rechercher</label>
        <input class="fr-input" id=${id} name="q" type="search" maxlength="300" placeholder="Rechercher" autocomplete="off" />
        <button class="fr-btn" type="submit" title="Rechercher">Rechercher</button>
      </div>
    </form>`;
  }

  private logout() {
    this.dispatchEvent(new CustomEvent('mai-logout', { bubbles: true }));
  }

  private tools() {
    if (!this.user) {
      return html`<ul class="fr-btns-group">
        <li><a class="fr-btn fr-icon-article-line" href="/actualites">Actualités</a></li>
        <li><a class="fr-btn fr-icon-calendar-line" href="/evenements-publics">Événements</a></li>
        <li><a class="fr-btn fr-icon-book-2-line" href="/ressources">Ressources</a></li>
        <li><a class="fr-btn fr-icon-compass-3-line" href="/orientation">Orientation</a></li>
        <li><a class="fr-btn fr-icon-question-line" href="/aide">Aide</a></li>
        <li><a class="fr-btn fr-icon-lock-line" href="/connexion">Se connecter</a></li>
        <li><a class="fr-btn fr-icon-account-line" href="/inscription">Créer un compte</a></li>
      </ul>`;
    }
    return html`<ul class="fr-btns-group">
      ${
        this.showNav && !this.user.chatOnly
          ? html`<li><a class="fr-btn fr-icon-add-line" href="/comptes-rendus/nouveau">Enregistrer un accompagnement</a></li>`
          : nothing
      }
      ${this.showNav ? html`<li><mai-notification-bell></mai-notification-bell></li>` : nothing}
      <li><a class="fr-btn fr-icon-question-line" href="/aide">Aide</a></li>
      <li><a class="fr-btn fr-icon-account-circle-line" href="/profil">${this.user.displayName}</a></li>
      <li>
        <button class="fr-btn fr-icon-logout-box-r-line" type="button" ?disabled=${this.loggingOut} @click=${this.logout}>
          ${this.loggingOut ? 'Déconnexion en cours…' : 'Se déconnecter'}
        </button>
      </li>
    </ul>`;
  }

  private current(href: string): boolean {
    if (href === '/') return this.path === '/';
    return this.path === href || this.path.startsWith(`${href}/`);
  }

  private submenuId(menu: string): string {
    return `mai-nav-${menu
      .normalize('NFD')
      .replace(/[^a-zA-Z]/g, '')
      .toLowerCase()}`;
  }

  private link(i: NavItem) {
    return html`<a class="fr-nav__link" href=${i.href} aria-current=${this.current(i.href) ? 'page' : nothing}>${i.label}</a>`;
  }

  private submenu(menu: string, entries: NavItem[]) {
    const id = this.submenuId(menu);
    const open = this.openSubmenu === menu;
    return html`<li class="fr-nav__item">
      <button class="fr-nav__btn" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${id}
        aria-current=${entries.some((i) => this.current(i.href)) ? 'true' : nothing} @click=${() => (this.openSubmenu = open ? '' : menu)}>
        ${menu}
      </button>
      <div class="fr-collapse fr-menu ${open ? 'fr-collapse--expanded' : ''}" id=${id}>
        <ul class="fr-menu__list">
          ${entries.map((i) => html`<li>${this.link(i)}</li>`)}
        </ul>
      </div>
    </li>`;
  }

  private nav() {
    if (!this.showNav || !this.user) return nothing;
    const animates = this.user?.role === 'admin' || this.user?.role === 'animator';
    const items = NAV_ITEMS.filter(
      (i) => (!i.admin || this.user?.role === 'admin') && (!i.animator || animates) && (!i.reports || !this.user?.chatOnly),
    );
    // Top-level entries and sub-menus, in the order of their first entry.
    const slots: (NavItem | { menu: string; entries: NavItem[] })[] = [];
    for (const i of items) {
      if (!i.menu) slots.push(i);
      else {
        const slot = slots.find((x) => !('href' in x) && x.menu === i.menu) as { menu: string; entries: NavItem[] } | undefined;
        if (slot) slot.entries.push(i);
        else slots.push({ menu: i.menu, entries: [i] });
      }
    }
    return html`<nav class="fr-nav" id="navigation" aria-label="Menu principal">
      <ul class="fr-nav__list">
        ${slots.map((x) => ('href' in x ? html`<li class="fr-nav__item">${this.link(x)}</li>` : this.submenu(x.menu, x.entries)))}
      </ul>
    </nav>`;
  }

  render() {
    return html`<header role="banner" class="fr-header" @keydown=${this.onKeydown}>
      <div class="fr-header__body">
        <div class="fr-container">
          <div class="fr-header__body-row">
            <div class="fr-header__brand fr-enlarge-link">
              <div class="fr-header__brand-top">
                <div class="fr-header__logo"><p class="fr-logo">République<br />Française</p></div>
                <div class="fr-header__navbar">
                  <button class="fr-btn--menu fr-btn" id="mai-menu-button" type="button" aria-controls="mai-menu"
                    aria-expanded=${this.menuOpen ? 'true' : 'false'} title="Menu" @click=${() => this.setMenu(true)}>
                    Menu
                  </button>
                </div>
              </div>
              <div class="fr-header__service">
                <a href="/" title="Accueil — Maillage"><p class="fr-header__service-title">Maillage</p></a>
                <p class="fr-header__service-tagline">Le réseau des professionnels du service public</p>
              </div>
            </div>
            <div class="fr-header__tools">
              <div class="fr-header__tools-links">${this.tools()}</div>
              <div class="fr-header__search">${this.searchBox('mai-header-q')}</div>
            </div>
          </div>
        </div>
      </div>
      <div class="fr-header__menu fr-modal ${this.menuOpen ? 'fr-modal--opened' : ''}" id="mai-menu"
        aria-label=${this.menuOpen ? 'Menu' : nothing} role=${this.menuOpen ? 'dialog' : nothing} aria-modal=${this.menuOpen ? 'true' : nothing}>
        <div class="fr-container">
          <button class="fr-btn--close fr-btn" type="button" aria-controls="mai-menu" title="Fermer" @click=${() => this.setMenu(false)}>
            Fermer
          </button>
          <div class="fr-header__menu-links">${this.tools()}</div>
          ${this.menuOpen ? this.searchBox('mai-menu-q') : nothing}
          ${this.nav()}
        </div>
      </div>
    </header>`;
  }
}

customElements.define('mai-header', MaiHeader);
