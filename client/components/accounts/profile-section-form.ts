/**
 * The base of the profile's small forms that act at once (change my e-mail, change my password): checked
 * in the browser first, then sent; on success the fields are emptied and a confirmation is focused; on a
 * refusal what was typed stays and focus goes to the field at fault, else to the alert.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { User } from '../../../server/protocol/index.js';
import { apiContext } from '../../controllers/contexts.js';
import type { Api } from '../../api/index.js';
import { alertBox } from '../shared/fields.js';
import { focusAfter, focusFirstInvalid } from '../shared/focus.js';

export abstract class ProfileSectionForm<V extends Record<string, string>> extends LitElement {
  static properties = {
    user: { attribute: false },
    values: { state: true },
    errors: { state: true },
    formError: { state: true },
    done: { state: true },
    busy: { state: true },
  };

  user: User | null = null;
  abstract values: V;
  errors: Record<string, string> = {};
  formError = '';
  done = '';
  busy = false;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  /** Field errors found before sending (empty: send). */
  protected abstract check(): Record<string, string>;
  /** Sends the values; returns the confirmation to show. Throws ApiError on refusal. */
  protected abstract send(api: Api): Promise<string>;
  /** The values once done (the fields emptied). */
  protected abstract empty(): V;

  protected async onSubmit(e: Event) {
    e.preventDefault();
    this.done = '';
    this.formError = '';
    this.errors = this.check();
    if (Object.keys(this.errors).length) return void focusFirstInvalid(this);
    this.busy = true;
    try {
      this.done = await this.send(this.api.value!);
      this.values = this.empty();
    } catch (err) {
      const fields = err instanceof ApiError ? err.fieldErrors : {};
      if (Object.keys(fields).length) this.errors = fields;
      else this.formError = errorMessage(err);
    } finally {
      this.busy = false;
    }
    if (this.done) void focusAfter(this, '.mai-profile-section__done');
    else void focusFirstInvalid(this, this.formError ? '' : undefined);
  }

  /** The confirmation (focusable, so it is read) and the error alert, over the form. */
  protected outcome() {
    return html`<div class="mai-profile-section__done" tabindex="-1">${this.done ? alertBox('success', this.done) : nothing}</div>
      ${this.formError ? alertBox('error', this.formError) : nothing}`;
  }
}
