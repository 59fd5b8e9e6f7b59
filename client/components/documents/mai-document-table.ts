/** <mai-document-table>: the bank as a table, sortable by title or date; download, share and delete per row. */
import { LitElement, html, nothing } from 'lit';
import type { BankDocument, DocumentSort } from '../../api/documents.js';
import { humanSize, shortDate, typeLabel } from './format.js';

/** Leaf: fires `mai-sort` `{ sort }`, `mai-document-delete` and `mai-document-share` `{ document }`. */
export class MaiDocumentTable extends LitElement {
  static properties = {
    documents: { attribute: false },
    sort: {},
    showGroup: { type: Boolean },
    canShare: { type: Boolean },
    caption: {},
  };

  documents: BankDocument[] = [];
  sort: DocumentSort = 'date';
  showGroup = false;
  canShare = false;
  caption = 'Documents';

  createRenderRoot() {
    return this;
  }

  private fire(name: string, detail: unknown) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true }));
  }

  /** A column header that sorts (a button inside the th, with aria-sort on the th). */
  private sortable(key: DocumentSort, label: string) {
    const active = this.sort === key;
    return html`<th scope="col" aria-sort=${active ? (key === 'date' ? 'descending' : 'ascending') : 'none'}>
      <button class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm mai-sort-btn" type="button" @click=${() => this.fire('mai-sort', { sort: key })}>
        ${label}${active ? html`<span aria-hidden="true"> ${key === 'date' ? '↓' : '↑'}</span>` : nothing}
      </button>
    </th>`;
  }

  private row(d: BankDocument) {
    return html`<tr data-document-id=${d.id}>
      <td>
        <div class="mai-doc-title">
          ${d.previewUrl ? html`<img class="mai-doc-thumb" src=${d.previewUrl} alt="" loading="lazy" width="40" height="40" />` : nothing}
          <div>
            <a class="fr-link" href=${`/documents/${d.id}`}>${d.title}</a>
            ${d.description ? html`<p class="fr-text--sm mai-muted fr-mb-0">${d.description}</p>` : nothing}
          </div>
        </div>
      </td>
      <td><span class="mai-filename">${d.filename}</span><br /><span class="fr-text--sm mai-muted">${typeLabel(d.mimeType)} · ${humanSize(d.size)}</span></td>
      ${this.showGroup ? html`<td><a class="fr-link fr-text--sm" href=${`/groupes/${d.groupId}/documents`}>${d.group.name}</a></td>` : nothing}
      <td>${d.uploader?.displayName ?? '—'}${d.source === 'post' ? html`<br /><span class="fr-text--sm mai-muted">via une publication</span>` : nothing}</td>
      <td><time datetime=${d.createdAt}>${shortDate(d.createdAt)}</time></td>
      <td>
        <ul class="fr-btns-group fr-btns-group--sm mai-row-actions">
          <li><a class="fr-btn fr-btn--secondary fr-btn--sm" href=${d.downloadUrl} download title=${`Télécharger ${d.filename}`}>Télécharger</a></li>
          ${
            this.canShare
              ? html`<li><button class="fr-btn fr-btn--tertiary fr-btn--sm" type="button" @click=${() => this.fire('mai-document-share', { document: d })}>Partager</button></li>`
              : nothing
          }
          ${
            d.canDelete
              ? html`<li><button class="fr-btn fr-btn--tertiary fr-btn--sm" type="button" aria-label=${`Supprimer ${d.title}`}
                @click=${() => this.fire('mai-document-delete', { document: d })}>Supprimer</button></li>`
              : nothing
          }
        </ul>
      </td>
    </tr>`;
  }

  render() {
    if (!this.documents.length) return nothing;
    // The DSFR wrapper: on a narrow screen the table scrolls inside its own region, never the page.
    return html`<div class="fr-table fr-table--no-caption mai-doc-table"><div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
      <table>
        <caption>${this.caption}</caption>
        <thead>
          <tr>
            ${this.sortable('title', 'Titre')}
            <th scope="col">Fichier</th>
            ${this.showGroup ? html`<th scope="col">Groupe</th>` : nothing}
            <th scope="col">Déposé par</th>
            ${this.sortable('date', 'Date')}
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>${this.documents.map((d) => this.row(d))}</tbody>
      </table>
    </div></div></div></div>`;
  }
}

customElements.define('mai-document-table', MaiDocumentTable);
