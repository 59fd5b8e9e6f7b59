/** <mai-suggestion-item>: one suggestion with its votes, status and reason; an admin's decision form. Leaf: `mai-vote` `{on}`, `mai-decide` `{status, reason, done}`, `mai-remove` out. */
import { LitElement, html, nothing } from 'lit';
import type { Suggestion, SuggestionStatus } from '../../api/polls.js';
import { plural, when } from '../groups/labels.js';
import { renderPostBody } from '../groups/post-body.js';
import { askConfirmation } from '../shared/confirm-dialog.js';
import { selectField, textArea } from '../shared/fields.js';
import { STATUS_BADGES, STATUS_LABELS } from './labels.js';

export class MaiSuggestionItem extends LitElement {
  static properties = {
    suggestion: { attribute: false },
    canDecide: { type: Boolean },
    busy: { type: Boolean },
    deciding: { state: true },
    status: { state: true },
    reason: { state: true },
    error: { state: true },
  };

  suggestion!: Suggestion;
  canDecide = false;
  busy = false;
  deciding = false;
  status: SuggestionStatus = 'planned';
  reason = '';
  error = '';

  createRenderRoot() {
    return this;
  }

  private fire(name: string, detail: Record<string, unknown> = {}) {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
  }

  private openDecision() {
    this.deciding = true;
    this.status = this.suggestion.status === 'open' ? 'planned' : this.suggestion.status;
    this.reason = this.suggestion.statusReason ?? '';
    void this.updateComplete.then(() => this.querySelector<HTMLElement>(`#sug-${this.suggestion.id}-status`)?.focus());
  }

  private decide(e: Event) {
    e.preventDefault();
    this.error = this.status !== 'open' && !this.reason.trim() ? 'Expliquez votre décision en quelques mots.' : '';
    if (this.error) {
      void this.updateComplete.then(() => this.querySelector<HTMLElement>(`#sug-${this.suggestion.id}-reason`)?.focus());
      return;
    }
    this.fire('mai-decide', {
      status: this.status,
      reason: this.reason.trim(),
      done: (ok: boolean) => {
        if (ok) this.deciding = false;
      },
    });
  }

  private decisionForm(s: Suggestion) {
    const id = `sug-${s.id}`;
    return html`<form class="fr-mt-2w" novalidate @submit=${this.decide}
      @input=${(e: Event) => {
        const t = e.target as HTMLInputElement;
        if (t.name === 'status') this.status = t.value as SuggestionStatus;
        if (t.name === 'reason') this.reason = t.value;
      }}>
      ${selectField({
        id: `${id}-status`,
        name: 'status',
        label: 'Statut',
        value: this.status,
        options: (Object.keys(STATUS_LABELS) as SuggestionStatus[]).map((k) => ({ value: k, label: STATUS_LABELS[k] })),
      })}
      ${textArea({
        id: `${id}-reason`,
        name: 'reason',
        label: 'Motif, visible de tous et envoyé à l’auteur',
        value: this.reason,
        optional: this.status === 'open',
        rows: 2,
        maxlength: 2000,
        error: this.error,
      })}
      <div class="mai-poll__actions">
        <button class="fr-btn fr-btn--sm" type="submit" ?disabled=${this.busy}>Enregistrer la décision</button>
        <button class="fr-btn fr-btn--sm fr-btn--tertiary" type="button" @click=${() => (this.deciding = false)}>Annuler</button>
      </div>
    </form>`;
  }

  render() {
    const s = this.suggestion;
    if (!s) return nothing;
    const titleId = `sug-${s.id}-title`;
    return html`<article class="mai-suggestion" aria-labelledby=${titleId}>
      <div class="mai-suggestion__votes">
        <p class="fr-text--lg fr-text--bold fr-mb-0" aria-hidden="true">${s.voteCount}</p>
        <button class="fr-btn fr-btn--sm ${s.myVote ? '' : 'fr-btn--secondary'}" type="button" aria-pressed=${s.myVote ? 'true' : 'false'}
          ?disabled=${this.busy || !s.votable} aria-label=${`Soutenir « ${s.title} » (${plural(s.voteCount, 'soutien')})`}
          @click=${() => this.fire('mai-vote', { on: !s.myVote })}>${s.myVote ? 'Soutenue' : 'Soutenir'}</button>
      </div>
      <div class="mai-suggestion__body">
        <h2 class="fr-h5 fr-mb-1v" id=${titleId} tabindex="-1">${s.title}</h2>
        <p class="fr-text--sm fr-mb-1w mai-muted">
          <span class="fr-badge fr-badge--sm ${STATUS_BADGES[s.status]}">${STATUS_LABELS[s.status]}</span>
          Proposée par <a href=${`/membres/${s.author.id}`}>${s.author.displayName}</a> le ${when(s.createdAt)} · ${plural(s.voteCount, 'soutien')}
        </p>
        <div class="mai-post-body">${renderPostBody(s.body)}</div>
        ${
          s.statusReason
            ? html`<div class="fr-callout fr-py-2w fr-px-2w fr-mb-1w">
              <p class="fr-callout__text fr-text--sm">Réponse${s.statusBy ? ` de ${s.statusBy.displayName}` : ''}${s.statusAt ? html` le ${when(s.statusAt)}` : ''} : ${s.statusReason}</p>
            </div>`
            : nothing
        }
        <div class="mai-poll__actions">
          ${
            this.canDecide && !this.deciding
              ? html`<button class="fr-btn fr-btn--sm fr-btn--tertiary" type="button" @click=${this.openDecision}>Changer le statut</button>`
              : nothing
          }
          ${
            s.canDelete
              ? html`<button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-icon-delete-line fr-btn--icon-left" type="button"
                @click=${async () => (await askConfirmation({ title: 'Supprimer cette suggestion ?', body: 'Elle et ses soutiens seront supprimés.', confirmLabel: 'Supprimer' })) && this.fire('mai-remove')}>Supprimer</button>`
              : nothing
          }
        </div>
        ${this.deciding ? this.decisionForm(s) : nothing}
      </div>
    </article>`;
  }
}

customElements.define('mai-suggestion-item', MaiSuggestionItem);
