/** <mai-register-page> (/inscription): account creation, then "check your mailbox". */
import { ContextConsumer } from '@lit/context';
import { html, nothing } from 'lit';
import type { RegisterInput } from '../../api/auth.js';
import type { AccountType, Civility } from '../../../server/protocol/index.js';
import { apiContext, departmentsContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { accountErrors } from '../../state/form-checks.js';
import { USERNAME_HINT, checkPassword } from '../../state/password-rules.js';
import { accountTypeRow, civilityRow, departmentRow, newPasswordField, workRows } from './account-fields.js';
import { alertBox, fieldRow, textRows, withField } from '../shared/fields.js';
import { MaiFormPage, centredPage } from '../shared/form-page.js';
import '../shared/mai-anti-robot.js';

const EMPTY = {
  civility: '',
  firstName: '',
  lastName: '',
  username: '',
  email: '',
  departmentCode: '',
  phone: '',
  employer: '',
  jobTitle: '',
  city: '',
  accountType: '',
  password: '',
};
type Values = typeof EMPTY;
const REQUIRED: [keyof Values, string][] = [
  ['firstName', 'Saisissez votre prénom.'],
  ['lastName', 'Saisissez votre nom.'],
  ['username', "Choisissez un nom d'utilisateur."],
  ['email', 'Saisissez votre adresse électronique.'],
  ['departmentCode', 'Choisissez votre département.'],
  ['password', 'Choisissez un mot de passe.'],
];

/** Container: validates on the client, posts the registration, shows server field errors. */
export class MaiRegisterPage extends MaiFormPage {
  static properties = {
    types: { state: true },
    values: { state: true },
    errors: { state: true },
    sentTo: { state: true },
    allowedDomains: { state: true },
  };

  values: Values = { ...EMPTY };
  errors: Record<string, string> = {};
  sentTo = '';
  /** The account types offered (GET /api/account-types). */
  types: AccountType[] = [];
  /** The e-mail domains sign-up is restricted to (GET /api/signup-rules); empty: any address. */
  allowedDomains: string[] = [];
  private api = new ContextConsumer(this, { context: apiContext });
  private departments = new StoreController(this, departmentsContext);

  connectedCallback() {
    super.connectedCallback();
    void this.departments.value?.load();
    void this.api.value!.signupRules.get().then(
      (r) => (this.allowedDomains = r.allowedDomains),
      () => undefined,
    );
    void this.api.value!.accountTypes.list().then(
      (r) => (this.types = r.items),
      () => undefined,
    );
  }

  private onInput(e: Event) {
    this.values = withField(this.values, e);
  }

  private validate(): Record<string, string> {
    const v = this.values;
    const errors = accountErrors(v, REQUIRED, 'Le mot de passe ne respecte pas toutes les règles ci-dessus.');
    if (v.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) {
      errors.email = 'Le format attendu est nom@domaine.fr.';
    }
    return errors;
  }

  private async onSubmit(e: Event) {
    e.preventDefault();
    this.errors = this.validate();
    await this.submitFields(
      this.errors,
      (fields) => (this.errors = fields),
      () => this.send(),
    );
  }

  private async send() {
    const v = this.values;
    const input: RegisterInput = {
      email: v.email.trim(),
      password: v.password,
      firstName: v.firstName.trim(),
      lastName: v.lastName.trim(),
      username: v.username.trim(),
      departmentCode: v.departmentCode,
    };
    if (v.civility) input.civility = v.civility as Civility;
    for (const k of ['phone', 'employer', 'jobTitle', 'city'] as const) if (v[k].trim()) input[k] = v[k].trim();
    if (v.accountType) input.accountType = v.accountType;
    const altcha = (await this.antiRobotAnswer())!;
    await this.api.value!.auth.register({ ...input, altcha });
    this.sentTo = input.email;
    await this.updateComplete;
    this.querySelector<HTMLElement>('h1')?.focus();
  }

  /** The e-mail field's hint: the format, and the allowed domains when sign-up is restricted. */
  private emailHint() {
    const d = this.allowedDomains;
    if (!d.length) return 'Format attendu : nom@domaine.fr';
    return `Inscriptions réservées aux adresses ${d.map((x) => `@${x}`).join(', ')} (et leurs sous-domaines). Format attendu : nom@${d[0]}`;
  }

  private renderSent() {
    return html`${alertBox('success', `Un lien de confirmation a été envoyé à l'adresse ${this.sentTo}.`, "Votre demande d'inscription est enregistrée")}
      <p>
        Ouvrez ce message et cliquez sur le lien pour activer votre compte. Si vous ne le trouvez pas,
        pensez à regarder dans vos courriers indésirables.
      </p>
      <p><a class="fr-link" href="/connexion">Aller à la page de connexion</a></p>`;
  }

  render() {
    if (this.sentTo) return centredPage('Vérifiez votre messagerie', this.renderSent(), 'fr-col-12 fr-col-md-8');
    const v = this.values;
    const deps = this.departments.value;
    const err = this.errors;
    const field = textRows('register', v, err);
    return centredPage(
      'Créer un compte',
      html`<p class="fr-text--sm">Sauf mention contraire, tous les champs sont obligatoires.</p>
        ${this.formError ? alertBox('error', this.formError) : nothing}
        ${deps?.status === 'error' ? alertBox('error', 'La liste des départements n’a pas pu être chargée. Rechargez la page.') : nothing}
        <form novalidate @input=${this.onInput} @change=${this.onInput} @submit=${this.onSubmit} aria-label="Créer un compte">
          <fieldset class="fr-fieldset">
            <legend class="fr-fieldset__legend"><h2 class="fr-h5 fr-mb-1w">Votre identité</h2></legend>
            ${civilityRow('register', v.civility, err.civility)}
            ${field('firstName', 'Prénom', { autocomplete: 'given-name' })}
            ${field('lastName', 'Nom', { autocomplete: 'family-name' })}
            ${field('username', "Nom d'utilisateur", { autocomplete: 'username', hint: `Visible des autres membres, par exemple camille.martin. ${USERNAME_HINT}` })}
            ${field('email', 'Adresse électronique', { type: 'email', autocomplete: 'email', hint: this.emailHint() })}
          </fieldset>
          <fieldset class="fr-fieldset">
            <legend class="fr-fieldset__legend"><h2 class="fr-h5 fr-mb-1w">Votre activité</h2></legend>
            ${departmentRow({
              prefix: 'register',
              value: v.departmentCode,
              error: err.departmentCode,
              placeholder: deps?.status === 'ready' ? 'Sélectionnez votre département' : 'Chargement des départements…',
              departments: deps?.items ?? [],
            })}
            ${workRows(field, 'Format attendu : 01 22 33 44 55')}
            ${this.types.length > 1 ? accountTypeRow(v.accountType, err.accountType, this.types) : nothing}
          </fieldset>
          <fieldset class="fr-fieldset">
            <legend class="fr-fieldset__legend"><h2 class="fr-h5 fr-mb-1w">Votre mot de passe</h2></legend>
            ${fieldRow(newPasswordField({ id: 'register-password', label: 'Mot de passe', value: v.password, error: err.password, rules: checkPassword(v.password, v) }))}
          </fieldset>
          <fieldset class="fr-fieldset">
            <legend class="fr-fieldset__legend"><h2 class="fr-h5 fr-mb-1w">Vérification anti-robot</h2></legend>
            ${fieldRow(html`<mai-anti-robot input-id="register-altcha" .error=${err.altcha ?? ''}></mai-anti-robot>`)}
          </fieldset>
          <button class="fr-btn" type="submit" ?disabled=${this.busy}>
            ${this.busy ? 'Création du compte en cours…' : 'Créer mon compte'}
          </button>
        </form>
        <p class="fr-mt-4w">Vous avez déjà un compte ? <a class="fr-link" href="/connexion">Se connecter</a></p>`,
      'fr-col-12 fr-col-md-10 fr-col-lg-8',
    );
  }
}

customElements.define('mai-register-page', MaiRegisterPage);
