/** <mai-header>: DSFR header with service name, user tools and main navigation. */
import { LitElement, html, nothing } from 'lit';
import type { User } from '../../../server/protocol/index.js';
import '../notifications/mai-notification-bell.js';

/** Main navigation entries; `admin` ones only for admins, `reports` ones not for chat-only accounts. */
export const NAV_ITEMS: { href: string; label: string; admin?: boolean; reports?: boolean }[] = [
  { href: '/', label: 'Accueil' },
  { href: '/discussions', label: 'Discussions' },
  { href: '/statistiques', label: 'Mes statistiques', reports: true },
  { href: '/groupes', label: 'Groupes' },
  { href: '/documents', label: 'Documents' },
  { href: '/agenda', label: 'Agenda' },
  { href: '/contacts', label: 'Contacts' },
  { href: '/hotline', label: 'Hotline' },
  { href: '/profil', label: 'Mon profil' },
  { href: '/admin', label: 'Administration', admin: true },
];

/** Leaf: `user`, `path`, `showNav`, `loggingOut` in; `mai-logout` out. */
export class MaiHeader extends LitElement {
  static properties = {
    user: { attribute: false },
    path: {},
    showNav: { type: Boolean },
    loggingOut: { type: Boolean },
    menuOpen: { state: true },
  };

  user: User | null = null;
  path = '/';
  showNav = false;
  loggingOut = false;
  menuOpen = false;

  createRenderRoot() {
    return this;
  }

  willUpdate(changed: Map<string, unknown>) {
    if (changed.has('path')) this.menuOpen = false;
  }

  private setMenu(open: boolean) {
    this.menuOpen = open;
    void this.updateComplete.then(() => this.querySelector<HTMLElement>(open ? '#mai-menu .fr-btn--close' : '#mai-menu-button')?.focus());
  }

  /** Escape closes the mobile menu; Tab stays inside it while it is open (it is a modal). */
  private onKeydown(e: KeyboardEvent) {
    if (!this.menuOpen) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      this.setMenu(false);
      return;
    }
    if (e.key !== 'Tab') return;
    const items = [...this.querySelectorAll<HTMLElement>('#mai-menu a[href], #mai-menu button:not([disabled])')];
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first?.focus();
    }
  }

  private logout() {
    this.dispatchEvent(new CustomEvent('mai-logout', { bubbles: true }));
  }

  private tools() {
    if (!this.user) {
      return html`<ul class="fr-btns-group">
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

  private nav() {
    if (!this.showNav || !this.user) return nothing;
    const items = NAV_ITEMS.filter((i) => (!i.admin || this.user?.role === 'admin') && (!i.reports || !this.user?.chatOnly));
    return html`<nav class="fr-nav" id="navigation" aria-label="Menu principal">
      <ul class="fr-nav__list">
        ${items.map(
          (i) => html`<li class="fr-nav__item">
            <a class="fr-nav__link" href=${i.href} aria-current=${this.current(i.href) ? 'page' : nothing}>${i.label}</a>
          </li>`,
        )}
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
          ${this.nav()}
        </div>
      </div>
    </header>`;
  }
}

customElements.define('mai-header', MaiHeader);
