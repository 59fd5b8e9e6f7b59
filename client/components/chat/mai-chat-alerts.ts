/** <mai-chat-alerts>: desktop notifications (asked for with this button only), and the sound on or off. */
import { LitElement, html } from 'lit';

/** Leaf: `permission`, `soundOn` in; `mai-enable-notifications` and `mai-sound` `{ on }` out. */
export class MaiChatAlerts extends LitElement {
  static properties = {
    permission: {},
    soundOn: { type: Boolean },
  };

  permission: NotificationPermission | 'unsupported' = 'default';
  soundOn = true;

  createRenderRoot() {
    return this;
  }

  private state() {
    switch (this.permission) {
      case 'granted':
        return html`<p class="fr-text--sm fr-mb-1w" role="status">Notifications du navigateur activées : messages directs, mentions et réponses de la hotline quand l’onglet est caché.</p>`;
      case 'denied':
        return html`<p class="fr-text--sm fr-mb-1w">Le navigateur bloque les notifications de Maillage. Autorisez-les dans les réglages du site pour les recevoir.</p>`;
      case 'unsupported':
        return html`<p class="fr-text--sm fr-mb-1w">Ce navigateur ne propose pas de notifications.</p>`;
      default:
        return html`<p class="fr-text--sm fr-mb-1w">Soyez prévenu des messages directs, des mentions et des réponses de la hotline quand l’onglet est caché.</p>
          <button class="fr-btn fr-btn--sm fr-btn--secondary fr-icon-notification-3-line fr-btn--icon-left fr-mb-1w" type="button"
            @click=${() => this.dispatchEvent(new CustomEvent('mai-enable-notifications', { bubbles: true }))}>Activer les notifications du navigateur</button>`;
    }
  }

  render() {
    return html`<section class="mai-chat-alerts fr-mt-2w" aria-labelledby="mai-chat-alerts-title">
      <h2 class="fr-h6 fr-mb-1w" id="mai-chat-alerts-title">Alertes</h2>
      ${this.state()}
      <div class="fr-toggle fr-toggle--label-left">
        <input type="checkbox" class="fr-toggle__input" id="mai-chat-sound" .checked=${this.soundOn}
          @change=${(e: Event) => this.dispatchEvent(new CustomEvent('mai-sound', { detail: { on: (e.target as HTMLInputElement).checked }, bubbles: true }))} />
        <label class="fr-toggle__label" for="mai-chat-sound">Son à l’arrivée d’une alerte</label>
      </div>
    </section>`;
  }
}

customElements.define('mai-chat-alerts', MaiChatAlerts);
