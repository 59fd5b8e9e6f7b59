/** <mai-documents-page> (/documents[/:id]): every bank of my groups in one table, or one document. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { BankDocument } from '../../api/documents.js';
import { apiContext, routerContext } from '../../controllers/contexts.js';
import { alertBox } from '../shared/fields.js';
import { loadingLine } from '../shared/list-states.js';
import './mai-document-bank.js';
import './mai-document-detail.js';
import { askConfirmation } from '../shared/confirm-dialog.js';
import { helpLink } from '../shared/help-link.js';
import { HELP_TOPICS } from '../help/guides.js';

/** Container: `documentId` in (0: the list). */
export class MaiDocumentsPage extends LitElement {
  static properties = {
    documentId: { type: Number },
    groups: { state: true },
    document: { state: true },
    error: { state: true },
  };

  documentId = 0;
  groups: { id: number; name: string }[] = [];
  document: BankDocument | null = null;
  error = '';
  private api = new ContextConsumer(this, { context: apiContext });
  private router = new ContextConsumer(this, { context: routerContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.loadGroups();
  }

  protected willUpdate(changed: PropertyValues<this>) {
    if (changed.has('documentId') && this.documentId) void this.loadDocument();
  }

  /** The groups I am a full member of: where I may upload, and the group filter. */
  private async loadGroups() {
    try {
      const page = await this.api.value!.groups.list('mine');
      this.groups = page.items.filter((g) => g.myStatus === 'member').map((g) => ({ id: g.id, name: g.name }));
    } catch {
      this.groups = [];
    }
  }

  private async loadDocument() {
    this.error = '';
    this.document = null;
    try {
      this.document = await this.api.value!.documents.get(this.documentId);
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  private async onDelete() {
    const d = this.document;
    if (
      !d ||
      !(await askConfirmation({
        title: 'Supprimer ce document ?',
        body: `Supprimer « ${d.title} » de la banque de documents ?`,
        confirmLabel: 'Supprimer',
      }))
    )
      return;
    try {
      await this.api.value!.documents.remove(d.id);
      this.router.value?.navigate(`/groupes/${d.groupId}/documents`);
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  render() {
    if (this.documentId) {
      return html`<nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
          <ol class="fr-breadcrumb__list">
            <li><a class="fr-breadcrumb__link" href="/documents">Documents</a></li>
            <li><a class="fr-breadcrumb__link" aria-current="page">${this.document?.title ?? 'Document'}</a></li>
          </ol>
        </nav>
        <h1 tabindex="-1">${this.document?.title ?? 'Document'}</h1>
        ${this.error ? alertBox('error', this.error) : nothing}
        ${this.document ? html`<mai-document-detail .document=${this.document} @mai-document-delete=${this.onDelete}></mai-document-detail>` : this.error ? nothing : loadingLine('Chargement…')}`;
    }
    return html`<h1 tabindex="-1">Documents</h1>
      <p>${helpLink(HELP_TOPICS.documents, 'les documents')}</p>
      <p class="mai-muted">Les banques de documents de tous vos groupes : les fichiers déposés et ceux joints aux publications.</p>
      <mai-document-bank .groupId=${null} .groups=${this.groups}></mai-document-bank>`;
  }
}

customElements.define('mai-documents-page', MaiDocumentsPage);
