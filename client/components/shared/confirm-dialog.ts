/**
 * `askConfirmation`: the DSFR modal asked before every destructive or hard-to-undo action (never the
 * browser's own `confirm`). A native <dialog> opened with showModal() keeps focus inside and closes
 * on Échap; on close the focus goes back to the control that opened it.
 */
import { html, render } from 'lit';

/** What the modal says. */
export interface ConfirmOptions {
  title: string;
  body: string;
  /** The label of the confirming button ("Supprimer", "Désactiver le compte"…). */
  confirmLabel: string;
  cancelLabel?: string;
}

let counter = 0;

/** Opens the modal; resolves true when confirmed, false when cancelled or closed. */
export function askConfirmation(o: ConfirmOptions): Promise<boolean> {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const id = `mai-confirm-dialog-${++counter}`;
  const dialog = document.createElement('dialog');
  dialog.id = id;
  dialog.className = 'fr-modal fr-modal--opened mai-confirm-dialog';
  dialog.setAttribute('aria-labelledby', `${id}-title`);
  dialog.setAttribute('aria-describedby', `${id}-body`);
  document.body.append(dialog);
  return new Promise<boolean>((resolve) => {
    let answer = false;
    const close = (yes: boolean) => {
      answer = yes;
      dialog.close();
    };
    dialog.addEventListener('close', () => {
      dialog.remove();
      // Back where the person was, so that they carry on from the same place.
      if (opener?.isConnected) opener.focus();
      resolve(answer);
    });
    render(
      html`<div class="fr-container fr-container--fluid fr-container-md">
        <div class="fr-grid-row fr-grid-row--center">
          <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
            <div class="fr-modal__body">
              <div class="fr-modal__header">
                <button class="fr-btn--close fr-btn" type="button" title="Fermer" @click=${() => close(false)}>Fermer</button>
              </div>
              <div class="fr-modal__content">
                <h1 id=${`${id}-title`} class="fr-modal__title">${o.title}</h1>
                <p id=${`${id}-body`}>${o.body}</p>
              </div>
              <div class="fr-modal__footer">
                <ul class="fr-btns-group fr-btns-group--right fr-btns-group--inline-reverse fr-btns-group--inline-lg">
                  <li><button class="fr-btn mai-confirm-dialog__yes" type="button" @click=${() => close(true)}>${o.confirmLabel}</button></li>
                  <li><button class="fr-btn fr-btn--secondary mai-confirm-dialog__no" type="button" @click=${() => close(false)}>${o.cancelLabel ?? 'Annuler'}</button></li>
                </ul>
              </div>
            </div>
          </div>
        </div>
      </div>`,
      dialog,
    );
    dialog.showModal();
    // The safe choice has the focus: Entrée by habit never destroys anything.
    dialog.querySelector<HTMLElement>('.mai-confirm-dialog__no')?.focus();
  });
}
