/** <mai-personal-data>: the "Mes données" part of the profile: download my data, delete my account (password asked again). */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import { PERSONAL_DATA_EXPORT_URL } from '../../api/personal-data.js';
import { apiContext, routerContext, sessionContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { alertBox } from '../shared/fields.js';
import './mai-password-field.js';

/** Container: asks the deletion through the API, then signs out and goes to the sign-in page with the date. */
export class MaiPersonalData extends LitElement {
  static properties = {
    password: { state: true },
    error: { state: true },
    formError: { state: true },
    busy: { state: true },
  };

  password = '';
  error = '';
  formError = '';
  busy = false;
  private api = new ContextConsumer(this, { context: apiContext });
  private router = new ContextConsumer(this, { context: routerContext });
  private session = new StoreController(this, sessionContext);

  createRenderRoot() {
    return this;
  }

  private async onDelete(e: Event) {
    e.preventDefault();
    this.formError = '';
    this.error = this.password ? '' : 'Saisissez votre mot de passe pour confirmer.';
    if (this.error) {
      await this.updateComplete;
      this.querySelector<HTMLInputElement>('#deletion-password')?.focus();
      return;
    }
    this.busy = true;
    try {
      const { erasesAt } = await this.api.value!.personalData.requestDeletion(this.password);
      // Every session was revoked by the server: this one is over too.
      this.session.value!.setUser(null);
      this.router.value?.navigate(`/connexion?suppression=${encodeURIComponent(erasesAt)}`, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'wrong_password') {
        this.error = 'Mot de passe incorrect.';
        await this.updateComplete;
        this.querySelector<HTMLInputElement>('#deletion-password')?.focus();
      } else this.formError = errorMessage(err);
    } finally {
      this.busy = false;
    }
  }

  render() {
    return html`<section class="fr-mt-6w" aria-labelledby="mes-donnees-titre">
      <h2 id="mes-donnees-titre">Mes données</h2>
      <p>
        Vous pouvez télécharger à tout moment tout ce que Maillage conserve sur vous : profil, sessions, messages,
        publications, commentaires, notifications, demandes à la hotline, inscriptions, et les fichiers que vous avez déposés.
        Voir aussi la <a href="/confidentialite">politique de confidentialité</a>.
      </p>
      <p>
        <a class="fr-link fr-link--download" href=${PERSONAL_DATA_EXPORT_URL} download>
          Télécharger mes données <span class="fr-link__detail">Archive ZIP — fichiers JSON et vos documents</span>
        </a>
      </p>
      <h3 class="fr-h5 fr-mt-4w">Supprimer mon compte</h3>
      <p>
        Votre compte sera supprimé dans 14 jours ; d'ici là, il suffit de vous reconnecter pour annuler. Ensuite, vos données
        personnelles sont effacées ; vos messages et publications restent visibles, signés « Compte supprimé ».
      </p>
      ${this.formError ? alertBox('error', this.formError) : nothing}
      <form novalidate @submit=${this.onDelete} @input=${(e: Event) => (this.password = (e.target as HTMLInputElement).value)} aria-label="Supprimer mon compte">
        <mai-password-field
          .inputId=${'deletion-password'}
          .name=${'password'}
          .label=${'Votre mot de passe, pour confirmer'}
          .autocomplete=${'current-password'}
          .value=${this.password}
          .error=${this.error}
        ></mai-password-field>
        <button class="fr-btn fr-btn--secondary fr-icon-delete-line fr-btn--icon-left fr-mt-2w" type="submit" ?disabled=${this.busy}>
          ${this.busy ? 'Suppression en cours…' : 'Supprimer mon compte'}
        </button>
      </form>
    </section>`;
  }
}

customElements.define('mai-personal-data', MaiPersonalData);
