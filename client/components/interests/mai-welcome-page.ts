/** <mai-welcome-page> (/bienvenue): sign-up's short second step, centres of interest and newsletter (skippable). */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { InterestTheme } from '../../api/newsletters.js';
import { apiContext, routerContext } from '../../controllers/contexts.js';
import { alertBox } from '../shared/fields.js';
import { centredPage } from '../shared/form-page.js';
import { focusErrorAlert } from '../shared/focus.js';
import { loadingLine } from '../shared/list-states.js';
import type { InterestsChoice } from './mai-interests-form.js';
import './mai-interests-form.js';

export class MaiWelcomePage extends LitElement {
  static properties = {
    themes: { state: true },
    interests: { state: true },
    loaded: { state: true },
    busy: { state: true },
    error: { state: true },
  };

  themes: InterestTheme[] = [];
  interests: number[] = [];
  loaded = false;
  busy = false;
  error = '';
  private api = new ContextConsumer(this, { context: apiContext });
  private router = new ContextConsumer(this, { context: routerContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.api.value!.interests.mine().then(
      (r) => {
        this.themes = r.themes;
        this.interests = r.interests;
        this.loaded = true;
      },
      (err) => {
        this.error = errorMessage(err);
        this.loaded = true;
      },
    );
  }

  private async save(e: CustomEvent<InterestsChoice>) {
    this.busy = true;
    this.error = '';
    try {
      await this.api.value!.interests.save(e.detail);
      this.router.value?.navigate('/', { replace: true });
    } catch (err) {
      this.error = errorMessage(err);
      void focusErrorAlert(this);
    } finally {
      this.busy = false;
    }
  }

  render() {
    return centredPage(
      'Bienvenue sur Maillage',
      html`<div class="fr-stepper">
          <h2 class="fr-stepper__title">Vos centres d’intérêt<span class="fr-stepper__state">Étape 2 sur 2</span></h2>
          <div class="fr-stepper__steps" data-fr-current-step="2" data-fr-steps="2"></div>
        </div>
        <p>Votre compte est prêt. Dites-nous ce qui vous intéresse : nous vous proposerons les contenus et les lettres
          d’information qui vous concernent. Cette étape est facultative.</p>
        ${this.error ? alertBox('error', this.error) : nothing}
        ${
          this.loaded
            ? html`<mai-interests-form mode="welcome" .themes=${this.themes} .interests=${this.interests} .busy=${this.busy}
                @mai-interests-save=${this.save}></mai-interests-form>`
            : loadingLine('Chargement des thèmes…')
        }
        <p class="fr-mt-3w"><a class="fr-link" href="/">Passer cette étape</a></p>`,
      'fr-col-12 fr-col-md-8',
    );
  }
}

customElements.define('mai-welcome-page', MaiWelcomePage);
