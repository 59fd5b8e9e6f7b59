/**
 * <mai-sheet-comments>: a list of contributions and the form to add one.
 * Leaf: `comments`, `withSubject` (sheet comments: subject + text; a post-it's
 * thread: text only), `busy`, `error` in; `mai-comment` `{subject?, body}` out.
 * The form is emptied by the container once saved (`reset()`), kept otherwise.
 */
import { LitElement, html, nothing } from 'lit';
import type { SheetComment } from '../../../server/protocol/index.js';
import { textArea, textField } from '../shared/fields.js';

const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short' });

export class MaiSheetComments extends LitElement {
  static properties = {
    comments: { attribute: false },
    withSubject: { type: Boolean },
    busy: { type: Boolean },
    error: { type: String },
    idPrefix: { type: String },
    subject: { state: true },
    body: { state: true },
  };

  comments: SheetComment[] = [];
  withSubject = false;
  busy = false;
  error = '';
  idPrefix = 'comment';
  subject = '';
  body = '';

  createRenderRoot() {
    return this;
  }

  reset() {
    this.subject = '';
    this.body = '';
  }

  private submit(e: Event) {
    e.preventDefault();
    this.dispatchEvent(
      new CustomEvent('mai-comment', {
        detail: { subject: this.withSubject ? this.subject : undefined, body: this.body },
        bubbles: true,
        composed: true,
      }),
    );
  }

  render() {
    const p = this.idPrefix;
    return html`${
      this.comments.length
        ? html`<ul class="mai-plain-list mai-comments" aria-label=${this.withSubject ? 'Commentaires' : 'Fil du post-it'}>
            ${this.comments.map(
              (c) => html`<li class="mai-comment fr-mb-2w" data-comment-id=${c.id}>
                ${c.subject ? html`<p class="fr-text--bold fr-mb-0">${c.subject}</p>` : nothing}
                <p class="fr-mb-0 mai-pre">${c.body}</p>
                <p class="fr-text--xs mai-muted fr-mb-0">${c.author?.displayName ?? 'Compte supprimé'} · ${when.format(new Date(c.createdAt))}</p>
              </li>`,
            )}
          </ul>`
        : html`<p class="fr-text--sm mai-muted">Aucun commentaire pour l’instant.</p>`
    }
      <form novalidate @submit=${this.submit}
        @input=${(e: Event) => {
          const t = e.target as HTMLInputElement;
          if (t.name === 'subject') this.subject = t.value;
          if (t.name === 'body') this.body = t.value;
        }}>
        ${this.withSubject ? textField({ id: `${p}-subject`, name: 'subject', label: 'Objet', value: this.subject, maxlength: 200, error: this.error && !this.subject.trim() ? 'Donnez un objet.' : undefined }) : nothing}
        ${textArea({ id: `${p}-body`, name: 'body', label: this.withSubject ? 'Votre commentaire' : 'Répondre dans le fil', value: this.body, rows: 3, maxlength: 10000, error: this.error && (this.subject.trim() || !this.withSubject) ? this.error : undefined })}
        <button class="fr-btn fr-btn--sm" type="submit" ?disabled=${this.busy}>${this.busy ? 'Envoi…' : 'Commenter'}</button>
      </form>`;
  }
}

customElements.define('mai-sheet-comments', MaiSheetComments);
