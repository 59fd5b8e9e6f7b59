/**
 * <mai-event-media-editor>: the image of an event being edited (upload,
 * replace, remove; its text alternative is required) and its attached files
 * (programme, poster…: add, remove). Uploads show their progress. Fires
 * `mai-event-saved` with the event as the server answers it.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { apiContext } from '../../controllers/contexts.js';
import { errorMessage } from '../../api/messages.js';
import type { AgendaEvent } from '../../api/events.js';
import { EVENT_FILE_KINDS } from '../../api/workshops.js';
import type { AgendaEventFile } from '../../../server/protocol/agenda-workshops.js';
import { askConfirmation } from '../shared/confirm-dialog.js';
import { alertBox, fieldRow, focusErrors, selectField, textField } from '../shared/fields.js';
import { focusAfter } from '../shared/focus.js';

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
const IMAGE_MAX_BYTES = 5 * 1024 * 1024;

export class MaiEventMediaEditor extends LitElement {
  static properties = {
    event: { attribute: false },
    alt: { state: true },
    fileKind: { state: true },
    fileTitle: { state: true },
    errors: { state: true },
    message: { state: true },
    progress: { state: true },
  };
  event: AgendaEvent | null = null;
  alt: string | null = null;
  fileKind = 'programme';
  fileTitle = '';
  errors: Record<string, string> = {};
  message: { kind: 'error' | 'success'; text: string; where: 'image' | 'files' } | null = null;
  /** The running upload: where, and its fraction sent. */
  progress: { where: 'image' | 'files'; fraction: number } | null = null;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  private saved(e: AgendaEvent) {
    this.dispatchEvent(new CustomEvent('mai-event-saved', { detail: e, bubbles: true }));
  }

  private async say(where: 'image' | 'files', kind: 'error' | 'success', text: string) {
    this.message = { kind, text, where };
    await focusAfter(this, `#media-${where}-message`);
  }

  private chosen(id: string): File | null {
    return this.querySelector<HTMLInputElement>(`#${id}`)?.files?.[0] ?? null;
  }

  private async onImage(e: Event) {
    e.preventDefault();
    const ev = this.event!;
    const file = this.chosen('event-image-file');
    const alt = (this.alt ?? ev.image?.alt ?? '').trim();
    const errors: Record<string, string> = {};
    if (!file && !ev.image) errors['event-image-file'] = 'Choisissez une image.';
    else if (file && !IMAGE_TYPES.includes(file.type)) errors['event-image-file'] = 'L’image doit être au format PNG, JPEG ou WebP.';
    else if (file && file.size > IMAGE_MAX_BYTES) errors['event-image-file'] = 'L’image ne doit pas dépasser 5 Mo.';
    if (!alt) errors['event-image-alt'] = 'Décrivez l’image en quelques mots pour qui ne la voit pas.';
    this.errors = errors;
    if (await focusErrors(this, errors)) return;
    const w = this.api.value!.workshops;
    this.message = null;
    try {
      // The text first: an image never shows without its alternative.
      let updated = await w.editContent(ev.id, { imageAlt: alt });
      if (file) {
        this.progress = { where: 'image', fraction: 0 };
        updated = await w.setImage(ev.id, file, (fraction) => (this.progress = { where: 'image', fraction }));
      }
      this.saved(updated);
      this.alt = null;
      this.querySelector<HTMLFormElement>('#event-image-form')?.reset();
      await this.say('image', 'success', file ? 'Image enregistrée.' : 'Texte alternatif enregistré.');
    } catch (err) {
      await this.say('image', 'error', errorMessage(err));
    } finally {
      this.progress = null;
    }
  }

  private async removeImage() {
    const ok = await askConfirmation({
      title: 'Retirer l’image ?',
      body: 'L’événement s’affichera sans image.',
      confirmLabel: 'Retirer l’image',
    });
    if (!ok) return;
    try {
      this.saved(await this.api.value!.workshops.removeImage(this.event!.id));
      await this.say('image', 'success', 'Image retirée.');
    } catch (err) {
      await this.say('image', 'error', errorMessage(err));
    }
  }

  private async onFile(e: Event) {
    e.preventDefault();
    const file = this.chosen('event-file-file');
    const errors: Record<string, string> = {};
    if (!file) errors['event-file-file'] = 'Choisissez un fichier.';
    this.errors = errors;
    if (await focusErrors(this, errors)) return;
    this.message = null;
    this.progress = { where: 'files', fraction: 0 };
    try {
      const body = { kind: this.fileKind, title: this.fileTitle.trim() || file!.name, file: file! };
      this.saved(
        await this.api.value!.workshops.addFile(this.event!.id, body, (fraction) => (this.progress = { where: 'files', fraction })),
      );
      this.fileTitle = '';
      this.querySelector<HTMLFormElement>('#event-file-form')?.reset();
      await this.say('files', 'success', `Fichier « ${body.title} » ajouté.`);
    } catch (err) {
      await this.say('files', 'error', errorMessage(err));
    } finally {
      this.progress = null;
    }
  }

  private async removeFile(f: AgendaEventFile) {
    const ok = await askConfirmation({
      title: 'Retirer ce fichier ?',
      body: `« ${f.title} » ne sera plus proposé avec l’événement.`,
      confirmLabel: 'Retirer le fichier',
    });
    if (!ok) return;
    try {
      this.saved(await this.api.value!.workshops.removeFile(this.event!.id, f.id));
      await this.say('files', 'success', `Fichier « ${f.title} » retiré.`);
    } catch (err) {
      await this.say('files', 'error', errorMessage(err));
    }
  }

  /** What is typed is kept in state, so a re-render after an error loses nothing. */
  private onField(e: Event) {
    const t = e.target as HTMLInputElement;
    if (t.id === 'event-image-alt') this.alt = t.value;
    else if (t.id === 'event-file-kind') this.fileKind = t.value;
    else if (t.id === 'event-file-title') this.fileTitle = t.value;
  }

  private bar(where: 'image' | 'files') {
    const p = this.progress;
    if (p?.where !== where) return nothing;
    const pct = Math.round(p.fraction * 100);
    return html`<p class="fr-mb-2w"><progress max="100" value=${pct} aria-label="Envoi en cours"></progress>
      <span class="mai-muted" aria-live="polite">${pct} %</span></p>`;
  }

  private messageBox(where: 'image' | 'files') {
    const m = this.message;
    return html`<div id=${`media-${where}-message`} tabindex="-1">${m?.where === where ? alertBox(m.kind, m.text) : nothing}</div>`;
  }

  private fileInput(id: string, label: string, hint: string, accept: string) {
    const error = this.errors[id];
    return html`<div class="fr-upload-group ${error ? 'fr-upload-group--error' : ''} fr-mb-2w">
      <label class="fr-label" for=${id}>${label}<span class="fr-hint-text">${hint}</span></label>
      <input class="fr-upload" type="file" id=${id} name="file" accept=${accept}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing} />
      ${error ? html`<p class="fr-error-text" id=${`${id}-error`}>${error}</p>` : nothing}
    </div>`;
  }

  render() {
    const e = this.event;
    if (!e) return nothing;
    const busy = !!this.progress;
    return html`<h2 class="fr-h4 fr-mt-6w" id="media-image-title">Image</h2>
      ${this.messageBox('image')}
      ${e.image ? html`<figure class="fr-content-media fr-mb-2w"><img class="fr-responsive-img mai-event-edit__image" src=${e.image.url} alt=${e.image.alt} /></figure>` : html`<p>Aucune image.</p>`}
      <form id="event-image-form" novalidate @input=${this.onField} @submit=${this.onImage} aria-labelledby="media-image-title">
        ${this.fileInput('event-image-file', e.image ? 'Remplacer l’image (facultatif)' : 'Image', 'PNG, JPEG ou WebP, 5 Mo au plus.', IMAGE_TYPES.join(','))}
        ${fieldRow(textField({ id: 'event-image-alt', name: 'imageAlt', label: 'Texte alternatif de l’image', hint: 'Ce que montre l’image, lu à qui ne la voit pas.', value: this.alt ?? e.image?.alt ?? '', error: this.errors['event-image-alt'], maxlength: 300 }))}
        ${this.bar('image')}
        <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
          <li><button class="fr-btn fr-btn--secondary" type="submit" ?disabled=${busy}>Enregistrer l’image</button></li>
          ${e.image ? html`<li><button class="fr-btn fr-btn--tertiary" type="button" ?disabled=${busy} @click=${this.removeImage}>Retirer l’image</button></li>` : nothing}
        </ul>
      </form>
      <h2 class="fr-h4 fr-mt-6w" id="media-files-title">Fichiers joints</h2>
      ${this.messageBox('files')}
      ${
        e.files.length
          ? html`<ul class="fr-raw-list fr-mb-2w">${e.files.map(
              (f) => html`<li class="fr-mb-1w"><a class="fr-link" href=${f.url} download>${EVENT_FILE_KINDS[f.kind]} : ${f.title}</a>
                <button class="fr-btn fr-btn--tertiary fr-btn--sm fr-ml-1w" type="button" aria-label=${`Retirer le fichier « ${f.title} »`} @click=${() => this.removeFile(f)}>Retirer</button></li>`,
            )}</ul>`
          : html`<p>Aucun fichier joint.</p>`
      }
      <form id="event-file-form" novalidate @input=${this.onField} @change=${this.onField} @submit=${this.onFile} aria-labelledby="media-files-title">
        ${fieldRow(selectField({ id: 'event-file-kind', name: 'kind', label: 'Nature du fichier', value: this.fileKind, options: Object.entries(EVENT_FILE_KINDS).map(([value, label]) => ({ value, label })) }))}
        ${fieldRow(textField({ id: 'event-file-title', name: 'title', label: 'Titre du fichier', optional: true, hint: 'Vide : le nom du fichier.', value: this.fileTitle, maxlength: 200 }))}
        ${this.fileInput('event-file-file', 'Fichier', 'PDF, image ou document bureautique.', '')}
        ${this.bar('files')}
        <button class="fr-btn fr-btn--secondary" type="submit" ?disabled=${busy}>Ajouter le fichier</button>
      </form>`;
  }
}

customElements.define('mai-event-media-editor', MaiEventMediaEditor);
