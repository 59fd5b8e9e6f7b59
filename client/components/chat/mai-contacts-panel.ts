/** <mai-contacts-panel>: my status, "N contacts connectés" and a button to write to each. */
import { LitElement, html, nothing } from 'lit';
import type { Contact, PresenceStatus } from '../../api/chat.js';
import type { ChosenStatus } from '../../state/presence-store.js';
import { PRESENCE_LABELS } from './format.js';
import { presenceDot } from './presence-dot.js';

/**
 * Leaf: `contacts` (connected ones), `myStatus`, `statusOf`, `busyUserId`, `error` in;
 * `mai-open-dm` `{ userId }` and `mai-status` `{ status }` out.
 */
export class MaiContactsPanel extends LitElement {
  static properties = {
    contacts: { attribute: false },
    myStatus: {},
    statusOf: { attribute: false },
    busyUserId: { type: Number },
    error: {},
    loading: { type: Boolean },
    query: { state: true },
  };

  contacts: Contact[] = [];
  myStatus: ChosenStatus = 'online';
  statusOf: (userId: number) => PresenceStatus | undefined = () => undefined;
  busyUserId: number | null = null;
  error = '';
  loading = false;
  /** Filters the list by name (accents ignored); the count stays the number connected. */
  query = '';

  createRenderRoot() {
    return this;
  }

  private onStatus(e: Event) {
    const status = (e.target as HTMLSelectElement).value as ChosenStatus;
    this.dispatchEvent(new CustomEvent('mai-status', { detail: { status }, bubbles: true }));
  }

  private openDm(userId: number) {
    this.dispatchEvent(new CustomEvent('mai-open-dm', { detail: { userId }, bubbles: true }));
  }

  private row(c: Contact) {
    const status = this.statusOf(c.id) ?? c.presence.status;
    return html`<li class="mai-chat-contact">
      ${presenceDot(status)}
      <span class="mai-chat-contact__name">${c.displayName}${c.jobTitle ? html`<span class="mai-muted fr-text--xs"> · ${c.jobTitle}</span>` : nothing}</span>
      <button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-icon-chat-3-line fr-btn--icon-left" type="button"
        ?disabled=${this.busyUserId === c.id} @click=${() => this.openDm(c.id)}>
        Écrire<span class="fr-sr-only"> à ${c.displayName}</span>
      </button>
    </li>`;
  }

  private shown(): Contact[] {
    const fold = (x: string) => x.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const q = fold(this.query.trim());
    return q ? this.contacts.filter((c) => fold(`${c.displayName} ${c.username}`).includes(q)) : this.contacts;
  }

  render() {
    const n = this.contacts.length;
    const shown = this.shown();
    return html`<section class="mai-contacts" aria-labelledby="mai-contacts-title">
      <div class="fr-select-group fr-mb-2w">
        <label class="fr-label" for="mai-my-status">Mon statut</label>
        <select class="fr-select" id="mai-my-status" .value=${this.myStatus} @change=${this.onStatus}>
          ${(['online', 'away', 'dnd'] as const).map(
            (s) => html`<option value=${s} ?selected=${s === this.myStatus}>${PRESENCE_LABELS[s]}</option>`,
          )}
        </select>
      </div>
      <h2 class="fr-sidenav__title mai-section-title" id="mai-contacts-title">
        ${this.loading ? 'Contacts…' : `${n} contact${n > 1 ? 's' : ''} connecté${n > 1 ? 's' : ''}`}
      </h2>
      <div role="alert">${this.error ? html`<p class="fr-error-text">${this.error}</p>` : nothing}</div>
      ${
        n > 1
          ? html`<div class="fr-input-group fr-mb-1w">
              <label class="fr-label fr-text--sm" for="mai-contacts-q">Rechercher parmi les contacts connectés</label>
              <input class="fr-input" id="mai-contacts-q" type="search" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
            </div>`
          : nothing
      }
      ${this.query && !shown.length ? html`<p class="fr-text--sm" role="status">Aucun contact connecté ne correspond.</p>` : nothing}
      ${shown.length ? html`<ul class="mai-contacts__list">${shown.map((c) => this.row(c))}</ul>` : nothing}
      <p class="fr-text--xs mai-muted">Vos contacts : les personnes avec qui vous partagez un groupe ou un salon autre que national.</p>
    </section>`;
  }
}

customElements.define('mai-contacts-panel', MaiContactsPanel);
