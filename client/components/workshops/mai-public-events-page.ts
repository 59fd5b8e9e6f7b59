/**
 * <mai-public-events-page> (/evenements-publics, no account needed): upcoming
 * public events with their dates and places, filtered by type, price and
 * département (kept in the address, so a filtered list can be shared).
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { apiContext } from '../../controllers/contexts.js';
import { errorMessage } from '../../api/messages.js';
import type { PublicEvent } from '../../api/events.js';
import type { Department } from '../../../server/protocol/index.js';
import { EVENT_PRICES, EVENT_TYPES, type PublicEventFilters } from '../../api/workshops.js';
import { alertBox, selectField } from '../shared/fields.js';
import { addressText, categoryTags, sessionWhen } from './workshop-format.js';

/** The address's query keys of each filter. */
const PARAMS = { eventType: 'type', price: 'tarif', departmentCode: 'departement' } as const;
type FilterKey = keyof typeof PARAMS;

export class MaiPublicEventsPage extends LitElement {
  static properties = { items: { state: true }, error: { state: true }, filters: { state: true }, departments: { state: true } };
  items: PublicEvent[] | null = null;
  error = '';
  filters: PublicEventFilters = {};
  departments: Department[] = [];
  private api = new ContextConsumer(this, { context: apiContext });
  private asked = 0;

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    const q = new URLSearchParams(location.search);
    for (const [key, param] of Object.entries(PARAMS)) this.filters[key as FilterKey] = q.get(param) ?? '';
    void this.api.value?.departments.list().then(
      (d) => (this.departments = d),
      () => undefined,
    );
    void this.load();
  }

  private async load() {
    // Only the last answer counts when filters change quickly.
    const asked = ++this.asked;
    this.error = '';
    try {
      const r = await this.api.value!.workshops.publicList(this.filters);
      if (asked === this.asked) this.items = r.items;
    } catch (e) {
      if (asked === this.asked) this.error = errorMessage(e);
    }
  }

  private onFilter(e: Event) {
    const t = e.target as HTMLSelectElement;
    const key = t.name as FilterKey;
    if (!(key in PARAMS)) return;
    this.filters = { ...this.filters, [key]: t.value };
    const q = new URLSearchParams();
    for (const [k, param] of Object.entries(PARAMS)) if (this.filters[k as FilterKey]) q.set(param, this.filters[k as FilterKey]!);
    history.replaceState(history.state, '', `${location.pathname}${q.size ? `?${q}` : ''}`);
    void this.load();
  }

  private filterForm() {
    const f = this.filters;
    const opts = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
    const one = (name: FilterKey, label: string, options: { value: string; label: string }[], placeholder: string) =>
      html`<div class="fr-col-12 fr-col-md-4">${selectField({ id: `public-events-${name}`, name, label, value: f[name] ?? '', optional: true, placeholder, options })}</div>`;
    return html`<form class="fr-mb-4w" aria-label="Filtrer les événements" @change=${this.onFilter} @submit=${(e: Event) => e.preventDefault()}>
      <div class="fr-grid-row fr-grid-row--gutters">
        ${one('eventType', 'Type d’événement', opts(EVENT_TYPES), 'Tous les types')}
        ${one('price', 'Tarif', opts(EVENT_PRICES), 'Tous les tarifs')}
        ${one(
          'departmentCode',
          'Département',
          this.departments.map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` })),
          'Tous les départements',
        )}
      </div>
    </form>`;
  }

  render() {
    const filtered = Object.values(this.filters).some(Boolean);
    return html`<h1 tabindex="-1">Événements à venir</h1>
      ${this.filterForm()}
      ${this.error ? alertBox('error', this.error) : nothing}
      <p role="status" class="fr-text--sm">${this.items === null ? '' : `${this.items.length} événement${this.items.length > 1 ? 's' : ''}${filtered ? ' correspondant aux filtres' : ''}.`}</p>
      ${
        this.items === null
          ? html`<p>Chargement…</p>`
          : this.items.length
            ? html`<ul class="fr-raw-list">
              ${this.items.map(
                (e) => html`<li class="fr-mb-4w">
                  <h2 class="fr-h5 fr-mb-1w"><a href=${`/evenements-publics/${e.id}`}>${e.title}</a></h2>
                  ${categoryTags(e)}
                  <p class="fr-mb-1w">${addressText(e) || (e.videoUrl ? 'En ligne' : '')}</p>
                  <p class="fr-text--sm">${e.sessions
                    .filter((s) => s.status !== 'cancelled')
                    .map((s) => sessionWhen(s))
                    .join(' ; ')}</p>
                </li>`,
              )}
            </ul>`
            : html`<p>${filtered ? 'Aucun événement à venir ne correspond à ces filtres.' : 'Aucun événement public à venir.'}</p>`
      }`;
  }
}

customElements.define('mai-public-events-page', MaiPublicEventsPage);
