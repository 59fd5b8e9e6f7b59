/**
 * <mai-community-references>: « Documents de référence », the bank documents a
 * community's editors pin; they pick one of the group's bank to add it.
 * Container (API context).
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { BankDocument } from '../../api/documents.js';
import { apiContext } from '../../controllers/contexts.js';
import { noticeAlert, type Notice } from '../shared/fields.js';
import { focusAfter } from '../shared/focus.js';
import { emptyLine, loadingLine } from '../shared/list-states.js';
import { fileSize } from '../groups/labels.js';

/** `groupId`, `canEdit` in; `mai-references-changed` out. */
export class MaiCommunityReferences extends LitElement {
  static properties = {
    groupId: { type: Number },
    canEdit: { type: Boolean },
    items: { state: true },
    bank: { state: true },
    choice: { state: true },
    notice: { state: true },
  };

  groupId = 0;
  canEdit = false;
  items: BankDocument[] | null = null;
  bank: BankDocument[] = [];
  choice = '';
  notice: Notice | null = null;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    const api = this.api.value!;
    try {
      this.items = (await api.communities.references(this.groupId)).items;
      if (this.canEdit) this.bank = (await api.documents.listGroup(this.groupId, { limit: 100 })).items;
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
    }
  }

  private async pin(e: Event) {
    e.preventDefault();
    const id = Number(this.choice);
    if (!id) return;
    await this.change(() => this.api.value!.communities.pin(this.groupId, id), 'Document ajouté aux références.');
    this.choice = '';
  }

  private async change(call: () => Promise<void>, text: string) {
    this.notice = null;
    try {
      await call();
      await this.load();
      this.notice = { kind: 'success', text };
      this.dispatchEvent(new CustomEvent('mai-references-changed', { bubbles: true, composed: true }));
      void focusAfter(this, '#reference-choice');
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
    }
  }

  render() {
    if (!this.items) return html`${noticeAlert(this.notice)}${loadingLine('Chargement des documents de référence…')}`;
    const pinned = new Set(this.items.map((d) => d.id));
    const free = this.bank.filter((d) => !pinned.has(d.id));
    return html`<div aria-live="polite">${noticeAlert(this.notice)}</div>
      ${this.items.length ? nothing : emptyLine('Aucun document de référence pour l’instant.')}
      <ul class="mai-references">
        ${this.items.map(
          (d) => html`<li>
            <a class="fr-link fr-icon-file-download-line fr-link--icon-left" href=${d.downloadUrl} download=${d.filename}>${d.title}</a>
            <span class="fr-hint-text">${d.mimeType} · ${fileSize(d.size)}</span>
            ${
              this.canEdit
                ? html`<button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline" type="button"
                @click=${() => this.change(() => this.api.value!.communities.unpin(this.groupId, d.id), 'Document retiré des références.')}>Retirer des références<span class="fr-sr-only"> : ${d.title}</span></button>`
                : nothing
            }
          </li>`,
        )}
      </ul>
      ${
        this.canEdit
          ? html`<form class="fr-mt-3w" @submit=${this.pin}>
              <div class="fr-select-group">
                <label class="fr-label" for="reference-choice">Ajouter un document de la banque du groupe
                  <span class="fr-hint-text">${free.length ? 'Les documents se déposent dans l’onglet Documents.' : 'Tous les documents de la banque sont déjà en référence, ou la banque est vide.'}</span></label>
                <select class="fr-select" id="reference-choice" .value=${this.choice} @change=${(e: Event) => (this.choice = (e.target as HTMLSelectElement).value)}>
                  <option value="">Choisir un document</option>
                  ${free.map((d) => html`<option value=${d.id}>${d.title}</option>`)}
                </select>
              </div>
              <button class="fr-btn fr-btn--secondary" type="submit" ?disabled=${!this.choice}>Ajouter aux références</button>
            </form>`
          : nothing
      }`;
  }
}

customElements.define('mai-community-references', MaiCommunityReferences);
