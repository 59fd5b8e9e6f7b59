/** <mai-hotline-notes>: the staff's internal notes on a ticket, a form to add one, and the ticket's history. */
import { LitElement, html, nothing } from 'lit';
import type { TicketHistoryItem, TicketNote } from '../../api/hotline.js';
import { formatDateTime, RATING_LABELS } from './format.js';

function historyText(h: TicketHistoryItem): string {
  const who = h.actor?.displayName ?? 'Quelqu’un';
  switch (h.kind) {
    case 'opened':
      return `${who} a ouvert la demande`;
    case 'claimed':
      return `${who} l’a prise en charge`;
    case 'transferred':
      return `${who} l’a transférée à ${h.target?.displayName ?? 'un agent'}`;
    case 'resolved':
      return `${who} l’a résolue`;
    case 'reopened':
      return `${who} l’a rouverte`;
    case 'rated':
      return `${who} a donné la note ${h.detail}/5 (${RATING_LABELS[Number(h.detail)] ?? ''})`;
  }
}

/** Leaf: `notes` and `history` in; `mai-hotline-note` { body, done } out (`done` empties the field once saved). */
export class MaiHotlineNotes extends LitElement {
  static properties = {
    notes: { attribute: false },
    history: { attribute: false },
    draft: { state: true },
  };

  notes: TicketNote[] = [];
  history: TicketHistoryItem[] = [];
  draft = '';

  createRenderRoot() {
    return this;
  }

  private submit(e: Event) {
    e.preventDefault();
    const body = this.draft.trim();
    if (!body) return;
    const done = () => (this.draft = '');
    this.dispatchEvent(new CustomEvent('mai-hotline-note', { detail: { body, done }, bubbles: true, composed: true }));
  }

  render() {
    return html`${
      this.notes.length
        ? html`<ul class="mai-hotline-notes fr-mb-2w">
            ${this.notes.map(
              (n) => html`<li class="fr-p-1w fr-mb-1w">
              <p class="fr-text--xs fr-mb-0"><strong>${n.author.displayName}</strong> · ${formatDateTime(n.createdAt)}</p>
              <p class="fr-text--sm fr-mb-0 mai-pre">${n.body}</p>
            </li>`,
            )}
          </ul>`
        : html`<p class="fr-text--sm">Aucune note pour l’instant.</p>`
    }
      <form @submit=${this.submit} aria-label="Ajouter une note interne">
        <div class="fr-input-group fr-mb-1w">
          <label class="fr-label" for="hotline-note">Nouvelle note</label>
          <textarea class="fr-input" id="hotline-note" rows="3" maxlength="5000" .value=${this.draft}
            @input=${(e: Event) => (this.draft = (e.target as HTMLTextAreaElement).value)}></textarea>
        </div>
        <button class="fr-btn fr-btn--sm fr-btn--secondary" type="submit" ?disabled=${!this.draft.trim()}>Ajouter la note</button>
      </form>
      ${
        this.history.length
          ? html`<h3 class="fr-h6 fr-mt-3w">Historique</h3>
            <ol class="fr-text--sm mai-hotline-history">
              ${this.history.map((h) => html`<li>${formatDateTime(h.createdAt)} — ${historyText(h)}</li>`)}
            </ol>`
          : nothing
      }`;
  }
}

customElements.define('mai-hotline-notes', MaiHotlineNotes);
