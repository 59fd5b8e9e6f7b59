/** <mai-admin-user-create>: the admin's form to create an account (the person chooses their password from the welcome mail). */
import { LitElement, html } from 'lit';
import type { AdminCreateUserInput } from '../../api/admin-users.js';
import type { Department, Role } from '../../../server/protocol/index.js';
import { accountErrors } from '../../state/form-checks.js';
import { USERNAME_HINT } from '../../state/password-rules.js';
import { departmentRow } from '../accounts/account-fields.js';
import { checkbox, fieldRow, fieldValue, focusErrors, focusFirstError, selectField, textRows } from '../shared/fields.js';
import { ROLE_OPTIONS } from '../shared/labels.js';

const EMPTY = { email: '', firstName: '', lastName: '', username: '', departmentCode: '', role: 'member' };
type Values = typeof EMPTY;
const REQUIRED: [keyof Values, string][] = [
  ['firstName', 'Saisissez le prénom.'],
  ['lastName', 'Saisissez le nom.'],
  ['username', "Saisissez le nom d'utilisateur."],
  ['email', "Saisissez l'adresse électronique."],
  ['departmentCode', 'Choisissez le département.'],
];

/** Leaf: fires `mai-user-create` `{ input }`; the container calls `reset()` on success. */
export class MaiAdminUserCreate extends LitElement {
  static properties = {
    departments: { attribute: false },
    busy: { type: Boolean },
    errors: { attribute: false },
    values: { state: true },
    chatOnly: { state: true },
    localErrors: { state: true },
  };

  departments: Department[] = [];
  busy = false;
  errors: Record<string, string> = {};
  values: Values = { ...EMPTY };
  chatOnly = false;
  localErrors: Record<string, string> = {};

  createRenderRoot() {
    return this;
  }

  /** Empties the form. */
  reset() {
    this.values = { ...EMPTY };
    this.chatOnly = false;
    this.localErrors = {};
  }

  updated(changed: Map<string, unknown>) {
    if (changed.has('errors') && Object.keys(this.errors).length) focusFirstError(this);
  }

  private onInput(e: Event) {
    const kv = fieldValue(e);
    if (!kv) return;
    if (kv[0] === 'chatOnly') this.chatOnly = Boolean(kv[1]);
    else this.values = { ...this.values, [kv[0]]: String(kv[1]) };
  }

  private async onSubmit(e: Event) {
    e.preventDefault();
    const v = this.values;
    const errors = accountErrors({ ...v, password: '' }, REQUIRED, '');
    this.localErrors = errors;
    if (await focusErrors(this, errors)) return;
    const input: AdminCreateUserInput = {
      email: v.email.trim(),
      firstName: v.firstName.trim(),
      lastName: v.lastName.trim(),
      username: v.username.trim(),
      departmentCode: v.departmentCode,
      role: v.role as Role,
      chatOnly: this.chatOnly,
    };
    this.dispatchEvent(new CustomEvent('mai-user-create', { detail: { input }, bubbles: true }));
  }

  render() {
    const v = this.values;
    const err = { ...this.errors, ...this.localErrors };
    const field = textRows('create', v, err);
    return html`<form novalidate aria-label="Créer un compte" @input=${this.onInput} @change=${this.onInput} @submit=${this.onSubmit}>
      <fieldset class="fr-fieldset">
        <legend class="fr-fieldset__legend">
          La personne reçoit un courriel de bienvenue avec un lien pour choisir son mot de passe (valable 7 jours, une seule fois). Tous les champs sont obligatoires.
        </legend>
        ${field('firstName', 'Prénom', { autocomplete: 'off' })}
        ${field('lastName', 'Nom', { autocomplete: 'off' })}
        ${field('username', "Nom d'utilisateur", { autocomplete: 'off', hint: USERNAME_HINT })}
        ${field('email', 'Adresse électronique', { type: 'email', autocomplete: 'off' })}
        ${departmentRow({ prefix: 'create', value: v.departmentCode, error: err.departmentCode, placeholder: 'Sélectionnez un département', departments: this.departments })}
        ${fieldRow(selectField({ id: 'create-role', name: 'role', label: 'Rôle', value: v.role, error: err.role, options: ROLE_OPTIONS }))}
        ${fieldRow(
          checkbox({
            id: 'create-chatOnly',
            name: 'chatOnly',
            label: 'Accès aux discussions uniquement',
            hint: 'Pour les coordinateurs et partenaires invités.',
            checked: this.chatOnly,
            error: err.chatOnly,
          }),
        )}
      </fieldset>
      <button class="fr-btn" type="submit" ?disabled=${this.busy}>
        ${this.busy ? 'Création en cours…' : 'Créer le compte'}
      </button>
    </form>`;
  }
}

customElements.define('mai-admin-user-create', MaiAdminUserCreate);
