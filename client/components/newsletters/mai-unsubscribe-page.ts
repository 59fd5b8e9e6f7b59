/**
 * <mai-unsubscribe-page> (/lettres/desabonnement/:token): the newsletter's
 * one-click link, without signing in. Opening it only shows what it will do
 * (link scanners open links); the button unsubscribes.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { InterestTheme } from '../../api/newsletters.js';
import { apiContext } from '../../controllers/contexts.js';
import { alertBox } from '../shared/fields.js';
import { centredPage } from '../shared/form-page.js';
import { focusAfter } from '../shared/focus.js';
import { loadingLine } from '../shared/list-states.js';

export class MaiUnsubscribePage extends LitElement {
  static properties = {
    token: {},
    info: { state: true },
    done: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  token = '';
  info: { issueTitle: string; themes: InterestTheme[] } | null = null;
  done: InterestTheme[] | null = null;
  error = '';
  busy = false;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.api.value!.newsletters.unsubscribeInfo(this.token).then(
      (i) => (this.info = i),
      (err) => (this.error = errorMessage(err)),
    );
  }

  private async confirm() {
    this.busy = true;
    try {
      this.done = (await this.api.value!.newsletters.unsubscribe(this.token)).unsubscribed;
      void focusAfter(this, '.mai-unsubscribe-outcome');
    } catch (err) {
      this.error = errorMessage(err);
      void focusAfter(this, '.mai-unsubscribe-outcome');
    } finally {
      this.busy = false;
    }
  }

  private body() {
    const outcome = (content: unknown) => html`<div class="mai-unsubscribe-outcome" tabindex="-1">${content}</div>`;
    if (this.error) return outcome(alertBox('error', this.error, 'Ce lien ne fonctionne pas'));
    if (this.done) {
      return outcome(html`${alertBox('success', 'Vous ne recevrez plus ces lettres d’information.', 'Désabonnement effectué')}
        <p>Vous pouvez choisir à nouveau vos lettres dans <a href="/profil/centres-d-interet">votre profil</a>.</p>`);
    }
    if (!this.info) return loadingLine('Chargement…');
    const labels = this.info.themes.map((t) => `« ${t.label} »`).join(', ');
    if (!this.info.themes.length) {
      return outcome(alertBox('info', 'Vous n’êtes plus abonné(e) aux thèmes de cette lettre.', 'Déjà désabonné(e)'));
    }
    return html`<p>Vous avez reçu la lettre « ${this.info.issueTitle} ». Vous êtes abonné(e) aux lettres ${labels}.</p>
      <button class="fr-btn" type="button" ?disabled=${this.busy} @click=${this.confirm}>
        ${this.busy ? 'Désabonnement…' : 'Me désabonner'}
      </button>
      ${outcome(nothing)}`;
  }

  render() {
    return centredPage('Se désabonner des lettres d’information', this.body(), 'fr-col-12 fr-col-md-8');
  }
}

customElements.define('mai-unsubscribe-page', MaiUnsubscribePage);
