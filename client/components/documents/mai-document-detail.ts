/** <mai-document-detail>: one document (its title is the page's) — preview for images, what it is, where it comes from, download. */
import '../favorites/mai-favorite-button.js';
import '../resources/mai-resource-promote.js';
import { LitElement, html, nothing } from 'lit';
import type { BankDocument } from '../../api/documents.js';
import { humanSize, shortDate, typeLabel } from './format.js';

/** Leaf: `document` in; fires `mai-document-delete` `{ document }`. */
export class MaiDocumentDetail extends LitElement {
  static properties = { document: { attribute: false } };

  document: BankDocument | null = null;

  createRenderRoot() {
    return this;
  }

  render() {
    const d = this.document;
    if (!d) return nothing;
    return html`<article class="mai-doc-detail" aria-label=${d.title}>
      ${d.description ? html`<p class="mai-pre-line">${d.description}</p>` : nothing}
      ${d.previewUrl ? html`<img class="mai-doc-preview" src=${d.previewUrl} alt=${`Aperçu de ${d.title}`} />` : nothing}
      <dl class="mai-doc-facts">
        <dt>Fichier</dt><dd class="mai-filename">${d.filename}</dd>
        <dt>Type</dt><dd>${typeLabel(d.mimeType)} · ${humanSize(d.size)}</dd>
        <dt>Groupe</dt><dd><a class="fr-link" href=${`/groupes/${d.groupId}/documents`}>${d.group.name}</a></dd>
        <dt>Déposé par</dt><dd>${d.uploader?.displayName ?? '—'}, le ${shortDate(d.createdAt)}${d.source === 'post' ? ' (joint à une publication)' : ''}</dd>
        <dt>Empreinte SHA-256</dt><dd class="fr-text--xs mai-filename">${d.sha256}</dd>
      </dl>
      <ul class="fr-btns-group fr-btns-group--inline">
        <li><a class="fr-btn" href=${d.downloadUrl} download>Télécharger</a></li>
        <li><mai-favorite-button kind="document" .targetId=${d.id} .label=${d.title}></mai-favorite-button></li>
        ${
          d.canDelete
            ? html`<li><button class="fr-btn fr-btn--tertiary" type="button"
              @click=${() => this.dispatchEvent(new CustomEvent('mai-document-delete', { detail: { document: d }, bubbles: true }))}>Supprimer</button></li>`
            : nothing
        }
      </ul>
      ${d.canDelete ? html`<mai-resource-promote .documentId=${d.id}></mai-resource-promote>` : nothing}
    </article>`;
  }
}

customElements.define('mai-document-detail', MaiDocumentDetail);
