/** <mai-calendar-feed>: my private iCal address — made, shown once, renewed or revoked. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import { apiContext } from '../../controllers/contexts.js';
import { alertBox } from '../shared/fields.js';
import { askConfirmation } from '../shared/confirm-dialog.js';

/** Container: reads and changes the feed through the API. */
export class MaiCalendarFeed extends LitElement {
  static properties = {
    active: { state: true },
    url: { state: true },
    busy: { state: true },
    error: { state: true },
    copied: { state: true },
  };

  active = false;
  url = '';
  busy = false;
  error = '';
  copied = false;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.api.value?.events
      .feed()
      .then((f) => (this.active = f.active))
      .catch(() => {});
  }

  private async make() {
    if (
      this.active &&
      !(await askConfirmation({
        title: 'Créer une nouvelle adresse ?',
        body: 'L’adresse actuelle cessera de fonctionner dans les agendas où vous l’avez ajoutée.',
        confirmLabel: 'Créer une nouvelle adresse',
      }))
    )
      return;
    await this.run(async () => {
      this.url = (await this.api.value!.events.createFeed()).url;
      this.active = true;
    });
  }

  private async revoke() {
    await this.run(async () => {
      await this.api.value!.events.revokeFeed();
      this.active = false;
      this.url = '';
    });
  }

  private async run(work: () => Promise<void>) {
    this.busy = true;
    this.error = '';
    this.copied = false;
    try {
      await work();
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.busy = false;
    }
  }

  private async copy() {
    try {
      await navigator.clipboard.writeText(this.url);
      this.copied = true;
    } catch {
      this.querySelector<HTMLInputElement>('#feed-url')?.select();
    }
  }

  render() {
    return html`<section class="mai-feed fr-mt-6w" aria-labelledby="feed-title">
      <h2 id="feed-title" class="fr-h5">S’abonner depuis mon agenda</h2>
      <p>Une adresse privée (iCal) pour voir vos événements Maillage dans votre agenda habituel (Outlook, Thunderbird, Agenda…). Ne la partagez pas : elle donne accès à vos événements sans mot de passe.</p>
      ${this.error ? alertBox('error', this.error) : nothing}
      ${
        this.url
          ? html`<div class="fr-input-group">
              <label class="fr-label" for="feed-url">Votre adresse d’abonnement<span class="fr-hint-text">Copiez-la maintenant : elle n’est affichée qu’une fois.</span></label>
              <input class="fr-input" id="feed-url" readonly .value=${this.url} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
            </div>
            <p aria-live="polite">${this.copied ? 'Adresse copiée.' : nothing}</p>`
          : this.active
            ? html`<p class="mai-muted">Une adresse d’abonnement est active.</p>`
            : nothing
      }
      <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
        ${this.url ? html`<li><button class="fr-btn fr-btn--sm" type="button" @click=${this.copy}>Copier l’adresse</button></li>` : nothing}
        <li><button class="fr-btn fr-btn--secondary fr-btn--sm" type="button" ?disabled=${this.busy} @click=${this.make}>
          ${this.active ? 'Créer une nouvelle adresse' : 'Créer mon adresse d’abonnement'}</button></li>
        ${
          this.active
            ? html`<li><button class="fr-btn fr-btn--tertiary fr-btn--sm" type="button" ?disabled=${this.busy} @click=${this.revoke}>Désactiver l’adresse</button></li>`
            : nothing
        }
      </ul>
    </section>`;
  }
}

customElements.define('mai-calendar-feed', MaiCalendarFeed);
