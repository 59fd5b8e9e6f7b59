/** Template helpers for the fields the account forms share (sign-up, the admin's new account, my profile). */
import { html, type TemplateResult } from 'lit';
import type { AccountType, Department } from '../../../server/protocol/index.js';
import type { PasswordRule } from '../../state/password-rules.js';
import { fieldRow, radioGroup, selectField, type TextFieldOptions } from '../shared/fields.js';
import './mai-password-field.js';

/** The départements as select options, « 69 — Rhône ». */
export function departmentOptions(departments: Department[]): { value: string; label: string }[] {
  return departments.map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` }));
}

/** The optional civility, as inline radios. */
export function civilityRow(prefix: string, value: string, error: string | undefined): TemplateResult {
  return fieldRow(
    radioGroup({
      id: `${prefix}-civility`,
      name: 'civility',
      label: 'Civilité',
      optional: true,
      value,
      error,
      options: [
        { value: 'mme', label: 'Madame' },
        { value: 'm', label: 'Monsieur' },
      ],
    }),
  );
}

/** The required département select. */
export function departmentRow(o: {
  prefix: string;
  value: string;
  error: string | undefined;
  placeholder: string;
  departments: Department[];
}): TemplateResult {
  return fieldRow(
    selectField({
      id: `${o.prefix}-departmentCode`,
      name: 'departmentCode',
      label: 'Département',
      value: o.value,
      error: o.error,
      placeholder: o.placeholder,
      options: departmentOptions(o.departments),
    }),
  );
}

/** The optional work fields (employer, job, town, phone), made by the form's `textRows`. */
export function workRows(
  row: (name: 'employer' | 'jobTitle' | 'city' | 'phone', label: string, extra?: Partial<TextFieldOptions>) => TemplateResult,
  phoneHint?: string,
): TemplateResult {
  return html`${row('employer', 'Employeur', { optional: true, autocomplete: 'organization' })}
    ${row('jobTitle', 'Fonction', { optional: true, autocomplete: 'organization-title' })}
    ${row('city', 'Commune', { optional: true, autocomplete: 'address-level2' })}
    ${row('phone', 'Téléphone', { optional: true, type: 'tel', autocomplete: 'tel', inputmode: 'tel', hint: phoneHint ?? 'Numéro français, par exemple 06 12 34 56 78 ou +33 6 12 34 56 78.' })}`;
}

/** A new password with its live rules. */
export function newPasswordField(o: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  rules: PasswordRule[];
}): TemplateResult {
  return html`<mai-password-field
    .inputId=${o.id}
    .name=${'password'}
    .label=${o.label}
    .autocomplete=${'new-password'}
    .value=${o.value}
    .error=${o.error ?? ''}
    .rules=${o.rules}
  ></mai-password-field>`;
}

/** The account type chosen at sign-up (those needing validation say so). */
export function accountTypeRow(value: string, error: string | undefined, types: AccountType[]): TemplateResult {
  return fieldRow(
    selectField({
      id: 'register-accountType',
      name: 'accountType',
      label: 'Type de compte',
      value: value || 'membre',
      error,
      hint: 'Les types marqués « sur validation » sont vérifiés par un administrateur ; en attendant, votre compte fonctionne comme un compte de membre.',
      options: types.map((t) => ({ value: t.key, label: t.needsValidation ? `${t.label} (sur validation)` : t.label })),
    }),
  );
}
