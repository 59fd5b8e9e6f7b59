/** <mai-hotline-page> (/hotline, /hotline/<id>, /hotline/chiffres, /hotline/categories): the member's requests or the staff's desk. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { hotlineApi } from '../../api/hotline.js';
import { apiContext, hubContext, sessionContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { HotlineStore } from '../../state/hotline-store.js';
import { loadingLine } from '../shared/list-states.js';
import './mai-hotline-desk.js';
import './mai-hotline-figures.js';
import './mai-hotline-categories.js';
import './mai-hotline-member-home.js';
import './mai-hotline-ticket.js';
import { helpLink } from '../shared/help-link.js';

const isStaffRole = (role: string | undefined) => role === 'hotline' || role === 'admin';

/** Container: builds the hotline store over the API and the tab's hub connection, picks the screen from the path. */
export class MaiHotlinePage extends LitElement {
  static properties = { params: { attribute: false } };

  /** Path segments after /hotline (from the route table). */
  params: string[] = [];
  private api = new ContextConsumer(this, { context: apiContext });
  private hub = new ContextConsumer(this, { context: hubContext });
  private session = new StoreController(this, sessionContext);
  private store: HotlineStore | null = null;
  private readonly onChange = () => this.requestUpdate();

  createRenderRoot() {
    return this;
  }

  connectedCallback(): void {
    super.connectedCallback();
    const api = this.api.value;
    const hub = this.hub.value;
    if (!api || !hub || this.store) return;
    this.store = new HotlineStore(hotlineApi(api.http), hub);
    this.store.filters = this.staff ? { scope: 'all', status: 'open,assigned' } : {};
    this.store.addEventListener('change', this.onChange);
    this.store.start();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.store?.stop();
    this.store?.removeEventListener('change', this.onChange);
    this.store = null;
  }

  private get staff(): boolean {
    return isStaffRole(this.session.value?.user?.role);
  }

  private nav(current: string) {
    const user = this.session.value?.user;
    const links = [
      { href: '/hotline', label: 'File des demandes', key: '' },
      { href: '/hotline/chiffres', label: 'Chiffres', key: 'chiffres' },
      ...(user?.role === 'admin' ? [{ href: '/hotline/categories', label: 'Catégories', key: 'categories' }] : []),
    ];
    return html`<nav class="fr-mb-3w" aria-label="Bureau de la hotline">
      <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
        ${links.map(
          (l) => html`<li>
            <a class="fr-btn fr-btn--sm ${l.key === current ? '' : 'fr-btn--tertiary'}" href=${l.href}
              aria-current=${l.key === current ? 'page' : 'false'}>${l.label}</a>
          </li>`,
        )}
      </ul>
    </nav>`;
  }

  render() {
    const store = this.store;
    const user = this.session.value?.user;
    if (!store || !user) return loadingLine('Chargement…');
    const [first = ''] = this.params;
    if (/^\d+$/.test(first)) {
      return html`${this.staff ? this.nav('ticket') : nothing}
        <mai-hotline-ticket .store=${store} .ticketId=${Number(first)} .user=${user}></mai-hotline-ticket>`;
    }
    if (!this.staff) {
      return first ? this.notFound() : html`<mai-hotline-member-home .store=${store}></mai-hotline-member-home>`;
    }
    if (first === 'chiffres')
      return html`<h1 tabindex="-1">Chiffres de la hotline</h1>${this.nav(first)}<mai-hotline-figures></mai-hotline-figures>`;
    if (first === 'categories' && user.role === 'admin') {
      return html`<h1 tabindex="-1">Catégories de la hotline</h1>${this.nav(first)}<mai-hotline-categories .store=${store}></mai-hotline-categories>`;
    }
    if (first) return this.notFound();
    return html`<h1 tabindex="-1">Bureau de la hotline</h1>
      <p>${helpLink('guide-hotline', 'le travail de la hotline')}</p>
      ${this.nav('')}<mai-hotline-desk .store=${store} .userId=${user.id}></mai-hotline-desk>`;
  }

  private notFound() {
    return html`<h1 tabindex="-1">Page non trouvée</h1>
      <p>Cette page de la hotline n'existe pas. <a href="/hotline">Revenir à la hotline</a></p>`;
  }
}

customElements.define('mai-hotline-page', MaiHotlinePage);
