/** The frame of the account pages (sign-in, sign-up, passwords, terms): a centred column, and the one-form submit flow. */
import { LitElement, html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import { FIELDS_REFUSED, focusErrors } from './fields.js';
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

  /**
   * `submit` for a form whose fields show their own errors (`errors`, the form's checks): on a refusal the
   * server's field errors replace them (`setErrors`), after `adjust` has put a refusal's code under its field,
   * and `showRefusal` says what to do.
   */
  protected async submitFields(
    errors: Record<string, string>,
    setErrors: (fields: Record<string, string>) => void,
    send: () => Promise<void>,
    adjust?: (err: unknown, fields: Record<string, string>) => void | Promise<void>,
  ): Promise<void> {
    await this.submit(errors, send, async (err) => {
      const fields = err instanceof ApiError ? err.fieldErrors : {};
      await adjust?.(err, fields);
      setErrors(fields);
      await this.showRefusal(err, fields);
    });
  }

  /**
   * The anti-robot answer of the form's <mai-anti-robot> once its check is done (undefined when the
   * form shows none); a check that failed becomes a field error under it.
   */
  protected async antiRobotAnswer(): Promise<string | undefined> {
    const check = this.querySelector('mai-anti-robot');
    if (!check) return undefined;
    try {
      return await check.whenVerified();
    } catch (e) {
      throw new ApiError(400, 'anti_robot_invalid', (e as Error).message, { fields: { altcha: (e as Error).message } });
    }
  }

  /**
   * Shows a refusal of a public form: a fresh anti-robot check starts unless the refusal came before
   * the answer was read (invalid_payload), the form error says what to do, focus goes to the first field
   * in error (else the alert). The caller has set its own field errors to `fields` first.
   */
  protected async showRefusal(err: unknown, fields: Record<string, string>): Promise<void> {
    const check = this.querySelector('mai-anti-robot');
    // Field refusals (the sign-up's e-mail domain too) come before the answer is spent: it stays valid.
    const beforeCheck = err instanceof ApiError && (err.code === 'invalid_payload' || err.code === 'email_domain_not_allowed');
    if (check && !beforeCheck) check.reset();
    this.formError = Object.keys(fields).length ? FIELDS_REFUSED : errorMessage(err);
    await focusErrors(this, fields);
  }
}
