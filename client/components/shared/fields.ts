/** Template helpers for DSFR form fields (plain functions, not elements; light DOM only). */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import { focusAfter, focusFirstInvalid } from './focus.js';

/** Options shared by the helpers. */
export interface FieldOptions {
  id: string;
  name: string;
  label: string;
  value: string;
  error?: string;
  hint?: string;
  optional?: boolean;
  /** Optional fields say "(facultatif)" unless this is false (search filters). */
  markOptional?: boolean;
  disabled?: boolean;
}

function label(o: FieldOptions): TemplateResult {
  return html`<label class="fr-label" for=${o.id}
    >${o.label}${o.optional && o.markOptional !== false ? ' (facultatif)' : nothing}${
      o.hint ? html`<span class="fr-hint-text">${o.hint}</span>` : nothing
    }</label
  >`;
}

function errorText(o: FieldOptions): TemplateResult | typeof nothing {
  return o.error ? html`<p class="fr-error-text" id=${`${o.id}-error`}>${o.error}</p>` : nothing;
}

/** What `textField` takes. */
export type TextFieldOptions = FieldOptions & { type?: string; autocomplete?: string; inputmode?: string; maxlength?: number };

/** A DSFR text input (fr-input-group), with error state and aria wiring. */
export function textField(o: TextFieldOptions): TemplateResult {
  return html`<div class="fr-input-group ${o.error ? 'fr-input-group--error' : ''}">
    ${label(o)}
    <input
      class="fr-input ${o.error ? 'fr-input--error' : ''}"
      id=${o.id}
      name=${o.name}
      type=${o.type ?? 'text'}
      .value=${live(o.value)}
      autocomplete=${ifDefined(o.autocomplete)}
      inputmode=${ifDefined(o.inputmode)}
      maxlength=${ifDefined(o.maxlength)}
      ?required=${!o.optional}
      ?disabled=${o.disabled}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(o.error ? `${o.id}-error` : undefined)}
    />
    ${errorText(o)}
  </div>`;
}

/** A DSFR textarea. */
export function textArea(o: FieldOptions & { rows?: number; maxlength?: number }): TemplateResult {
  return html`<div class="fr-input-group ${o.error ? 'fr-input-group--error' : ''}">
    ${label(o)}
    <textarea
      class="fr-input ${o.error ? 'fr-input--error' : ''}"
      id=${o.id}
      name=${o.name}
      rows=${o.rows ?? 4}
      maxlength=${ifDefined(o.maxlength)}
      .value=${live(o.value)}
      ?required=${!o.optional}
      ?disabled=${o.disabled}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(o.error ? `${o.id}-error` : undefined)}
    ></textarea>
    ${errorText(o)}
  </div>`;
}

/** A DSFR select (fr-select-group); `placeholder` adds a disabled empty first option. */
export function selectField(o: FieldOptions & { options: { value: string; label: string }[]; placeholder?: string }): TemplateResult {
  return html`<div class="fr-select-group ${o.error ? 'fr-select-group--error' : ''}">
    ${label(o)}
    <select
      class="fr-select ${o.error ? 'fr-select--error' : ''}"
      id=${o.id}
      name=${o.name}
      ?required=${!o.optional}
      ?disabled=${o.disabled}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(o.error ? `${o.id}-error` : undefined)}
    >
      ${
        o.placeholder !== undefined
          ? html`<option value="" ?disabled=${!o.optional} ?selected=${o.value === ''}>${o.placeholder}</option>`
          : nothing
      }
      ${o.options.map((opt) => html`<option value=${opt.value} ?selected=${opt.value === o.value}>${opt.label}</option>`)}
    </select>
    ${errorText(o)}
  </div>`;
}

/** An inline radio group in a DSFR fieldset. */
export function radioGroup(o: FieldOptions & { options: { value: string; label: string }[] }): TemplateResult {
  return html`<fieldset
    class="fr-fieldset ${o.error ? 'fr-fieldset--error' : ''}"
    id=${o.id}
    aria-labelledby=${`${o.id}-legend ${o.id}-messages`}
  >
    <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id=${`${o.id}-legend`}>
      ${o.label}${o.optional ? ' (facultatif)' : nothing}
    </legend>
    ${o.options.map(
      (opt, i) => html`<div class="fr-fieldset__element fr-fieldset__element--inline">
        <div class="fr-radio-group">
          <input
            type="radio"
            id=${`${o.id}-${i}`}
            name=${o.name}
            value=${opt.value}
            .checked=${live(o.value === opt.value)}
          />
          <label class="fr-label" for=${`${o.id}-${i}`}>${opt.label}</label>
        </div>
      </div>`,
    )}
    <div class="fr-messages-group" id=${`${o.id}-messages`} aria-live="polite">
      ${o.error ? html`<p class="fr-message fr-message--error">${o.error}</p>` : nothing}
    </div>
  </fieldset>`;
}

/** A DSFR checkbox. */
export function checkbox(o: Omit<FieldOptions, 'value'> & { checked: boolean }): TemplateResult {
  return html`<div class="fr-checkbox-group ${o.error ? 'fr-checkbox-group--error' : ''}">
    <input
      type="checkbox"
      id=${o.id}
      name=${o.name}
      .checked=${live(o.checked)}
      ?disabled=${o.disabled}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${`${o.id}-messages`}
    />
    <label class="fr-label" for=${o.id}
      >${o.label}${o.hint ? html`<span class="fr-hint-text">${o.hint}</span>` : nothing}</label
    >
    <div class="fr-messages-group" id=${`${o.id}-messages`} aria-live="polite">
      ${o.error ? html`<p class="fr-message fr-message--error">${o.error}</p>` : nothing}
    </div>
  </div>`;
}

/** A DSFR alert; errors are announced (role="alert"), successes politely (role="status"). */
export function alertBox(kind: 'error' | 'success' | 'info' | 'warning', text: string, title?: string): TemplateResult {
  return html`<div
    class="fr-alert fr-alert--${kind} ${title ? '' : 'fr-alert--sm'} fr-mb-3w"
    role=${kind === 'error' ? 'alert' : 'status'}
  >
    ${title ? html`<h2 class="fr-alert__title">${title}</h2>` : nothing}
    <p>${text}</p>
  </div>`;
}

/** The outcome of an action, shown over a container's content. */
export interface Notice {
  kind: 'success' | 'error';
  text: string;
}

/** A notice's alert, or nothing. */
export function noticeAlert(n: Notice | null): TemplateResult | typeof nothing {
  return n ? alertBox(n.kind, n.text) : nothing;
}

/** Reads a form control event into a `{ name: value }` pair (checkbox → boolean). */
export function fieldValue(e: Event): [string, string | boolean] | null {
  const t = e.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;
  if (!t || !('name' in t) || !t.name) return null;
  if (t instanceof HTMLInputElement && t.type === 'checkbox') return [t.name, t.checked];
  return [t.name, t.value];
}

/** `values` with the field of a form control event set (as text); the same object when the event names no field. */
export function withField<T extends object>(values: T, e: Event): T {
  const kv = fieldValue(e);
  return kv ? { ...values, [kv[0]]: String(kv[1]) } : values;
}

/** Moves focus to the first control marked aria-invalid inside `root` (through the focus helper, announced). */
export function focusFirstError(root: HTMLElement): void {
  void focusFirstInvalid(root);
}

/** Answers whether `errors` has any; if so, focus moves to the first invalid field once `host` has rendered them. */
export async function focusErrors(
  host: HTMLElement & { updateComplete: Promise<unknown> },
  errors: Record<string, string | undefined>,
): Promise<boolean> {
  if (!Object.values(errors).some(Boolean)) return false;
  await focusFirstInvalid(host);
  return true;
}

/** What the form says over itself when the server refused some of its fields. */
export const FIELDS_REFUSED = 'Le formulaire contient des erreurs : corrigez les champs signalés.';

/**
 * A refused save of an editor page (article, resource…): the server's field errors in place, a notice over
 * the form, and the focus on the first field in error, else on the alert. What was typed stays.
 */
export async function showSaveRefusal(
  host: HTMLElement & { updateComplete: Promise<unknown>; errors: Record<string, string>; notice: Notice | null },
  err: unknown,
): Promise<void> {
  const fields = err instanceof ApiError ? err.fieldErrors : {};
  host.errors = fields;
  host.notice = { kind: 'error', text: Object.keys(fields).length ? FIELDS_REFUSED : errorMessage(err) };
  if (!(await focusErrors(host, fields))) void focusAfter(host, '.fr-alert--error');
}

/** A field inside a DSFR fieldset. */
export function fieldRow(content: unknown): TemplateResult {
  return html`<div class="fr-fieldset__element">${content}</div>`;
}

/** Text fields of one form in fieldset rows: ids `<prefix>-<name>`, value and error looked up by name. */
export function textRows<K extends string>(prefix: string, values: Record<K, string>, errors: Record<string, string | undefined>) {
  return (name: K, label: string, extra: Partial<TextFieldOptions> = {}): TemplateResult =>
    fieldRow(textField({ id: `${prefix}-${name}`, name, label, value: values[name], error: errors[name], ...extra }));
}
