/** <mai-avatar-upload>: choose a photo (checked client side), send it, show progress. */
import { LitElement, html, nothing } from 'lit';
import { AVATAR_MAX_BYTES, AVATAR_TYPES } from '../../api/me.js';
import '../shared/mai-avatar.js';

/** Checks type and size before upload; returns an error message or ''. */
export function checkAvatarFile(file: { type: string; size: number }): string {
  if (!AVATAR_TYPES.includes(file.type)) return 'Formats acceptés : PNG, JPEG ou WebP.';
  if (file.size > AVATAR_MAX_BYTES) return 'La photo dépasse la taille maximale de 2 Mo.';
  return '';
}

/** Leaf: fires `mai-avatar-upload` `{ file }` and `mai-avatar-remove`; the container sets `progress`. */
export class MaiAvatarUpload extends LitElement {
  static properties = {
    src: {},
    initials: {},
    progress: { type: Number },
    busy: { type: Boolean },
    error: {},
    localError: { state: true },
    file: { state: true },
  };

  src: string | null = null;
  initials = '';
  progress: number | null = null;
  busy = false;
  error = '';
  localError = '';
  file: File | null = null;

  createRenderRoot() {
    return this;
  }

  private onPick(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0] ?? null;
    this.localError = file ? checkAvatarFile(file) : '';
    this.file = file && !this.localError ? file : null;
  }

  private onSubmit(e: Event) {
    e.preventDefault();
    if (!this.file) {
      this.localError = this.localError || 'Choisissez d’abord une photo.';
      return;
    }
    this.dispatchEvent(new CustomEvent('mai-avatar-upload', { detail: { file: this.file }, bubbles: true }));
  }

  /** Called by the container after a successful upload. */
  reset() {
    this.file = null;
    this.localError = '';
    const input = this.querySelector<HTMLInputElement>('#avatar-file');
    if (input) input.value = '';
  }

  render() {
    const error = this.localError || this.error;
    return html`<div class="mai-avatar-upload">
      <mai-avatar .src=${this.src} .initials=${this.initials} size="96"></mai-avatar>
      <form novalidate aria-label="Photo de profil" @submit=${this.onSubmit}>
        <div class="fr-upload-group ${error ? 'fr-upload-group--error' : ''}">
          <label class="fr-label" for="avatar-file"
            >Photo de profil
            <span class="fr-hint-text">Taille maximale : 2 Mo. Formats acceptés : PNG, JPEG, WebP.</span></label
          >
          <input
            class="fr-upload"
            type="file"
            id="avatar-file"
            name="file"
            accept="image/png,image/jpeg,image/webp"
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby="avatar-file-error"
            @change=${this.onPick}
          />
          <div id="avatar-file-error" role="alert">${error ? html`<p class="fr-error-text">${error}</p>` : nothing}</div>
        </div>
        ${
          this.progress !== null
            ? html`<label class="fr-label fr-mt-1w" for="avatar-progress">Envoi : ${Math.round(this.progress * 100)} %</label>
              <progress id="avatar-progress" max="100" value=${Math.round(this.progress * 100)}></progress>`
            : nothing
        }
        <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mt-2w">
          <li>
            <button class="fr-btn fr-btn--secondary" type="submit" ?disabled=${this.busy}>
              ${this.busy ? 'Envoi en cours…' : 'Envoyer la photo'}
            </button>
          </li>
          ${
            this.src
              ? html`<li>
                <button class="fr-btn fr-btn--tertiary" type="button" ?disabled=${this.busy}
                  @click=${() => this.dispatchEvent(new CustomEvent('mai-avatar-remove', { bubbles: true }))}>
                  Supprimer la photo
                </button>
              </li>`
              : nothing
          }
        </ul>
      </form>
    </div>`;
  }
}

customElements.define('mai-avatar-upload', MaiAvatarUpload);
