/** <mai-community-links>: a community's useful links; its editors add and remove them. Container (API context). */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { GroupLink } from '../../api/communities.js';
import { apiContext } from '../../controllers/contexts.js';
import { noticeAlert, textField, type Notice } from '../shared/fields.js';
import { focusAfter, focusFirstInvalid } from '../shared/focus.js';
import { askConfirmation } from '../shared/confirm-dialog.js';
import { safeUrl } from '../groups/post-body.js';
import { emptyLine } from '../shared/list-states.js';

/** `groupId`, `items`, `readonly` in; `mai-links-changed` out after a change. */
export class MaiCommunityLinks extends LitElement {
  static properties = {
    groupId: { type: Number },
    items: { attribute: false },
    readonly: { type: Boolean },
    form: { state: true },
    errors: { state: true },
    busy: { state: true },
    notice: { state: true },
  };

  groupId = 0;
  items: GroupLink[] = [];
  readonly = false;
  form = { title: '', url: '', description: '' };
  errors: Record<string, string> = {};
  busy = false;
  notice: Notice | null = null;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  private changed() {
    this.dispatchEvent(new CustomEvent('mai-links-changed', { bubbles: true, composed: true }));
  }

  private async add(e: Event) {
    e.preventDefault();
    this.busy = true;
    this.errors = {};
    this.notice = null;
    try {
      const link = await this.api.value!.communities.addLink(this.groupId, {
        title: this.form.title,
        url: this.form.url,
        description: this.form.description || null,
      });
      this.items = [...this.items, link];
      this.form = { title: '', url: '', description: '' };
      this.notice = { kind: 'success', text: `Lien « ${link.title} » ajouté.` };
      this.changed();
      void focusAfter(this, '#link-title');
    } catch (err) {
      const fields = err instanceof ApiError ? err.fieldErrors : {};
      if (Object.keys(fields).length) {
        this.errors = fields;
        void focusFirstInvalid(this);
      } else this.notice = { kind: 'error', text: errorMessage(err) };
    } finally {
      this.busy = false;
    }
  }

  private async removeLink(l: GroupLink) {
    if (
      !(await askConfirmation({ title: 'Retirer ce lien ?', body: `Retirer « ${l.title} » des liens utiles ?`, confirmLabel: 'Retirer' }))
    )
      return;
    try {
      await this.api.value!.communities.removeLink(this.groupId, l.id);
      this.items = this.items.filter((x) => x.id !== l.id);
      this.notice = { kind: 'success', text: `Lien « ${l.title} » retiré.` };
      this.changed();
      void focusAfter(this, '#link-title');
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
    }
  }

  private addForm() {
    const set = (e: Event) => {
      const t = e.target as HTMLInputElement;
      this.form = { ...this.form, [t.name]: t.value };
    };
    return html`<form class="fr-mt-3w" novalidate @input=${set} @submit=${this.add}>
      <h3 class="fr-h6">Ajouter un lien</h3>
      ${textField({ id: 'link-title', name: 'title', label: 'Intitulé', value: this.form.title, error: this.errors.title, maxlength: 200 })}
      ${textField({ id: 'link-url', name: 'url', label: 'Adresse (https://…)', type: 'url', value: this.form.url, error: this.errors.url, maxlength: 2000 })}
      ${textField({ id: 'link-description', name: 'description', label: 'Description', optional: true, value: this.form.description, error: this.errors.description, maxlength: 500 })}
      <button class="fr-btn fr-icon-add-line fr-btn--icon-left" type="submit" ?disabled=${this.busy}>${this.busy ? 'Ajout…' : 'Ajouter le lien'}</button>
    </form>`;
  }

  render() {
    return html`<div aria-live="polite">${noticeAlert(this.notice)}</div>
      ${this.items.length ? nothing : emptyLine('Aucun lien utile pour l’instant.')}
      <ul class="mai-community-links">
        ${this.items.map(
          (l) => html`<li>
            ${safeUrl(l.url) ? html`<a class="fr-link fr-icon-external-link-line fr-link--icon-right" href=${safeUrl(l.url)!} target="_blank" rel="noopener noreferrer">${l.title}</a>` : l.title}
            ${l.description ? html`<span class="fr-hint-text">${l.description}</span>` : nothing}
            ${this.readonly ? nothing : html`<button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-icon-delete-line fr-btn--icon-left" type="button" @click=${() => this.removeLink(l)}>Retirer<span class="fr-sr-only"> le lien ${l.title}</span></button>`}
          </li>`,
        )}
      </ul>
      ${this.readonly ? nothing : this.addForm()}`;
  }
}

customElements.define('mai-community-links', MaiCommunityLinks);
