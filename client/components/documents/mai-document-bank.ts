/** <mai-document-bank>: a live document bank — a group's (its Documents tab) or mine across groups. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { BankDocument, DocumentSort, DocumentType } from '../../api/documents.js';
import { apiContext } from '../../controllers/contexts.js';
import { LiveStoreController } from '../../controllers/live-store-controller.js';
import { DocumentsStore } from '../../state/documents-store.js';
import { alertBox, noticeAlert, type Notice } from '../shared/fields.js';
import { emptyLine, moreButton, srStatus } from '../shared/list-states.js';
import type { UploadRequest } from './mai-document-upload.js';
import './mai-document-filters.js';
import './mai-document-table.js';
import './mai-document-upload.js';
import { askConfirmation } from '../shared/confirm-dialog.js';

/**
 * Container: `groupId` (null: every bank of mine, then `groups` lists where I
 * may upload, with a group filter). Uploads show their progress; the table
 * follows changes made by others live.
 */
export class MaiDocumentBank extends LitElement {
  static properties = {
    groupId: { attribute: false },
    groups: { attribute: false },
    uploadGroupId: { state: true },
    notice: { state: true },
  };

  groupId: number | null = null;
  groups: { id: number; name: string }[] = [];
  uploadGroupId = 0;
  notice: Notice | null = null;
  private api = new ContextConsumer(this, { context: apiContext });
  private store = new LiveStoreController(this, {
    key: () => this.groupId,
    create: (api, groupId) => new DocumentsStore(api, groupId),
    start: (store) => void store.load(),
  });

  createRenderRoot() {
    return this;
  }

  private get docs(): DocumentsStore {
    return this.store.value!;
  }

  private async onUpload(e: CustomEvent<UploadRequest>) {
    const groupId = this.groupId ?? (this.uploadGroupId || this.groups[0]?.id);
    if (!groupId) return;
    this.notice = null;
    const { files, title, description, announce } = e.detail;
    const saved = await Promise.all(
      files.map((file) => this.docs.upload(groupId, { file, filename: file.name, title, description, announce })),
    );
    const done = saved.filter((d) => d !== null);
    if (!done.length) return;
    const dup = done.filter((d) => d.duplicate);
    const refused = done.find((d) => d.announcement && 'error' in d.announcement);
    const text = dup.length
      ? `Déjà dans la banque : ${dup.map((d) => `« ${d.title} »`).join(', ')}.`
      : done.length > 1
        ? `${done.length} documents déposés.`
        : `Document « ${done[0]!.title} » déposé.`;
    this.notice =
      refused && refused.announcement && 'error' in refused.announcement
        ? { kind: 'error', text: `${text} Il n’a pas pu être partagé dans la discussion : ${refused.announcement.error.message}` }
        : { kind: 'success', text };
  }

  private async onDelete(e: CustomEvent<{ document: BankDocument }>) {
    const d = e.detail.document;
    if (
      !(await askConfirmation({
        title: 'Supprimer ce document ?',
        body: `Supprimer « ${d.title} » de la banque de documents ?`,
        confirmLabel: 'Supprimer',
      }))
    )
      return;
    try {
      await this.docs.remove(d.id);
      this.notice = { kind: 'success', text: `« ${d.title} » a été supprimé.` };
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
    }
  }

  private async onShare(e: CustomEvent<{ document: BankDocument }>) {
    const d = e.detail.document;
    try {
      await this.api.value!.documents.share(d.id);
      this.notice = { kind: 'success', text: `« ${d.title} » a été partagé dans la discussion du groupe.` };
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
    }
  }

  private onFilter(e: CustomEvent<{ q?: string; type?: string; sort?: string; groupId?: number | null }>) {
    const { q, type, sort, groupId } = e.detail;
    void this.docs.setQuery({ q, type: type as DocumentType | '' | undefined, sort: sort as DocumentSort | undefined, groupId });
  }

  private uploadTarget() {
    if (this.groupId !== null || this.groups.length < 2) return nothing;
    return html`<div class="fr-select-group">
      <label class="fr-label" for="doc-upload-group">Déposer dans le groupe</label>
      <select class="fr-select" id="doc-upload-group" @change=${(e: Event) => (this.uploadGroupId = Number((e.target as HTMLSelectElement).value))}>
        ${this.groups.map((g) => html`<option value=${g.id} ?selected=${g.id === this.uploadGroupId}>${g.name}</option>`)}
      </select>
    </div>`;
  }

  render() {
    const s = this.store.value;
    if (!s) return nothing;
    const canUpload = this.groupId !== null || this.groups.length > 0;
    const filtered = !!(s.q || s.type || s.filterGroupId);
    return html`<div class="mai-bank">
      <div aria-live="polite">${noticeAlert(this.notice)}</div>
      <div class="mai-bank__layout">
        <div class="mai-bank__main">
          <mai-document-filters .q=${s.q} .type=${s.type} .sort=${s.sort} idPrefix=${this.groupId ? `docs-${this.groupId}` : 'docs'}
            .groups=${this.groupId === null ? this.groups : []} .groupId=${s.filterGroupId} @mai-filter=${this.onFilter}></mai-document-filters>
          ${s.status === 'error' ? alertBox('error', errorMessage(s.error)) : nothing}
          ${srStatus(s.status === 'loading' ? 'Chargement des documents…' : `${s.items.length} document(s) affiché(s)`)}
          ${
            s.status === 'ready' && !s.items.length
              ? emptyLine(filtered ? 'Aucun document ne correspond à ces critères.' : 'Aucun document pour le moment.')
              : nothing
          }
          <mai-document-table .documents=${s.items} .sort=${s.sort} ?showGroup=${this.groupId === null} ?canShare=${this.groupId !== null}
            caption=${this.groupId === null ? 'Mes documents' : 'Documents du groupe'}
            @mai-sort=${(e: CustomEvent<{ sort: DocumentSort }>) => void s.setQuery({ sort: e.detail.sort })}
            @mai-document-delete=${this.onDelete} @mai-document-share=${this.onShare}></mai-document-table>
          ${s.nextCursor ? moreButton('Afficher plus de documents', () => s.load(true), { loading: s.status === 'loading' }) : nothing}
        </div>
        ${
          canUpload
            ? html`<aside class="mai-bank__side">
              ${this.uploadTarget()}
              <mai-document-upload .uploads=${s.uploads} .headingLevel=${this.groupId === null ? 2 : 3} @mai-document-upload=${this.onUpload}
                @mai-upload-dismiss=${(e: CustomEvent<{ id: number }>) => s.dismissUpload(e.detail.id)}></mai-document-upload>
            </aside>`
            : nothing
        }
      </div>
    </div>`;
  }
}

customElements.define('mai-document-bank', MaiDocumentBank);
