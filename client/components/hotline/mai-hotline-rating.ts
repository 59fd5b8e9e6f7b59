/** <mai-hotline-rating>: the requester rates the answer (1 to 5, optional comment), or sees their rating. */
import { LitElement, html } from 'lit';
import type { Ticket } from '../../api/hotline.js';
import { RATING_LABELS } from './format.js';

/** Leaf: `rating` in; `mai-hotline-rate` { score, comment } out. */
export class MaiHotlineRating extends LitElement {
  static properties = {
    rating: { attribute: false },
    busy: { type: Boolean },
    score: { state: true },
    comment: { state: true },
    editing: { state: true },
  };

  rating: Ticket['rating'] = null;
  busy = false;
  score = 0;
  comment = '';
  editing = false;

  createRenderRoot() {
    return this;
  }

  private submit(e: Event) {
    e.preventDefault();
    if (!this.score) return;
    this.dispatchEvent(
      new CustomEvent('mai-hotline-rate', { detail: { score: this.score, comment: this.comment.trim() }, bubbles: true, composed: true }),
    );
    this.editing = false;
  }

  render() {
    if (this.rating && !this.editing) {
      return html`<p>Vous avez donné la note <strong>${this.rating.score}/5</strong> (${RATING_LABELS[this.rating.score]})${this.rating.comment ? html` : « ${this.rating.comment} »` : '.'}</p>
        <button class="fr-btn fr-btn--tertiary fr-btn--sm" type="button" @click=${() => {
          this.editing = true;
          this.score = this.rating!.score;
          this.comment = this.rating!.comment ?? '';
        }}>Modifier mon avis</button>`;
    }
    return html`<form @submit=${this.submit} aria-label="Évaluer la réponse">
      <fieldset class="fr-fieldset" id="hotline-rating" aria-labelledby="hotline-rating-legend">
        <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="hotline-rating-legend">La réponse vous a-t-elle aidé ?</legend>
        ${[1, 2, 3, 4, 5].map(
          (n) => html`<div class="fr-fieldset__element fr-fieldset__element--inline">
          <div class="fr-radio-group">
            <input type="radio" id=${`hotline-score-${n}`} name="score" value=${n} .checked=${this.score === n} @change=${() => (this.score = n)} />
            <label class="fr-label" for=${`hotline-score-${n}`}>${n} <span class="fr-sr-only">sur 5, ${RATING_LABELS[n]}</span></label>
          </div>
        </div>`,
        )}
        <p class="fr-hint-text fr-ml-1w">1 : pas du tout satisfait · 5 : très satisfait</p>
      </fieldset>
      <div class="fr-input-group">
        <label class="fr-label" for="hotline-rating-comment">Commentaire (facultatif)</label>
        <textarea class="fr-input" id="hotline-rating-comment" rows="2" maxlength="2000" .value=${this.comment}
          @input=${(e: Event) => (this.comment = (e.target as HTMLTextAreaElement).value)}></textarea>
      </div>
      <button class="fr-btn fr-btn--sm" type="submit" ?disabled=${this.busy || !this.score}>Envoyer mon avis</button>
    </form>`;
  }
}

customElements.define('mai-hotline-rating', MaiHotlineRating);
