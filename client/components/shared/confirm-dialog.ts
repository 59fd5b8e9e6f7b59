/**
 * `askConfirmation`: the DSFR modal asked before every destructive or hard-to-undo action (never the
 * browser's own `confirm`), on shared/modal.ts (focus kept inside, Échap closes, focus back to the
 * control that opened it).
 */
import { html } from 'lit';
import { openModal } from './modal.js';

/** What the modal says. */
export interface ConfirmOptions {
  title: string;
  body: string;
  /** The label of the confirming button ("Supprimer", "Désactiver le compte"…). */
  confirmLabel: string;
  cancelLabel?: string;
}

/** Opens the modal; resolves true when confirmed, false when cancelled or closed. */
export async function askConfirmation(o: ConfirmOptions): Promise<boolean> {
  let answer = false;
  await openModal({
    name: 'mai-confirm-dialog',
    cols: 'fr-col-12 fr-col-md-8 fr-col-lg-6',
    describedByBody: true,
    // The safe choice has the focus: Entrée by habit never destroys anything.
    initialFocus: '.mai-confirm-dialog__no',
    content: (id, close) => {
      const answered = (yes: boolean) => {
        answer = yes;
        close();
      };
      return html`<div class="fr-modal__content">
          <h1 id=${`${id}-title`} class="fr-modal__title">${o.title}</h1>
          <p id=${`${id}-body`}>${o.body}</p>
        </div>
        <div class="fr-modal__footer">
          <ul class="fr-btns-group fr-btns-group--right fr-btns-group--inline-reverse fr-btns-group--inline-lg">
            <li><button class="fr-btn mai-confirm-dialog__yes" type="button" @click=${() => answered(true)}>${o.confirmLabel}</button></li>
            <li><button class="fr-btn fr-btn--secondary mai-confirm-dialog__no" type="button" @click=${() => answered(false)}>${o.cancelLabel ?? 'Annuler'}</button></li>
          </ul>
        </div>`;
    },
  });
  return answer;
}
