/** <mai-composer>: the message field. Enter sends, Shift+Enter goes to a new line. */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { Message } from '../../api/chat.js';
import type { PendingUpload } from '../../state/uploads-store.js';
import { fileSizeLabel } from './file-labels.js';

/** The server's limit. */
export const MAX_BODY = 10_000;

/**
 * Leaf: `channelId`, `channelName`, `replyTo`, `notice`, `disabled`, `attachments` in;
 * `mai-send` `{ body, replyToId }`, `mai-typing`, `mai-cancel-reply`, `mai-attach` `{ files }`
 * (picked, dropped or pasted) and `mai-detach` `{ key }` (cancel or remove a file) out.
 */
export class MaiComposer extends LitElement {
  static properties = {
    channelId: { type: Number },
    channelName: {},
    replyTo: { attribute: false },
    notice: {},
    disabled: { type: Boolean },
    attachments: { attribute: false },
    draftScope: {},
    length: { state: true },
    dragging: { state: true },
  };

  channelId: number | null = null;
  channelName = '';
  replyTo: Message | null = null;
  notice = '';
  disabled = false;
  attachments: PendingUpload[] = [];
  /** Whose drafts these are (the user id): drafts are kept in localStorage per person and channel, so a reload keeps them. */
  draftScope = '';
  length = 0;
  dragging = false;
  private draftKey(channelId: number): string {
    return `maillage.draft.${this.draftScope}.${channelId}`;
  }

  private readDraft(channelId: number): string {
    try {
      return localStorage.getItem(this.draftKey(channelId)) ?? '';
    } catch {
      return '';
    }
  }

  /** Keeps what is typed for this channel (an empty field forgets it). */
  private saveDraft(channelId: number | null, text: string): void {
    if (channelId === null) return;
    try {
      if (text) localStorage.setItem(this.draftKey(channelId), text);
      else localStorage.removeItem(this.draftKey(channelId));
    } catch {
      // Storage full or refused: the draft lives as long as the page.
    }
  }

  createRenderRoot() {
    return this;
  }

  private get area(): HTMLTextAreaElement | null {
    return this.querySelector('textarea');
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('channelId')) {
      const previous = changed.get('channelId') as number | null | undefined;
      if (previous != null && this.area) this.saveDraft(previous, this.area.value);
    }
  }

  protected updated(changed: PropertyValues<this>): void {
    const area = this.area;
    if (!area) return;
    if (changed.has('channelId') && this.channelId !== null) {
      area.value = this.readDraft(this.channelId);
      this.length = area.value.length;
    }
    // Choosing "Répondre" puts the caret in the field.
    if (changed.has('replyTo') && this.replyTo) area.focus();
  }

  /** Focuses the field (after a channel switch, for instance). */
  focusField(): void {
    this.area?.focus();
  }

  private send() {
    const area = this.area;
    if (!area || this.disabled) return;
    const body = area.value;
    if ((!body.trim() && !this.attachments.some((a) => a.state !== 'failed')) || body.length > MAX_BODY) return;
    this.dispatchEvent(new CustomEvent('mai-send', { detail: { body, replyToId: this.replyTo?.id ?? null }, bubbles: true }));
    area.value = '';
    this.length = 0;
    this.saveDraft(this.channelId, '');
  }

  private onKeydown(e: KeyboardEvent) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      this.send();
    } else if (e.key === 'Escape' && this.replyTo) {
      e.preventDefault();
      this.dispatchEvent(new CustomEvent('mai-cancel-reply', { bubbles: true }));
    }
  }

  private attach(files: FileList | File[] | null | undefined) {
    const list = [...(files ?? [])];
    if (list.length) this.dispatchEvent(new CustomEvent('mai-attach', { detail: { files: list }, bubbles: true }));
  }

  /** A pasted image (a screenshot) becomes an attachment; pasted text stays text. */
  private onPaste(e: ClipboardEvent) {
    const files = e.clipboardData?.files;
    if (files?.length) {
      e.preventDefault();
      this.attach(files);
    }
  }

  private onDrop(e: DragEvent) {
    e.preventDefault();
    this.dragging = false;
    if (!this.disabled) this.attach(e.dataTransfer?.files);
  }

  private onDragOver(e: DragEvent) {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    this.dragging = true;
  }

  private attachmentList() {
    if (!this.attachments.length) return nothing;
    return html`<ul class="mai-attachments" aria-label="Fichiers joints">
      ${this.attachments.map((a) => {
        const label = a.state === 'uploading' ? 'Annuler' : 'Retirer';
        return html`<li class="mai-attachments__item ${a.state === 'failed' ? 'mai-attachments__item--failed' : ''}" data-upload=${a.key}>
          <span class="mai-attachments__name">${a.name}</span>
          <span class="fr-text--xs mai-muted">${fileSizeLabel(a.size)}</span>
          ${
            a.state === 'uploading'
              ? html`<progress max="100" value=${Math.round(a.progress * 100)} aria-label=${`Téléversement de ${a.name}`}></progress>
                <span class="fr-text--xs" aria-hidden="true">${Math.round(a.progress * 100)} %</span>`
              : a.state === 'done'
                ? html`<span class="fr-text--xs mai-attachments__ok">prêt</span>`
                : html`<span class="fr-error-text fr-text--xs fr-mt-0">${a.error}</span>`
          }
          <button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-icon-close-line fr-btn--icon-left" type="button"
            aria-label=${`${label} ${a.name}`} @click=${() => this.dispatchEvent(new CustomEvent('mai-detach', { detail: { key: a.key }, bubbles: true }))}>${label}</button>
        </li>`;
      })}
    </ul>`;
  }

  private onInput() {
    this.length = this.area?.value.length ?? 0;
    this.saveDraft(this.channelId, this.area?.value ?? '');
    if (this.length) this.dispatchEvent(new CustomEvent('mai-typing', { bubbles: true }));
  }

  render() {
    const over = this.length > MAX_BODY;
    const uploading = this.attachments.some((a) => a.state === 'uploading');
    return html`<form class="mai-chat-composer ${this.dragging ? 'mai-chat-composer--drop' : ''}" @submit=${(e: Event) => {
      e.preventDefault();
      this.send();
    }} @dragover=${this.onDragOver} @dragleave=${() => (this.dragging = false)} @drop=${this.onDrop}>
      ${this.notice ? html`<p class="fr-text--sm fr-mb-1w mai-muted">${this.notice}</p>` : nothing}
      ${
        this.replyTo
          ? html`<div class="mai-chat-composer__reply">
            <p class="fr-text--sm fr-mb-0">En réponse à <strong>${this.replyTo.author.displayName}</strong> :
              ${this.replyTo.body.length > 120 ? `${this.replyTo.body.slice(0, 120)}…` : this.replyTo.body}</p>
            <button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-icon-close-line fr-btn--icon-left" type="button"
              @click=${() => this.dispatchEvent(new CustomEvent('mai-cancel-reply', { bubbles: true }))}>Annuler la réponse</button>
          </div>`
          : nothing
      }
      ${this.attachmentList()}
      <div class="mai-chat-composer__row">
        <div class="fr-input-group fr-mb-0 mai-chat-composer__field ${over ? 'fr-input-group--error' : ''}">
          <label class="fr-label fr-sr-only" for="mai-composer-input">Écrire dans ${this.channelName}</label>
          <textarea class="fr-input" id="mai-composer-input" rows="2" placeholder="Écrire dans ${this.channelName}"
            aria-describedby="mai-composer-hint" ?disabled=${this.disabled} @keydown=${this.onKeydown} @input=${this.onInput}
            @paste=${this.onPaste}></textarea>
          <p class="fr-hint-text fr-text--xs fr-mt-1v" id="mai-composer-hint">
            ${
              over
                ? html`<span class="fr-error-text fr-mt-0">Message trop long : ${this.length} caractères sur ${MAX_BODY}.</span>`
                : uploading
                  ? 'Le message partira dès que les fichiers seront téléversés.'
                  : 'Entrée pour envoyer, Maj+Entrée pour aller à la ligne. **gras**, *italique*, `code`, liens. Glissez ou collez des fichiers pour les joindre.'
            }
          </p>
        </div>
        <input type="file" multiple class="fr-sr-only" id="mai-composer-files" tabindex="-1" aria-hidden="true"
          @change=${(e: Event) => {
            const input = e.target as HTMLInputElement;
            this.attach(input.files);
            input.value = '';
          }} />
        <button class="fr-btn fr-btn--secondary fr-icon-attachment-line fr-btn--icon-left" type="button" ?disabled=${this.disabled}
          @click=${() => this.querySelector<HTMLInputElement>('#mai-composer-files')?.click()}>Joindre</button>
        <button class="fr-btn fr-icon-send-plane-fill fr-btn--icon-left" type="submit" ?disabled=${this.disabled || over}>Envoyer</button>
      </div>
    </form>`;
  }
}

customElements.define('mai-composer', MaiComposer);
