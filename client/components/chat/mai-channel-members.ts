/** <mai-channel-members>: who is in the channel, online first: count, search, a button to write to each; animators add people. */
import { LitElement, html, nothing } from 'lit';
import type { ChannelMembersPage } from '../../api/chat.js';
import { PRESENCE_LABELS } from './format.js';
import { presenceDot } from './presence-dot.js';

/**
 * Leaf: `page`, `loading`, `error`, `myId`, `canAdd`, `addError`, `addNotice` in; `mai-members-search` `{ q }`,
 * `mai-members-add` `{ username }`, `mai-members-close` out. Échap closes.
 */
export class MaiChannelMembers extends LitElement {
  static properties = {
    page: { attribute: false },
    loading: { type: Boolean },
    error: {},
    myId: { type: Number },
    canAdd: { type: Boolean },
    addError: {},
    addNotice: {},
  };

  page: ChannelMembersPage | null = null;
  loading = false;
  error = '';
  myId: number | null = null;
  canAdd = false;
  addError = '';
  addNotice = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  createRenderRoot() {
    return this;
  }

  protected firstUpdated(): void {
    this.querySelector<HTMLElement>('#mai-members-title')?.focus();
  }

  private fire(name: string, detail: Record<string, unknown> = {}) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true }));
  }

  private onSearch(e: Event) {
    const q = (e.target as HTMLInputElement).value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire('mai-members-search', { q }), 250);
  }

  private onAdd(e: Event) {
    e.preventDefault();
    const input = this.querySelector<HTMLInputElement>('#mai-members-add');
    const username = input?.value.trim() ?? '';
    if (username) this.fire('mai-members-add', { username });
  }

  render() {
    const p = this.page;
    return html`<aside class="mai-thread mai-members" aria-labelledby="mai-members-title"
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (e.preventDefault(), this.fire('mai-members-close'))}>
      <header class="mai-thread__head">
        <h2 id="mai-members-title" class="fr-h6 fr-mb-0" tabindex="-1">Membres</h2>
        <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-icon-close-line fr-btn--icon-left"
          @click=${() => this.fire('mai-members-close')}>Fermer</button>
      </header>
      <div class="mai-thread__body fr-px-2w">
        <p class="fr-text--sm fr-mb-1w" role="status">${p ? `${p.total} membre${p.total > 1 ? 's' : ''} · ${p.online} en ligne` : this.loading ? 'Chargement…' : ''}</p>
        <div class="fr-input-group fr-mb-1w">
          <label class="fr-label" for="mai-members-q">Rechercher un membre</label>
          <input class="fr-input" id="mai-members-q" type="search" @input=${this.onSearch} />
        </div>
        ${this.error ? html`<div class="fr-alert fr-alert--error fr-alert--sm" role="alert"><p>${this.error}</p></div>` : nothing}
        <ul class="mai-contacts__list">
          ${(p?.items ?? []).map(
            (m) => html`<li class="mai-chat-contact" data-user-id=${m.id}>
              ${presenceDot(m.status)}
              <span class="mai-chat-contact__name">${m.displayName}<span class="fr-sr-only"> (${PRESENCE_LABELS[m.status]})</span>${
                m.jobTitle ? html`<span class="mai-muted fr-text--xs"> · ${m.jobTitle}</span>` : nothing
              }</span>
              ${
                m.id === this.myId
                  ? html`<span class="fr-text--xs mai-muted">vous</span>`
                  : html`<a class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-icon-chat-3-line fr-btn--icon-left" href=${`/discussions?dm=${m.id}`}>
                      Écrire<span class="fr-sr-only"> à ${m.displayName}</span></a>`
              }
            </li>`,
          )}
        </ul>
        ${p && p.total > p.items.length ? html`<p class="fr-text--xs mai-muted">Les ${p.items.length} premiers sont affichés : affinez la recherche.</p>` : nothing}
      </div>
      ${
        this.canAdd
          ? html`<form class="mai-thread__form" @submit=${this.onAdd}>
            <div class="fr-input-group fr-mb-1w ${this.addError ? 'fr-input-group--error' : ''}">
              <label class="fr-label" for="mai-members-add">Ajouter une personne (identifiant)
                <span class="fr-hint-text">Comptes « messagerie seule » compris, par exemple prenom.nom</span></label>
              <input class="fr-input" id="mai-members-add" autocomplete="off" aria-describedby="mai-members-add-msg" />
              <p class="fr-error-text" id="mai-members-add-msg" ?hidden=${!this.addError}>${this.addError}</p>
            </div>
            <button class="fr-btn fr-btn--sm" type="submit">Ajouter</button>
            <p class="fr-text--sm fr-mt-1w" role="status">${this.addNotice}</p>
          </form>`
          : nothing
      }
    </aside>`;
  }
}

customElements.define('mai-channel-members', MaiChannelMembers);
