/** <mai-sheet-files>: the files attached to a sheet; its creator adds and removes them (safe storage: type read from the bytes). */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import type { SheetFile } from '../../../server/protocol/index.js';
import { errorMessage } from '../../api/messages.js';
import { apiContext } from '../../controllers/contexts.js';
import { noticeAlert, type Notice } from '../shared/fields.js';
import { focusAfter } from '../shared/focus.js';
import { askConfirmation } from '../shared/confirm-dialog.js';

const size = (n: number) =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} Ko` : `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} Mo`;

export class MaiSheetFiles extends LitElement {
  static properties = {
    sheetId: { type: Number },
    owner: { type: Boolean },
    items: { state: true },
    notice: { state: true },
    busy: { state: true },
  };

  sheetId = 0;
  owner = false;
  items: SheetFile[] = [];
  notice: Notice | null = null;
  busy = false;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  willUpdate(changed: Map<string, unknown>) {
    if (changed.has('sheetId') && this.sheetId) void this.load();
  }

  private async load() {
    try {
      this.items = (await this.api.value!.projectSheets.files(this.sheetId)).items;
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
    }
  }

  private async upload(e: Event) {
    e.preventDefault();
    const input = this.querySelector<HTMLInputElement>('#sheet-file');
    const file = input?.files?.[0];
    if (!file) {
      this.notice = { kind: 'error', text: 'Choisissez un fichier.' };
      void focusAfter(this, '#sheet-file');
      return;
    }
    this.busy = true;
    try {
      const f = await this.api.value!.projectSheets.upload(this.sheetId, file);
      this.items = [...this.items, f];
      input!.value = '';
      this.notice = { kind: 'success', text: `« ${f.filename} » ajouté.` };
      void focusAfter(this, '#sheet-files-title', this.notice.text);
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
      void focusAfter(this, '#sheet-file');
    } finally {
      this.busy = false;
    }
  }

  private async removeFile(f: SheetFile) {
    const ok = await askConfirmation({
      title: 'Supprimer ce fichier ?',
      body: `« ${f.filename} » ne sera plus disponible pour vous ni pour les professionnels qui vous accompagnent.`,
      confirmLabel: 'Supprimer le fichier',
    });
    if (!ok) return;
    try {
      await this.api.value!.projectSheets.removeFile(this.sheetId, f.id);
      this.items = this.items.filter((x) => x.id !== f.id);
      this.notice = { kind: 'success', text: `« ${f.filename} » supprimé.` };
      void focusAfter(this, '#sheet-files-title', this.notice.text);
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
    }
  }

  render() {
    return html`<section class="fr-mt-4w" aria-labelledby="sheet-files-title">
      <h2 id="sheet-files-title" tabindex="-1">Pièces jointes</h2>
      ${noticeAlert(this.notice)}
      ${
        this.items.length
          ? html`<ul class="mai-plain-list">
            ${this.items.map(
              (f) => html`<li class="fr-mb-1w">
                <a class="fr-link fr-icon-download-line fr-link--icon-left" href=${f.downloadUrl} download>${f.filename}</a>
                <span class="fr-text--xs mai-muted">${size(f.size)}</span>
                ${
                  this.owner
                    ? html`<button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline" type="button" aria-label=${`Supprimer ${f.filename}`} @click=${() => this.removeFile(f)}>Supprimer</button>`
                    : nothing
                }
              </li>`,
            )}
          </ul>`
          : html`<p class="fr-text--sm mai-muted">Aucune pièce jointe.</p>`
      }
      ${
        this.owner
          ? html`<form class="fr-upload-group" @submit=${this.upload}>
            <label class="fr-label" for="sheet-file">Ajouter un fichier<span class="fr-hint-text">PDF, documents bureautiques, images, texte ; taille limitée.</span></label>
            <input class="fr-upload" type="file" id="sheet-file" name="file" />
            <button class="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w" type="submit" ?disabled=${this.busy}>${this.busy ? 'Envoi…' : 'Joindre'}</button>
          </form>`
          : nothing
      }
    </section>`;
  }
}

customElements.define('mai-sheet-files', MaiSheetFiles);
