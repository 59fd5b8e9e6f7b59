/**
 * <mai-push-toggle>: notifications on this device (Web Push) — messages directs, mentions and hotline
 * answers reach the phone or computer when Maillage is closed. Asks the browser's permission only on a click.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import { pushApi } from '../../api/push.js';
import { apiContext } from '../../controllers/contexts.js';
import { alertBox } from '../shared/fields.js';
import { focusAfter } from '../shared/focus.js';

type State = 'unsupported' | 'denied' | 'off' | 'on' | 'loading';

/** The VAPID key as the bytes PushManager.subscribe wants. */
function keyBytes(base64url: string): Uint8Array {
  const b64 = base64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

/** Container: talks to the API and to this browser's push manager. */
export class MaiPushToggle extends LitElement {
  static properties = { state: { state: true }, busy: { state: true }, message: { state: true } };
  state: State = 'loading';
  busy = false;
  message: { kind: 'success' | 'error'; text: string } | null = null;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback(): void {
    super.connectedCallback();
    void this.read();
  }

  private async registration(): Promise<ServiceWorkerRegistration | null> {
    if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return null;
    return navigator.serviceWorker.ready;
  }

  private async read() {
    const reg = await this.registration();
    if (!reg) return void (this.state = 'unsupported');
    if (Notification.permission === 'denied') return void (this.state = 'denied');
    this.state = (await reg.pushManager.getSubscription()) ? 'on' : 'off';
  }

  private async toggle() {
    const reg = await this.registration();
    if (!reg) return;
    const http = pushApi(this.api.value!.http);
    this.busy = true;
    this.message = null;
    try {
      if (this.state === 'on') {
        const sub = await reg.pushManager.getSubscription();
        if (sub) {
          await http.unsubscribe(sub.endpoint).catch(() => {});
          await sub.unsubscribe();
        }
        this.state = 'off';
        this.message = { kind: 'success', text: 'Les notifications sont désactivées sur cet appareil.' };
      } else {
        if ((await Notification.requestPermission()) !== 'granted') {
          this.state = Notification.permission === 'denied' ? 'denied' : 'off';
          return;
        }
        const { publicKey } = await http.key();
        const sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) as BufferSource });
        await http.subscribe(sub.toJSON());
        this.state = 'on';
        this.message = { kind: 'success', text: 'Les notifications sont activées sur cet appareil.' };
      }
    } catch (err) {
      this.message = { kind: 'error', text: errorMessage(err) };
    } finally {
      this.busy = false;
      void focusAfter(this, '.mai-push-toggle__outcome');
    }
  }

  render() {
    const s = this.state;
    return html`<section class="fr-mt-6w" aria-labelledby="push-title">
      <h2 id="push-title" class="fr-h4">Notifications sur cet appareil</h2>
      <p>Quand Maillage est fermé, recevez sur ce téléphone ou cet ordinateur les messages directs, les mentions et les réponses de la hotline.
        Les mentions suivent votre choix « mentions » ci-dessus ; le rythme « jamais » coupe aussi ces notifications.</p>
      ${
        s === 'unsupported'
          ? html`<p class="mai-muted">Ce navigateur ne permet pas les notifications.</p>`
          : s === 'denied'
            ? html`<p class="mai-muted">Les notifications sont bloquées pour Maillage dans les réglages de ce navigateur.</p>`
            : html`<button class="fr-btn ${s === 'on' ? 'fr-btn--secondary' : ''}" type="button" ?disabled=${this.busy || s === 'loading'} @click=${this.toggle}>
              ${s === 'on' ? 'Désactiver sur cet appareil' : 'Activer sur cet appareil'}</button>`
      }
      <div class="mai-push-toggle__outcome fr-mt-2w" tabindex="-1">${this.message ? alertBox(this.message.kind, this.message.text) : nothing}</div>
    </section>`;
  }
}

customElements.define('mai-push-toggle', MaiPushToggle);
