/** <mai-poll-fields>: the options and rules of a new poll, inside the post composer. Leaf: `value()` answers the `poll` block or what is missing. */
import { LitElement, html } from 'lit';
import type { NewPoll } from '../../api/polls.js';
import { fromLocalInput } from '../../state/calendar.js';
import { checkbox, radioGroup } from '../shared/fields.js';

const MAX = 20;

export class MaiPollFields extends LitElement {
  static properties = {
    options: { state: true },
    multiple: { state: true },
    anonymous: { state: true },
    resultsVisibility: { state: true },
    closesAt: { state: true },
    error: { state: true },
  };

  options = ['', ''];
  multiple = false;
  anonymous = false;
  resultsVisibility: 'after_vote' | 'after_close' = 'after_vote';
  closesAt = '';
  error = '';

  createRenderRoot() {
    return this;
  }

  /** Back to an empty poll (after publication). */
  reset() {
    Object.assign(this, { options: ['', ''], multiple: false, anonymous: false, resultsVisibility: 'after_vote', closesAt: '', error: '' });
  }

  /** The poll block, or null with `error` set (and shown) when it cannot be sent. */
  value(): NewPoll | null {
    const options = this.options.map((o) => o.trim()).filter(Boolean);
    const closesAt = fromLocalInput(this.closesAt);
    this.error =
      options.length < 2
        ? 'Proposez au moins deux options.'
        : new Set(options.map((o) => o.toLowerCase())).size !== options.length
          ? 'Deux options sont identiques.'
          : this.closesAt && (!closesAt || new Date(closesAt).getTime() <= Date.now())
            ? 'La date de clôture doit être dans le futur.'
            : '';
    if (this.error) return null;
    return { options, multiple: this.multiple, anonymous: this.anonymous, resultsVisibility: this.resultsVisibility, closesAt };
  }

  private async add() {
    this.options = [...this.options, ''];
    await this.updateComplete;
    this.querySelector<HTMLInputElement>(`#poll-option-${this.options.length - 1}`)?.focus();
  }

  private async removeOption(i: number) {
    this.options = this.options.filter((_, j) => j !== i);
    await this.updateComplete;
    this.querySelector<HTMLInputElement>(`#poll-option-${Math.min(i, this.options.length - 1)}`)?.focus();
  }

  render() {
    return html`<fieldset class="fr-fieldset" aria-labelledby="poll-fields-legend">
      <legend class="fr-fieldset__legend" id="poll-fields-legend">Sondage<span class="fr-hint-text">Le titre est la question posée ; de 2 à ${MAX} options.</span></legend>
      <ol class="mai-poll-options fr-fieldset__element">
        ${this.options.map(
          (o, i) => html`<li class="fr-input-group">
            <label class="fr-label" for=${`poll-option-${i}`}>Option ${i + 1}</label>
            <div class="mai-poll__actions">
              <input class="fr-input" id=${`poll-option-${i}`} maxlength="200" .value=${o}
                @input=${(e: Event) => (this.options = this.options.map((x, j) => (j === i ? (e.target as HTMLInputElement).value : x)))} />
              ${
                this.options.length > 2
                  ? html`<button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline" type="button" @click=${() => this.removeOption(i)}
                    aria-label=${`Retirer l’option ${i + 1}`}>Retirer</button>`
                  : ''
              }
            </div>
          </li>`,
        )}
      </ol>
      <div class="fr-fieldset__element">
        <button class="fr-btn fr-btn--sm fr-btn--secondary fr-icon-add-line fr-btn--icon-left" type="button" ?disabled=${this.options.length >= MAX}
          @click=${this.add}>Ajouter une option</button>
      </div>
      <div class="fr-fieldset__element" @change=${(e: Event) => {
        const t = e.target as HTMLInputElement;
        if (t.name === 'pollMultiple') this.multiple = t.checked;
        if (t.name === 'pollAnonymous') this.anonymous = t.checked;
        if (t.name === 'pollResults') this.resultsVisibility = t.value as 'after_vote' | 'after_close';
      }}>
        ${checkbox({ id: 'poll-multiple', name: 'pollMultiple', label: 'Plusieurs réponses possibles', checked: this.multiple })}
        ${checkbox({
          id: 'poll-anonymous',
          name: 'pollAnonymous',
          label: 'Vote anonyme',
          hint: 'Personne, pas même vous, ne saura qui a voté quoi ; seul le nombre de voix est connu.',
          checked: this.anonymous,
        })}
        ${radioGroup({
          id: 'poll-results',
          name: 'pollResults',
          label: 'Les membres voient les résultats (vous et les responsables du groupe : à tout moment)',
          value: this.resultsVisibility,
          options: [
            { value: 'after_vote', label: 'Après avoir voté' },
            { value: 'after_close', label: 'À la clôture' },
          ],
        })}
      </div>
      <div class="fr-fieldset__element fr-input-group">
        <label class="fr-label" for="poll-closes-at">Date de clôture (facultatif)<span class="fr-hint-text">Sans date, le sondage reste ouvert jusqu’à ce que vous le closiez.</span></label>
        <input class="fr-input" id="poll-closes-at" type="datetime-local" .value=${this.closesAt}
          @input=${(e: Event) => (this.closesAt = (e.target as HTMLInputElement).value)} />
      </div>
      ${this.error ? html`<p class="fr-error-text fr-fieldset__element" id="poll-fields-error" tabindex="-1" role="alert">${this.error}</p>` : ''}
    </fieldset>`;
  }
}

customElements.define('mai-poll-fields', MaiPollFields);
