/**
 * <mai-my-registration-page> (/mon-inscription#<secret>, no account): a
 * visitor sees their place from the link in their mail and cancels it (the
 * first on the waiting list gets it). The secret stays in the fragment: it
 * never reaches a server log.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { apiContext } from '../../controllers/contexts.js';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { VisitorRegistration } from '../../api/workshops.js';
import { alertBox } from '../shared/fields.js';
import { focusAfter } from '../shared/focus.js';
import { sessionWhen } from './workshop-format.js';

export class MaiMyRegistrationPage extends LitElement {
  static properties = { reg: { state: true }, error: { state: true }, busy: { state: true } };
  reg: VisitorRegistration | null = null;
  error = '';
  busy = false;
  private token = '';
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.token = decodeURIComponent(window.location.hash.slice(1));
    if (!this.token) {
      this.error = 'Ce lien est incomplet : ouvrez le lien reçu par courriel.';
      return;
    }
    void this.api.value?.workshops
      .lookup(this.token)
      .then((r) => (this.reg = r))
      .catch(
        (e) =>
          (this.error =
            e instanceof ApiError && e.status === 404 ? 'Cette inscription n’existe pas ou a déjà été annulée.' : errorMessage(e)),
      );
  }

  private async cancel() {
    this.busy = true;
    try {
      this.reg = await this.api.value!.workshops.cancel(this.token);
      await focusAfter(this, '#cancel-done');
    } catch (e) {
      this.error = errorMessage(e);
      await focusAfter(this, 'h1');
    } finally {
      this.busy = false;
    }
  }

  render() {
    const r = this.reg;
    return html`<h1 tabindex="-1">Mon inscription</h1>
      ${this.error ? alertBox('error', this.error) : nothing}
      ${
        r
          ? html`<p><strong>${r.event.title}</strong></p>
            <p>${sessionWhen(r.session)}${r.event.placeName || r.event.commune ? ` — ${[r.event.placeName, r.event.commune?.name].filter(Boolean).join(', ')}` : ''}</p>
            ${
              r.cancelled
                ? html`<div class="fr-alert fr-alert--success" id="cancel-done" tabindex="-1"><p>Votre inscription est annulée. Un courriel vous le confirme.</p></div>`
                : html`<p>${r.status === 'registered' ? `Vous êtes inscrit(e), ${r.name}.` : `Vous êtes sur la liste d’attente (rang ${r.position}).`}</p>
                  <button class="fr-btn fr-btn--secondary" ?disabled=${this.busy} @click=${this.cancel}>Annuler mon inscription</button>`
            }`
          : this.error
            ? nothing
            : html`<p>Chargement…</p>`
      }`;
  }
}

customElements.define('mai-my-registration-page', MaiMyRegistrationPage);
