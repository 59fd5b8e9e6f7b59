/** <mai-my-interests-page> (/profil/centres-d-interet): my centres of interest and newsletter subscriptions. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { InterestTheme } from '../../api/newsletters.js';
import { apiContext } from '../../controllers/contexts.js';
import { noticeAlert, type Notice } from '../shared/fields.js';
import { focusAfter } from '../shared/focus.js';
import { loadingLine } from '../shared/list-states.js';
import type { InterestsChoice } from './mai-interests-form.js';
import './mai-interests-form.js';

export class MaiMyInterestsPage extends LitElement {
  static properties = {
    themes: { state: true },
    interests: { state: true },
    subscriptions: { state: true },
    loaded: { state: true },
    busy: { state: true },
    notice: { state: true },
  };

  themes: InterestTheme[] = [];
  interests: number[] = [];
  subscriptions: number[] = [];
  loaded = false;
  busy = false;
  notice: Notice | null = null;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.api.value!.interests.mine().then(
      (r) => this.apply(r),
      (err) => {
        this.notice = { kind: 'error', text: errorMessage(err) };
        this.loaded = true;
      },
    );
  }

  private apply(r: { themes: InterestTheme[]; interests: number[]; subscriptions: number[] }) {
    this.themes = r.themes;
    this.interests = r.interests;
    this.subscriptions = r.subscriptions;
    this.loaded = true;
  }

  private async save(e: CustomEvent<InterestsChoice>) {
    this.busy = true;
    this.notice = null;
    try {
      this.apply(await this.api.value!.interests.save(e.detail));
      this.notice = { kind: 'success', text: 'Vos choix sont enregistrés.' };
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
    } finally {
      this.busy = false;
      // The outcome, right after the button that was pressed.
      void focusAfter(this, '.mai-interests-notice');
    }
  }

  render() {
    return html`<p class="fr-mb-2w"><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/profil">Mon profil</a></p>
      <h1 tabindex="-1">Centres d’intérêt et lettres d’information</h1>
      <p>Les lettres déjà envoyées sont dans <a href="/lettres">les archives des lettres d’information</a>.</p>
      ${
        this.loaded
          ? html`<mai-interests-form mode="profile" .themes=${this.themes} .interests=${this.interests}
              .subscriptions=${this.subscriptions} .busy=${this.busy} @mai-interests-save=${this.save}></mai-interests-form>`
          : loadingLine('Chargement de vos choix…')
      }
      <div class="fr-mt-3w mai-interests-notice" tabindex="-1">${noticeAlert(this.notice)}</div>
      ${nothing}`;
  }
}

customElements.define('mai-my-interests-page', MaiMyInterestsPage);
