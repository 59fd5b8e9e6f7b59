/** <mai-personal-data>: the "Mes données" part of the profile: download my data, delete my account (password asked again). */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
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
    exportNotice: { state: true },
    exportBusy: { state: true },
  };

  exportNotice: { kind: 'info' | 'error'; text: string } | null = null;
  exportBusy = false;

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

  private async onExport() {
    this.exportBusy = true;
    this.exportNotice = null;
    try {
      const answer = await this.api.value!.personalData.requestExport();
      if (answer.status === 'direct') window.location.assign(answer.downloadUrl);
      else {
        const until = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long' }).format(Date.parse(answer.expiresAt));
        this.exportNotice = {
          kind: 'info',
          text: `Votre compte contient beaucoup de données : l’archive est en préparation. Vous recevrez le lien par notification et par courriel ; il sera valable jusqu’au ${until}.`,
        };
      }
    } catch (err) {
      this.exportNotice = { kind: 'error', text: errorMessage(err) };
    } finally {
      this.exportBusy = false;
    }
  }

  private async onDelete(e: Event) {
    e.preventDefault();
    this.formError = '';
    this.error = '';
    this.busy = true;
    try {
      // Empty is allowed: an account that only signs in with ProConnect confirms by a fresh ProConnect sign-in instead.
      const { erasesAt } = await this.api.value!.personalData.requestDeletion(this.password || undefined);
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
      ${this.exportNotice ? alertBox(this.exportNotice.kind, this.exportNotice.text) : nothing}
      <button class="fr-btn fr-btn--tertiary fr-icon-download-line fr-btn--icon-left" type="button" ?disabled=${this.exportBusy} @click=${this.onExport}>
        ${this.exportBusy ? 'Préparation…' : 'Télécharger mes données'}
      </button>
      <p class="fr-text--sm fr-mt-1w">Archive ZIP : un fichier JSON par type de données, et vos documents.</p>
      <h3 class="fr-h5 fr-mt-4w">Supprimer mon compte</h3>
      <p>
        Votre compte sera supprimé dans 14 jours ; d'ici là, il suffit de vous reconnecter pour annuler. Ensuite, vos données
        personnelles sont effacées ; vos messages et publications restent visibles, signés « Compte supprimé ».
      </p>
      ${this.formError ? alertBox('error', this.formError) : nothing}
      <p class="fr-text--sm">Vous vous connectez avec ProConnect sans mot de passe ? Reconnectez-vous avec ProConnect, puis laissez le champ vide.</p>
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
