/** <mai-hotline-desk>: the staff's live queue with filters (unassigned, mine, all; status, category, département). */
import { LitElement, html, nothing } from 'lit';
import type { TicketQuery } from '../../api/hotline.js';
import { departmentsContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import type { HotlineStore } from '../../state/hotline-store.js';
import { alertBox, fieldValue, selectField } from '../shared/fields.js';
import { WatchStore } from './watch-store.js';
import { actionError } from './format.js';
import './mai-hotline-availability.js';
import './mai-hotline-ticket-list.js';

const SCOPES = [
  { value: 'unassigned', label: 'Non attribuées' },
  { value: 'mine', label: 'Les miennes' },
  { value: 'all', label: 'Toutes' },
];
const STATUSES = [
  { value: 'open,assigned', label: 'En attente ou en cours' },
  { value: 'open', label: 'En attente' },
  { value: 'assigned', label: 'En cours' },
  { value: 'resolved', label: 'Résolues' },
  { value: '', label: 'Tous les statuts' },
];

/** Container over the hotline store; the list updates live from `hotline:ticket`. */
export class MaiHotlineDesk extends LitElement {
  static properties = { store: { attribute: false }, userId: { type: Number } };

  store!: HotlineStore;
  protected readonly watcher = new WatchStore(this);
  userId = 0;
  private departments = new StoreController(this, departmentsContext);

  createRenderRoot() {
    return this;
  }

  connectedCallback(): void {
    super.connectedCallback();
    void this.departments.value?.load();
  }

  private onFilter(e: Event) {
    const kv = fieldValue(e);
    if (!kv) return;
    const filters: TicketQuery = { ...this.store.filters, [kv[0]]: kv[1] === '' && kv[0] === 'categoryId' ? '' : String(kv[1]) };
    void this.store.setFilters(filters);
  }

  render() {
    const s = this.store;
    const f = s.filters;
    const tickets = s.list().filter((t) => f.scope !== 'mine' || t.assignee?.id === this.userId);
    const waiting = [...s.tickets.values()].filter((t) => t.status === 'open').length;
    const deps = this.departments.value?.items ?? [];
    return html`<mai-hotline-availability .status=${s.status}></mai-hotline-availability>
      ${
        s.handedToMe
          ? alertBox(
              'info',
              `${s.handedToMe.by.displayName} vous a transféré la demande n° ${s.handedToMe.ticket.id} : « ${s.handedToMe.ticket.subject} ».`,
            )
          : nothing
      }
      <form class="mai-hotline-filters" role="search" aria-label="Filtrer les demandes" @change=${this.onFilter} @submit=${(e: Event) => e.preventDefault()}>
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-6 fr-col-md-3">
            ${selectField({ id: 'desk-scope', name: 'scope', label: 'Demandes', value: f.scope ?? 'all', options: SCOPES })}
          </div>
          <div class="fr-col-6 fr-col-md-3">
            ${selectField({ id: 'desk-status', name: 'status', label: 'Statut', value: f.status ?? '', options: STATUSES })}
          </div>
          <div class="fr-col-6 fr-col-md-3">
            ${selectField({
              id: 'desk-category',
              name: 'categoryId',
              label: 'Catégorie',
              value: String(f.categoryId ?? ''),
              optional: true,
              markOptional: false,
              placeholder: 'Toutes',
              options: s.categories.map((c) => ({ value: String(c.id), label: c.name })),
            })}
          </div>
          <div class="fr-col-6 fr-col-md-3">
            ${selectField({
              id: 'desk-department',
              name: 'departmentCode',
              label: 'Département',
              value: f.departmentCode ?? '',
              optional: true,
              markOptional: false,
              placeholder: 'Tous',
              options: deps.map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` })),
            })}
          </div>
        </div>
      </form>
      <p class="fr-text--sm" role="status">
        ${s.loading ? 'Mise à jour…' : `${tickets.length} demande${tickets.length > 1 ? 's' : ''} affichée${tickets.length > 1 ? 's' : ''}, dont ${waiting} en attente.`}
      </p>
      ${s.error ? alertBox('error', actionError(s.error)) : nothing}
      ${
        tickets.length
          ? html`<mai-hotline-ticket-list staff .tickets=${tickets}></mai-hotline-ticket-list>`
          : s.loading
            ? nothing
            : html`<p>Aucune demande ne correspond à ces filtres.</p>`
      }`;
  }
}

customElements.define('mai-hotline-desk', MaiHotlineDesk);
