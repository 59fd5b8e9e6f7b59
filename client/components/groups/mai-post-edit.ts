/**
 * <mai-post-edit>: edits a post (title and text) or a comment (text) after
 * publishing. Leaf: `title`, `body`, `withTitle`, `prefix` in; `mai-edit-save`
 * `{ title, body, done(ok) }` and `mai-edit-cancel` out. What was typed stays on an error.
 */
import { LitElement, html, nothing } from 'lit';
import { textArea, textField } from '../shared/fields.js';
import { focusAfter } from '../shared/focus.js';

export class MaiPostEdit extends LitElement {
  static properties = {
    title: {},
    body: {},
    withTitle: { type: Boolean },
    prefix: {},
    busy: { state: true },
  };

  title = '';
  body = '';
  withTitle = false;
  prefix = 'edit';
  busy = false;

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    // Unless the person is already typing in the form (the focus moves a frame after the first render).
    void focusAfter(this, () =>
      this.contains(document.activeElement)
        ? null
        : this.querySelector<HTMLElement>(`#${this.prefix}-${this.withTitle ? 'title' : 'body'}`),
    );
  }

  private submit(e: Event) {
    e.preventDefault();
    if (this.busy || !this.body.trim() || (this.withTitle && !this.title.trim())) return;
    this.busy = true;
    const detail = { title: this.title.trim(), body: this.body.trim(), done: () => (this.busy = false) };
    this.dispatchEvent(new CustomEvent('mai-edit-save', { bubbles: true, composed: true, detail }));
  }

  render() {
    return html`<form class="fr-mb-2w" @submit=${this.submit}
      @input=${(e: Event) => {
        const t = e.target as HTMLInputElement;
        if (t.name === 'title') this.title = t.value;
        if (t.name === 'body') this.body = t.value;
      }}>
      ${this.withTitle ? textField({ id: `${this.prefix}-title`, name: 'title', label: 'Titre', value: this.title, maxlength: 200 }) : nothing}
      ${textArea({ id: `${this.prefix}-body`, name: 'body', label: this.withTitle ? 'Texte' : 'Commentaire', value: this.body, rows: this.withTitle ? 5 : 2, maxlength: this.withTitle ? 20000 : 5000 })}
      <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
        <li><button class="fr-btn fr-btn--sm" type="submit" ?disabled=${this.busy}>${this.busy ? 'Enregistrement…' : 'Enregistrer la modification'}</button></li>
        <li><button class="fr-btn fr-btn--sm fr-btn--secondary" type="button"
          @click=${() => this.dispatchEvent(new CustomEvent('mai-edit-cancel', { bubbles: true, composed: true }))}>Annuler</button></li>
      </ul>
    </form>`;
  }
}

customElements.define('mai-post-edit', MaiPostEdit);
