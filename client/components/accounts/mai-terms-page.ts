/** <mai-terms-page> (/conditions): the terms of use, and their acceptance when still due. */
import { ContextConsumer } from '@lit/context';
import { html, nothing } from 'lit';
import { routerContext, sessionContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { alertBox, checkbox } from '../shared/fields.js';
import { MaiFormPage, centredPage } from '../shared/form-page.js';
import { termsText } from './terms-text.js';

/** Container: POST /api/me/accept-terms through the session store, then the welcome step (interests). */
export class MaiTermsPage extends MaiFormPage {
  static properties = {
    agreed: { state: true },
    error: { state: true },
  };

  agreed = false;
  error = '';
  private session = new StoreController(this, sessionContext);
  private router = new ContextConsumer(this, { context: routerContext });

  private async onSubmit(e: Event) {
    e.preventDefault();
    this.error = this.agreed ? '' : 'Cochez la case pour accepter les conditions.';
    await this.submit({ accept: this.error }, async () => {
      await this.session.value!.acceptTerms();
      // A new account's second (skippable) step: centres of interest and newsletters.
      this.router.value?.navigate('/bienvenue', { replace: true });
    });
  }

  private renderAcceptance() {
    const user = this.session.value?.user;
    if (!user) return nothing;
    if (user.termsAcceptedAt) {
      const when = new Date(user.termsAcceptedAt).toLocaleDateString('fr-FR', { dateStyle: 'long' });
      return html`<p class="fr-badge fr-badge--success fr-mt-2w">Acceptées le ${when}</p>`;
    }
    return html`<div class="fr-mt-4w">
      ${this.formError ? alertBox('error', this.formError) : nothing}
      <form novalidate aria-label="Accepter les conditions" @submit=${this.onSubmit}
        @change=${(e: Event) => (this.agreed = (e.target as HTMLInputElement).checked)}>
        <fieldset class="fr-fieldset">
          <legend class="fr-fieldset__legend">Pour accéder à Maillage, vous devez accepter ces conditions.</legend>
          <div class="fr-fieldset__element">
            ${checkbox({
              id: 'terms-accept',
              name: 'accept',
              label: "J'ai lu les conditions générales d'utilisation et je m'engage à les respecter",
              checked: this.agreed,
              error: this.error,
            })}
          </div>
        </fieldset>
        <button class="fr-btn" type="submit" ?disabled=${this.busy}>
          ${this.busy ? 'Enregistrement en cours…' : "J'accepte les conditions"}
        </button>
      </form>
    </div>`;
  }

  render() {
    return centredPage("Conditions générales d'utilisation", html`${termsText()} ${this.renderAcceptance()}`, 'fr-col-12 fr-col-lg-10');
  }
}

customElements.define('mai-terms-page', MaiTermsPage);
