/** <mai-login-page> (/connexion): e-mail and password sign-in. */
import { ContextConsumer } from '@lit/context';
import { html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import { apiContext, routerContext, sessionContext } from '../../controllers/contexts.js';
import type { AuthProviders } from '../../../server/protocol/oidc.js';
import { StoreController } from '../../controllers/store-controller.js';
import { safeNext } from '../../state/router.js';
import { alertBox, fieldRow, textField, withField } from '../shared/fields.js';
import { MaiFormPage, centredPage } from '../shared/form-page.js';
import './mai-password-field.js';
import '../shared/mai-anti-robot.js';
import { ApiError } from '../../api/http.js';

/** What the sign-in page says when the provider's callback sent the browser back with `?erreur=`. */
const PROVIDER_ERRORS: Record<string, string> = {
  oidc_failed: "La connexion avec ProConnect n'a pas abouti. Réessayez, ou connectez-vous avec votre mot de passe.",
  oidc_email_unverified:
    "ProConnect n'a pas pu certifier votre adresse électronique : connectez-vous avec votre mot de passe (vous pourrez ensuite utiliser ProConnect).",
  account_not_active: 'Votre compte est désactivé. Contactez un administrateur.',
  oidc_unavailable: 'ProConnect ne répond pas pour le moment. Réessayez plus tard ou connectez-vous avec votre mot de passe.',
};

/** Container: signs in through the session store, then goes to `next` or home. */
export class MaiLoginPage extends MaiFormPage {
  static properties = {
    values: { state: true },
    errors: { state: true },
    providers: { state: true },
    needsCheck: { state: true },
  };

  /** After repeated failures the server asks for the anti-robot check too (`details.antiRobot`, or an anti_robot_* refusal). */
  needsCheck = false;

  providers: AuthProviders | null = null;
  private api = new ContextConsumer(this, { context: apiContext });

  values = { email: '', password: '' };
  errors: Record<string, string> = {};
  private session = new StoreController(this, sessionContext);
  private router = new ContextConsumer(this, { context: routerContext });

  connectedCallback(): void {
    super.connectedCallback();
    // No ProConnect button unless the server has a provider configured.
    void this.api.value?.auth.providers().then(
      (p) => (this.providers = p),
      () => (this.providers = null),
    );
  }

  /** After "Supprimer mon compte": the date, and how to cancel. */
  private deletionNotice() {
    const at = Date.parse(this.router.value?.query.get('suppression') ?? '');
    if (!Number.isFinite(at)) return nothing;
    const day = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' }).format(at);
    return alertBox(
      'info',
      `Votre compte sera supprimé le ${day}. Vous avez changé d'avis ? Reconnectez-vous avant cette date : la suppression sera annulée.`,
    );
  }

  private proConnect() {
    const oidc = this.providers?.oidc;
    if (!oidc) return nothing;
    const next = safeNext(this.router.value?.query.get('next'));
    return html`<div class="fr-connect-group">
        <!-- A link, not a form: the CSP's form-action would stop the redirect to the provider. -->
        <a class="fr-connect" href=${next ? `${oidc.startUrl}?next=${encodeURIComponent(next)}` : oidc.startUrl}>
          <span class="fr-connect__login">S’identifier avec</span>
          <span class="fr-connect__brand">${oidc.name}</span>
        </a>
        <p>
          <a href="https://www.proconnect.gouv.fr/" target="_blank" rel="noopener" title="Qu’est-ce que ProConnect ? - nouvelle fenêtre">Qu’est-ce que ProConnect ?</a>
        </p>
      </div>
      <p class="fr-hr-or">ou</p>`;
  }

  private onInput(e: Event) {
    this.values = withField(this.values, e);
  }

  private async onSubmit(e: Event) {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!this.values.email.trim()) errors.email = 'Saisissez votre adresse électronique.';
    if (!this.values.password) errors.password = 'Saisissez votre mot de passe.';
    this.errors = errors;
    await this.submit(
      errors,
      async () => {
        const altcha = await this.antiRobotAnswer();
        await this.session.value!.login(this.values.email.trim(), this.values.password, altcha);
        const next = safeNext(this.router.value?.query.get('next'));
        this.router.value?.navigate(next ?? '/', { replace: true });
      },
      (err) => {
        this.formError = errorMessage(err);
        this.values = { ...this.values, password: '' };
        if (err instanceof ApiError && (err.details.antiRobot === true || err.code.startsWith('anti_robot_'))) {
          // The check appears (or starts again: an answer is single use) for the next attempt.
          this.errors = { altcha: err.code.startsWith('anti_robot_') ? err.message : '' };
          if (this.needsCheck) this.querySelector('mai-anti-robot')?.reset();
          this.needsCheck = true;
        }
      },
    );
  }

  render() {
    return centredPage(
      'Connexion à Maillage',
      html`${this.formError ? alertBox('error', this.formError) : nothing}
        ${!this.formError && PROVIDER_ERRORS[this.router.value?.query.get('erreur') ?? ''] ? alertBox('error', PROVIDER_ERRORS[this.router.value!.query.get('erreur')!]!) : nothing}
        ${this.deletionNotice()}
        ${this.proConnect()}
        <form novalidate @input=${this.onInput} @submit=${this.onSubmit} aria-label="Se connecter">
          <fieldset class="fr-fieldset">
            <legend class="fr-fieldset__legend">
              <h2 class="fr-h5 fr-mb-1w">Se connecter avec son compte</h2>
            </legend>
            ${fieldRow(html`<p class="fr-text--sm fr-mb-0">Tous les champs sont obligatoires.</p>`)}
            ${fieldRow(
              textField({
                id: 'login-email',
                name: 'email',
                label: 'Adresse électronique',
                hint: 'Format attendu : nom@domaine.fr',
                type: 'email',
                autocomplete: 'username',
                value: this.values.email,
                error: this.errors.email,
              }),
            )}
            <div class="fr-fieldset__element">
              <mai-password-field
                .inputId=${'login-password'}
                .name=${'password'}
                .label=${'Mot de passe'}
                .autocomplete=${'current-password'}
                .value=${this.values.password}
                .error=${this.errors.password ?? ''}
              ></mai-password-field>
              <p class="fr-mt-2w"><a class="fr-link" href="/mot-de-passe-oublie">Mot de passe oublié ?</a></p>
            </div>
          </fieldset>
          ${
            this.needsCheck
              ? html`<fieldset class="fr-fieldset">
                <legend class="fr-fieldset__legend"><h2 class="fr-h5 fr-mb-1w">Vérification anti-robot</h2></legend>
                ${fieldRow(html`<p class="fr-text--sm fr-mb-1w">Après plusieurs essais infructueux, une vérification anti-robot est demandée.</p>
                  <mai-anti-robot input-id="login-altcha" .error=${this.errors.altcha ?? ''}></mai-anti-robot>`)}
              </fieldset>`
              : nothing
          }
          <button class="fr-btn" type="submit" ?disabled=${this.busy}>
            ${this.busy ? 'Connexion en cours…' : 'Se connecter'}
          </button>
        </form>
        <hr class="fr-mt-4w" />
        <h2 class="fr-h5">Vous n'avez pas de compte ?</h2>
        <ul class="fr-btns-group">
          <li><a class="fr-btn fr-btn--secondary" href="/inscription">Créer un compte</a></li>
        </ul>
        <p class="fr-text--sm">Mairie, CCAS, EPCI… votre organisation n’a pas encore d’accès ? <a class="fr-link" href="/demande-organisation">Demander l’accès pour votre organisation</a></p>`,
    );
  }
}

customElements.define('mai-login-page', MaiLoginPage);
