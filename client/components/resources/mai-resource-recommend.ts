/** <mai-resource-recommend>: « Recommander » a resource by e-mail (the articles' rules: 20 a day, once per address). */
import { ContextConsumer } from '@lit/context';
import { LitElement, html } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import { apiContext } from '../../controllers/contexts.js';
import { noticeAlert, textArea, textField, type Notice } from '../shared/fields.js';
import { focusAfter } from '../shared/focus.js';

export class MaiResourceRecommend extends LitElement {
  static properties = {
    resourceId: { type: Number },
    email: { state: true },
    message: { state: true },
    emailError: { state: true },
    notice: { state: true },
    sending: { state: true },
  };

  resourceId = 0;
  email = '';
  message = '';
  emailError = '';
  notice: Notice | null = null;
  sending = false;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  private async send(e: Event) {
    e.preventDefault();
    this.emailError = /^\S+@\S+\.\S+$/.test(this.email.trim()) ? '' : 'Saisissez une adresse électronique valide.';
    if (this.emailError) return void focusAfter(this, '#recommend-email');
    this.sending = true;
    this.notice = null;
    try {
      await this.api.value!.resources.recommend(this.resourceId, this.email.trim(), this.message.trim());
      this.notice = { kind: 'success', text: `La ressource est recommandée à ${this.email.trim()}.` };
      this.email = '';
      this.message = '';
      void focusAfter(this, '#recommend-email', this.notice.text);
    } catch (err) {
      const field = err instanceof ApiError ? err.fieldErrors.email : undefined;
      if (field) this.emailError = field;
      else this.notice = { kind: 'error', text: errorMessage(err) };
      void focusAfter(this, '#recommend-email');
    } finally {
      this.sending = false;
    }
  }

  render() {
    return html`<section class="fr-mt-6w" aria-labelledby="recommend-title">
      <h2 class="fr-h5" id="recommend-title">Recommander cette ressource</h2>
      ${noticeAlert(this.notice)}
      <form novalidate aria-labelledby="recommend-title" @submit=${this.send}
        @input=${(e: Event) => {
          const t = e.target as HTMLInputElement;
          if (t.name === 'email') this.email = t.value;
          if (t.name === 'message') this.message = t.value;
        }}>
        ${textField({ id: 'recommend-email', name: 'email', label: 'Adresse électronique du destinataire', type: 'email', value: this.email, error: this.emailError })}
        ${textArea({ id: 'recommend-message', name: 'message', label: 'Votre message', value: this.message, optional: true, rows: 3, maxlength: 1000 })}
        <button class="fr-btn" type="submit" ?disabled=${this.sending}>${this.sending ? 'Envoi…' : 'Envoyer la recommandation'}</button>
      </form>
    </section>`;
  }
}

customElements.define('mai-resource-recommend', MaiResourceRecommend);
