/** <mai-notification-settings-page> (/profil/notifications): my notification e-mail settings. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import { notificationsApi, type NotificationSettings } from '../../api/notifications.js';
import { apiContext } from '../../controllers/contexts.js';
import { NotificationSettingsStore } from '../../state/notifications-store.js';
import { alertBox } from '../shared/fields.js';
import './mai-notification-settings-form.js';
import './mai-push-toggle.js';
import { focusAfter } from '../shared/focus.js';

/** Container: builds a settings store over the API context and hands its state to the form. */
export class MaiNotificationSettingsPage extends LitElement {
  private api = new ContextConsumer(this, { context: apiContext });
  private store: NotificationSettingsStore | null = null;
  private readonly onChange = () => this.requestUpdate();

  createRenderRoot() {
    return this;
  }

  connectedCallback(): void {
    super.connectedCallback();
    const api = this.api.value;
    if (!api || this.store) return;
    this.store = new NotificationSettingsStore(notificationsApi(api.http));
    this.store.addEventListener('change', this.onChange);
    void this.store.load();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.store?.removeEventListener('change', this.onChange);
    this.store = null;
  }

  private async save(e: CustomEvent<NotificationSettings>) {
    await this.store?.save(e.detail);
    // The outcome (saved, or why not) takes the focus, right after the button that was pressed.
    void focusAfter(this, '.mai-notification-notices');
  }

  private content(s: NotificationSettingsStore) {
    if (s.status === 'loading' || s.status === 'idle') return html`<p role="status">Chargement de vos préférences…</p>`;
    if (s.status === 'error' || !s.settings) {
      return html`${alertBox('error', errorMessage(s.error))}
        <button class="fr-btn fr-btn--secondary" type="button" @click=${() => s.load()}>Réessayer</button>`;
    }
    // The notices come after the form: next to the button that was just pressed.
    return html`<mai-notification-settings-form .settings=${s.settings} .groups=${s.groups} .busy=${s.saving}
        @mai-settings-save=${this.save} @mai-settings-edit=${() => s.edited()}></mai-notification-settings-form>
      <div class="fr-mt-3w mai-notification-notices" tabindex="-1">
        ${s.saved ? alertBox('success', 'Vos préférences sont enregistrées.') : nothing}
        ${s.error ? alertBox('error', errorMessage(s.error)) : nothing}
      </div>`;
  }

  render() {
    const s = this.store;
    return html`<p class="fr-mb-2w"><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/profil">Mon profil</a></p>
      <h1 tabindex="-1">Notifications par courriel</h1>
      <p>Vos notifications apparaissent toujours dans Maillage (<a href="/notifications">voir mes notifications</a>).
        Choisissez ici celles que vous recevez aussi par courriel, et à quel rythme.</p>
      ${s ? this.content(s) : html`<p role="status">Chargement…</p>`}
      <mai-push-toggle></mai-push-toggle>
      <p class="fr-mt-3w">Les lettres d’information par thème se choisissent dans
        <a href="/profil/centres-d-interet">vos centres d’intérêt</a>.</p>`;
  }
}

customElements.define('mai-notification-settings-page', MaiNotificationSettingsPage);
