/** <mai-reconnect-banner>: "Reconnexion en cours…" while the hub connection is being re-established. */
import { LitElement, html, nothing } from 'lit';

/**
 * Leaf: `status` (the hub client's) in; it also follows the browser's own online/offline state, to say
 * "Hors ligne" when there is no network at all. The role="status" region is always there, so the message is announced.
 */
export class MaiReconnectBanner extends LitElement {
  static properties = { status: {}, online: { state: true } };
  status = 'idle';
  online = typeof navigator === 'undefined' ? true : navigator.onLine;
  private readonly onNetwork = () => (this.online = navigator.onLine);

  createRenderRoot() {
    return this;
  }

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onNetwork);
    window.addEventListener('offline', this.onNetwork);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onNetwork);
    window.removeEventListener('offline', this.onNetwork);
  }

  render() {
    const text = !this.online
      ? 'Hors ligne. Vos messages attendent ici et partiront dès le retour de la connexion.'
      : this.status === 'reconnecting'
        ? 'Reconnexion en cours… Vos messages seront envoyés dès le retour de la connexion.'
        : this.status === 'closed'
          ? 'Connexion fermée. Rechargez la page pour vous reconnecter.'
          : '';
    return html`<div role="status" class="mai-reconnect">
      ${
        text
          ? html`<div class="fr-notice fr-notice--info">
            <div class="fr-container"><div class="fr-notice__body"><p class="fr-notice__title">${text}</p></div></div>
          </div>`
          : nothing
      }
    </div>`;
  }
}

customElements.define('mai-reconnect-banner', MaiReconnectBanner);
