/**
 * `openImageViewer`: a chat image at full size in a DSFR modal (shared/modal.ts: focus kept inside,
 * Échap closes, focus back to the thumbnail that opened it), with its name as text alternative and a
 * download link.
 */
import { html } from 'lit';
import type { MessageFile } from '../../api/chat.js';
import { openModal } from '../shared/modal.js';
import { fileSizeLabel } from './file-labels.js';

/** Opens the viewer on one image; resolves when it is closed. */
export function openImageViewer(file: MessageFile): Promise<void> {
  return openModal({
    name: 'mai-image-viewer',
    cols: 'fr-col-12 fr-col-lg-10',
    initialFocus: '.mai-image-viewer__close',
    content: (id) =>
      html`<div class="fr-modal__content">
        <h1 id=${`${id}-title`} class="fr-modal__title fr-h5">${file.filename}</h1>
        <img class="mai-image-viewer__img" src=${file.url} alt=${file.filename}
          width=${file.width ?? ''} height=${file.height ?? ''} />
        <p class="fr-text--sm fr-mt-1w">
          ${file.width && file.height ? `${file.width} × ${file.height} px, ` : ''}${fileSizeLabel(file.size)} ·
          <a class="fr-link fr-link--sm" href=${file.downloadUrl} download=${file.filename}>Télécharger</a>
        </p>
      </div>`,
  });
}
