/** <mai-reconnect-banner>: "Reconnexion en cours…" while the hub connection is being re-established. */
import { LitElement, html, nothing } from 'lit';

/** Leaf: `status` (the hub client's) in. The role="status" region is always there, so the message is announced. */
export class MaiReconnectBanner extends LitElement {
  static properties = { status: {} };
  status = 'idle';

  createRenderRoot() {
    return this;
  }

  render() {
    const text =
      this.status === 'reconnecting'
        ? 'Reconnexion en cours… Vos messages seront envoyés dès le retour de la connexion.'
        : this.status === 'closed'
          ? 'Connexion fermée. Rechargez la page pour vous reconnecter.'
          : '';
    return html`<div role="status" class="mai-reconnect">
      ${text
        ? html`<div class="fr-notice fr-notice--info">
            <div class="fr-container"><div class="fr-notice__body"><p class="fr-notice__title">${text}</p></div></div>
          </div>`
        : nothing}
    </div>`;
  }
}

customElements.define('mai-reconnect-banner', MaiReconnectBanner);
