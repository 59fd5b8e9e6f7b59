/**
 * `openModal`: a DSFR modal on a native <dialog>. showModal() makes the page inert and Échap closes it;
 * Tab wraps around inside (past the last control it would leave for the browser's own controls); on
 * close the dialog is removed and the focus goes back to the control that opened it, so the person
 * carries on from the same place.
 */
import { html, render, type TemplateResult } from 'lit';
import { wrapTab } from './focus.js';

export interface ModalOptions {
  /** Extra class of the <dialog> (`mai-confirm-dialog`…), also the prefix of its ids. */
  name: string;
  /** The DSFR column classes of the modal's width. */
  cols: string;
  /** The modal's content under its close button; `id` prefixes the title's id (`${id}-title`). */
  content: (id: string, close: () => void) => TemplateResult;
  /** Also described by `${id}-body`. */
  describedByBody?: boolean;
  /** The control focused on opening (a selector inside the dialog). */
  initialFocus: string;
}

let counter = 0;

/** Opens the modal; resolves when it is closed, whatever closed it. */
export function openModal(o: ModalOptions): Promise<void> {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const id = `${o.name}-${++counter}`;
  const dialog = document.createElement('dialog');
  dialog.id = id;
  dialog.className = `fr-modal fr-modal--opened ${o.name}`;
  dialog.setAttribute('aria-labelledby', `${id}-title`);
  if (o.describedByBody) dialog.setAttribute('aria-describedby', `${id}-body`);
  document.body.append(dialog);
  const close = () => dialog.close();
  return new Promise<void>((resolve) => {
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener?.isConnected) opener.focus();
      resolve();
    });
    render(
      html`<div class="fr-container fr-container--fluid fr-container-md">
        <div class="fr-grid-row fr-grid-row--center">
          <div class=${o.cols}>
            <div class="fr-modal__body">
              <div class="fr-modal__header">
                <button class="fr-btn--close fr-btn ${o.name}__close" type="button" title="Fermer" @click=${close}>Fermer</button>
              </div>
              ${o.content(id, close)}
            </div>
          </div>
        </div>
      </div>`,
      dialog,
    );
    const focusable = 'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled])';
    dialog.addEventListener('keydown', (e) => wrapTab(e, [...dialog.querySelectorAll<HTMLElement>(focusable)]));
    dialog.showModal();
    dialog.querySelector<HTMLElement>(o.initialFocus)?.focus();
  });
}
