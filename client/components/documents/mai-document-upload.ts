/** <mai-document-upload>: choose or drop files, give a title, send; shows each upload's progress. */
import { LitElement, html, nothing } from 'lit';
import type { UploadState } from '../../state/documents-store.js';
import { ACCEPT, humanSize } from './format.js';

/** What the form asks the container to upload. */
export interface UploadRequest {
  files: File[];
  title: string;
  description: string;
  announce: boolean;
}

/** Leaf: fires `mai-document-upload` (UploadRequest) and `mai-upload-dismiss` `{ id }`; `uploads` comes from the store. */
export class MaiDocumentUpload extends LitElement {
  static properties = {
    uploads: { attribute: false },
    canAnnounce: { type: Boolean },
    headingLevel: { type: Number },
    files: { state: true },
    dragging: { state: true },
    localError: { state: true },
  };

  uploads: UploadState[] = [];
  /** 2 on the documents page (right under its title), 3 in a group's tab (under « Documents du groupe »). */
  headingLevel: 2 | 3 = 3;
  canAnnounce = true;
  files: File[] = [];
  dragging = false;
  localError = '';

  createRenderRoot() {
    return this;
  }

  private pick(list: FileList | null | undefined) {
    this.files = list ? [...list] : [];
    this.localError = '';
  }

  private onDrop(e: DragEvent) {
    e.preventDefault();
    this.dragging = false;
    this.pick(e.dataTransfer?.files);
    this.querySelector<HTMLInputElement>('#doc-title')?.focus();
  }

  private onSubmit(e: Event) {
    e.preventDefault();
    if (!this.files.length) {
      this.localError = 'Choisissez ou déposez d’abord un fichier.';
      this.querySelector<HTMLInputElement>('#doc-file')?.focus();
      return;
    }
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const detail: UploadRequest = {
      files: this.files,
      title: this.files.length === 1 ? String(data.get('title') ?? '').trim() : '',
      description: String(data.get('description') ?? '').trim(),
      announce: data.get('announce') === 'on',
    };
    this.dispatchEvent(new CustomEvent('mai-document-upload', { detail, bubbles: true }));
    form.reset();
    this.files = [];
  }

  private progress(u: UploadState) {
    const pct = Math.round(u.progress * 100);
    return html`<li class="mai-upload-line">
      <span>${u.filename}</span>
      ${
        u.error
          ? html`<p class="fr-error-text fr-mt-0" role="alert">${u.error}</p>
            <button class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" type="button"
              @click=${() => this.dispatchEvent(new CustomEvent('mai-upload-dismiss', { detail: { id: u.id }, bubbles: true }))}>Fermer</button>`
          : html`<progress max="100" value=${pct} aria-label=${`Envoi de ${u.filename}`}></progress>
            <span class="mai-muted" aria-live="polite">${pct} %</span>`
      }
    </li>`;
  }

  render() {
    const one = this.files.length === 1;
    return html`<form class="mai-upload" novalidate aria-labelledby="doc-upload-title" @submit=${this.onSubmit}>
      ${
        this.headingLevel === 2
          ? html`<h2 id="doc-upload-title" class="fr-h6">Déposer un document</h2>`
          : html`<h3 id="doc-upload-title" class="fr-h6">Déposer un document</h3>`
      }
      <div
        class="mai-dropzone ${this.dragging ? 'mai-dropzone--over' : ''}"
        @dragover=${(e: DragEvent) => {
          e.preventDefault();
          this.dragging = true;
        }}
        @dragleave=${() => (this.dragging = false)}
        @drop=${this.onDrop}
      >
        <div class="fr-upload-group ${this.localError ? 'fr-upload-group--error' : ''}">
          <label class="fr-label" for="doc-file"
            >Fichier(s) — ou glissez-les ici
            <span class="fr-hint-text">PDF, Word, Excel, PowerPoint, OpenDocument, images, texte, CSV, ZIP ou 7z. Le type est vérifié à l’envoi.</span></label
          >
          <input class="fr-upload" type="file" id="doc-file" multiple accept=${ACCEPT}
            aria-describedby="doc-file-error" @change=${(e: Event) => this.pick((e.target as HTMLInputElement).files)} />
          <div id="doc-file-error" role="alert">${this.localError ? html`<p class="fr-error-text">${this.localError}</p>` : nothing}</div>
        </div>
        ${
          this.files.length
            ? html`<p class="fr-mb-0 fr-mt-1w">${this.files.length > 1 ? `${this.files.length} fichiers : ` : ''}${this.files
                .map((f) => `${f.name} (${humanSize(f.size)})`)
                .join(', ')}</p>`
            : nothing
        }
      </div>
      <div class="fr-input-group">
        <label class="fr-label" for="doc-title">Titre (facultatif)<span class="fr-hint-text">${one ? 'Par défaut, le nom du fichier.' : 'Avec plusieurs fichiers, chacun garde son nom.'}</span></label>
        <input class="fr-input" id="doc-title" name="title" maxlength="200" ?disabled=${this.files.length > 1} />
      </div>
      <div class="fr-input-group">
        <label class="fr-label" for="doc-description">Description (facultatif)</label>
        <textarea class="fr-input" id="doc-description" name="description" rows="2" maxlength="2000"></textarea>
      </div>
      ${
        this.canAnnounce
          ? html`<div class="fr-checkbox-group fr-mb-2w">
            <input type="checkbox" id="doc-announce" name="announce" />
            <label class="fr-label" for="doc-announce">Partager aussi dans la discussion du groupe</label>
          </div>`
          : nothing
      }
      <button class="fr-btn fr-icon-upload-line fr-btn--icon-left" type="submit">Déposer</button>
      ${this.uploads.length ? html`<ul class="mai-upload-list" aria-label="Envois en cours">${this.uploads.map((u) => this.progress(u))}</ul>` : nothing}
    </form>`;
  }
}

customElements.define('mai-document-upload', MaiDocumentUpload);
