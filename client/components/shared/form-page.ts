/** The frame of the account pages (sign-in, sign-up, passwords, terms): a centred column, and the one-form submit flow. */
import { LitElement, html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { errorMessage } from '../../api/messages.js';
import { focusErrors } from './fields.js';
import { focusFirstInvalid } from './focus.js';

/** A page's centred column under its focusable title (`cols`: the DSFR column classes). */
export function centredPage(title: string, body: unknown, cols = 'fr-col-12 fr-col-md-8 fr-col-lg-6'): TemplateResult {
  return html`<div class="fr-grid-row fr-grid-row--center">
    <div class=${cols}>
      <h1 tabindex="-1">${title}</h1>
      ${body}
    </div>
  </div>`;
}

/** Base of the pages built around one form: `formError` over the form, `busy` while it is sent. */
export class MaiFormPage extends LitElement {
  static properties: PropertyDeclarations = {
    formError: { state: true },
    busy: { state: true },
  };

  formError = '';
  busy = false;

  createRenderRoot() {
    return this;
  }

  /**
   * Sends the form unless `errors` has any (then focus goes to the first):
   * `busy` while `send` runs; a failure goes to `failed`, else it is the form error.
   */
  protected async submit(
    errors: Record<string, string | undefined>,
    send: () => Promise<void>,
    failed?: (err: unknown) => void | Promise<void>,
  ): Promise<void> {
    this.formError = '';
    if (await focusErrors(this, errors)) return;
    this.busy = true;
    try {
      await send();
    } catch (err) {
      if (failed) await failed(err);
      else this.formError = errorMessage(err);
      this.busy = false;
      // The person needs the reason next: the invalid field, else the error alert over the form.
      await focusFirstInvalid(this, this.formError ? '' : undefined);
    } finally {
      this.busy = false;
    }
  }
}
