/** <mai-hotline-request-form>: subject, category, first message; fires `mai-hotline-open`. */
import { LitElement, html } from 'lit';
import type { HotlineCategory, HotlineStatus } from '../../api/hotline.js';
import { requiredErrors } from '../../state/form-checks.js';
import type { OpenRequestInput } from '../../state/hotline-store.js';
import { focusErrors, selectField, textArea, textField, withField } from '../shared/fields.js';
import '../help/mai-faq-suggestions.js';

/** Leaf: categories and busy state in, `mai-hotline-open` { subject, body, categoryId } out. */
export class MaiHotlineRequestForm extends LitElement {
  static properties = {
    categories: { attribute: false },
    status: { attribute: false },
    busy: { type: Boolean },
    values: { state: true },
    errors: { state: true },
  };

  categories: HotlineCategory[] = [];
  status: HotlineStatus | null = null;
  busy = false;
  values = { subject: '', categoryId: '', body: '' };
  errors: Record<string, string> = {};

  createRenderRoot() {
    return this;
  }

  /** Empties the form (after a successful send the page navigates away anyway). */
  reset(): void {
    this.values = { subject: '', categoryId: '', body: '' };
    this.errors = {};
  }

  private onInput(e: Event) {
    this.values = withField(this.values, e);
  }

  private async onSubmit(e: Event) {
    e.preventDefault();
    const v = this.values;
    const errors = requiredErrors(v, [
      ['subject', 'Indiquez l’objet de votre demande.'],
      ['body', 'Décrivez votre demande.'],
    ]);
    this.errors = errors;
    if (await focusErrors(this, errors)) return;
    const detail: OpenRequestInput = {
      subject: v.subject.trim(),
      body: v.body.trim(),
      categoryId: v.categoryId ? Number(v.categoryId) : null,
    };
    this.dispatchEvent(new CustomEvent('mai-hotline-open', { detail, bubbles: true, composed: true }));
  }

  render() {
    const v = this.values;
    return html`<form novalidate @input=${this.onInput} @change=${this.onInput} @submit=${this.onSubmit} aria-label="Contacter la hotline">
      ${textField({
        id: 'hotline-subject',
        name: 'subject',
        label: 'Objet',
        value: v.subject,
        error: this.errors.subject,
        maxlength: 200,
        hint: 'En quelques mots, par exemple « Pas de lien de confirmation reçu ».',
      })}
      <mai-faq-suggestions .query=${v.subject}></mai-faq-suggestions>
      ${selectField({
        id: 'hotline-category',
        name: 'categoryId',
        label: 'Catégorie',
        value: v.categoryId,
        optional: true,
        placeholder: 'Choisir une catégorie',
        options: this.categories.map((c) => ({ value: String(c.id), label: c.name })),
      })}
      ${textArea({
        id: 'hotline-body',
        name: 'body',
        label: 'Votre message',
        value: v.body,
        error: this.errors.body,
        rows: 6,
        maxlength: 10000,
        hint: 'Décrivez ce que vous cherchez à faire, ce qui se passe, et les messages d’erreur éventuels.',
      })}
      <button class="fr-btn fr-icon-send-plane-line fr-btn--icon-left" type="submit" ?disabled=${this.busy}>
        ${this.busy ? 'Envoi en cours…' : 'Envoyer ma demande'}
      </button>
    </form>`;
  }
}

customElements.define('mai-hotline-request-form', MaiHotlineRequestForm);
