/** <mai-thematic-form>: name and description of a thematic channel (creation, or inline edit). */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { focusErrorAlert } from '../shared/focus.js';

/** What the form sends: a trimmed name, and the description or null when left empty. */
export interface ThematicInput {
  name: string;
  description: string | null;
}

/** Leaf: `name`, `description`, `submitLabel`, `busy`, `error`, `formId` in; `mai-submit` (ThematicInput) / `mai-cancel` out. */
export class MaiThematicForm extends LitElement {
  static properties = {
    name: {},
    description: {},
    submitLabel: {},
    busy: { type: Boolean },
    error: {},
    formId: {},
    nameError: { state: true },
  };

  name = '';
  description: string | null = '';
  submitLabel = 'Enregistrer';
  busy = false;
  error = '';
  formId = 'mai-thematic';
  nameError = '';

  createRenderRoot() {
    return this;
  }

  protected firstUpdated(_changed: PropertyValues<this>): void {
    this.querySelector<HTMLInputElement>(`#${this.formId}-name`)?.focus();
  }

  protected updated(changed: PropertyValues<this>): void {
    // Refused (a name already taken…): the reason has the focus; the fields keep what was typed.
    if (changed.has('error') && this.error) void focusErrorAlert(this);
  }

  private submit(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const name = (form.elements.namedItem('name') as HTMLInputElement).value.trim();
    const description = (form.elements.namedItem('description') as HTMLTextAreaElement).value.trim() || null;
    this.nameError = name.length < 2 ? 'Le nom doit compter au moins 2 caractères.' : '';
    if (this.nameError) {
      (form.elements.namedItem('name') as HTMLInputElement).focus();
      return;
    }
    this.dispatchEvent(new CustomEvent<ThematicInput>('mai-submit', { detail: { name, description }, bubbles: true }));
  }

  private cancel() {
    this.dispatchEvent(new CustomEvent('mai-cancel', { bubbles: true }));
  }

  render() {
    const id = this.formId;
    return html`<form class="mai-thematic-form fr-mb-2w" novalidate @submit=${this.submit}
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && !this.busy && this.cancel()}>
      <div class="fr-input-group ${this.nameError ? 'fr-input-group--error' : ''}">
        <label class="fr-label" for="${id}-name">Nom du salon</label>
        <input class="fr-input ${this.nameError ? 'fr-input--error' : ''}" id="${id}-name" name="name" required maxlength="80"
          .value=${this.name} ?disabled=${this.busy} aria-describedby=${this.nameError ? `${id}-name-error` : nothing} />
        ${this.nameError ? html`<p class="fr-error-text" id="${id}-name-error">${this.nameError}</p>` : nothing}
      </div>
      <div class="fr-input-group">
        <label class="fr-label" for="${id}-description">Description <span class="fr-hint-text">Facultative, 500 caractères au plus.</span></label>
        <textarea class="fr-input" id="${id}-description" name="description" rows="2" maxlength="500"
          .value=${this.description ?? ''} ?disabled=${this.busy}></textarea>
      </div>
      <div role="alert">${this.error ? html`<div class="fr-alert fr-alert--error fr-alert--sm fr-mb-2w"><p>${this.error}</p></div>` : nothing}</div>
      <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
        <li><button class="fr-btn" type="submit" ?disabled=${this.busy}>${this.busy ? 'Enregistrement…' : this.submitLabel}</button></li>
        <li><button class="fr-btn fr-btn--secondary" type="button" ?disabled=${this.busy} @click=${this.cancel}>Annuler</button></li>
      </ul>
    </form>`;
  }
}

customElements.define('mai-thematic-form', MaiThematicForm);
