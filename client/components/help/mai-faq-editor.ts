/**
 * <mai-faq-editor>: an admin's form for one FAQ question (new when `entry` is null). Container: it
 * saves through the API, keeps what was typed on an error (field messages under the fields, focus on
 * the first), and fires `mai-faq-saved` { entry, created } or `mai-faq-cancel`.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import type { FaqEntry } from '../../api/help.js';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import { apiContext } from '../../controllers/contexts.js';
import { requiredErrors } from '../../state/form-checks.js';
import { alertBox, focusErrors, textArea, textField, withField } from '../shared/fields.js';
import { focusAfter, focusFirstInvalid } from '../shared/focus.js';

export class MaiFaqEditor extends LitElement {
  static properties = {
    entry: { attribute: false },
    categories: { attribute: false },
    values: { state: true },
    errors: { state: true },
    formError: { state: true },
    busy: { state: true },
  };

  entry: FaqEntry | null = null;
  categories: string[] = [];
  values = { category: '', question: '', answer: '', position: '50' };
  errors: Record<string, string> = {};
  formError = '';
  busy = false;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback(): void {
    super.connectedCallback();
    const e = this.entry;
    if (e) this.values = { category: e.category, question: e.question, answer: e.answer, position: String(e.position) };
    // Unless the person is already typing in the form: the focus moves a frame after the first render, and would
    // otherwise land in the category field in the middle of what they type elsewhere.
    void focusAfter(this, () => (this.contains(document.activeElement) ? null : this.querySelector<HTMLElement>('#faq-edit-category')));
  }

  private onInput(e: Event) {
    this.values = withField(this.values, e);
  }

  private async onSubmit(e: Event) {
    e.preventDefault();
    const v = this.values;
    this.formError = '';
    this.errors = requiredErrors(v, [
      ['category', 'Indiquez une catégorie.'],
      ['question', 'Écrivez la question.'],
      ['answer', 'Écrivez la réponse.'],
    ]);
    const position = Number(v.position);
    if (!Number.isInteger(position) || position < 0 || position > 1000)
      this.errors = { ...this.errors, position: 'Un nombre entier entre 0 et 1000.' };
    if (await focusErrors(this, this.errors)) return;
    this.busy = true;
    const body = { category: v.category.trim(), question: v.question.trim(), answer: v.answer.trim(), position };
    try {
      const api = this.api.value!.help;
      const entry = this.entry ? await api.change(this.entry.id, body) : await api.create(body);
      this.dispatchEvent(new CustomEvent('mai-faq-saved', { detail: { entry, created: !this.entry }, bubbles: true }));
    } catch (err) {
      const fields = err instanceof ApiError ? err.fieldErrors : {};
      this.errors = fields;
      this.formError = Object.keys(fields).length
        ? 'Le formulaire contient des erreurs : corrigez les champs signalés.'
        : errorMessage(err);
      await focusFirstInvalid(this, this.formError);
    } finally {
      this.busy = false;
    }
  }

  private cancel() {
    this.dispatchEvent(new CustomEvent('mai-faq-cancel', { bubbles: true }));
  }

  render() {
    const v = this.values;
    const title = this.entry ? 'Modifier la question' : 'Ajouter une question';
    return html`<form class="mai-faq-editor fr-mb-4w" novalidate @input=${this.onInput} @submit=${this.onSubmit} aria-label=${title}>
      <fieldset class="fr-fieldset">
        <legend class="fr-fieldset__legend"><span class="fr-h6">${title}</span></legend>
        ${this.formError ? html`<div class="fr-fieldset__element">${alertBox('error', this.formError)}</div>` : nothing}
        <div class="fr-fieldset__element">
          ${textField({
            id: 'faq-edit-category',
            name: 'category',
            label: 'Catégorie',
            hint: 'Une des catégories existantes, ou une nouvelle.',
            value: v.category,
            error: this.errors.category,
            maxlength: 80,
          })}
          <datalist id="faq-edit-categories">${this.categories.map((c) => html`<option value=${c}></option>`)}</datalist>
        </div>
        <div class="fr-fieldset__element">
          ${textField({ id: 'faq-edit-question', name: 'question', label: 'Question', value: v.question, error: this.errors.question, maxlength: 200 })}
        </div>
        <div class="fr-fieldset__element">
          ${textArea({
            id: 'faq-edit-answer',
            name: 'answer',
            label: 'Réponse',
            hint: 'Markdown simple : **gras**, *italique*, listes avec « - », liens https://…',
            value: v.answer,
            error: this.errors.answer,
            rows: 6,
            maxlength: 10000,
          })}
        </div>
        <div class="fr-fieldset__element">
          ${textField({
            id: 'faq-edit-position',
            name: 'position',
            label: 'Position dans la catégorie',
            hint: 'Les plus petits nombres passent en premier.',
            type: 'number',
            inputmode: 'numeric',
            value: v.position,
            error: this.errors.position,
          })}
        </div>
      </fieldset>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li><button class="fr-btn" type="submit" ?disabled=${this.busy}>${this.busy ? 'Enregistrement…' : 'Enregistrer'}</button></li>
        <li><button class="fr-btn fr-btn--secondary" type="button" @click=${this.cancel}>Annuler</button></li>
      </ul>
    </form>`;
  }

  protected updated(): void {
    // The category field suggests the existing categories (textField has no `list` option).
    this.querySelector('#faq-edit-category')?.setAttribute('list', 'faq-edit-categories');
  }
}

customElements.define('mai-faq-editor', MaiFaqEditor);
