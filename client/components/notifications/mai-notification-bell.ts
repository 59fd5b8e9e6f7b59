/** <mai-notification-bell>: the header's link to /notifications, with the unread count, live. */
import { LitElement, html, nothing } from 'lit';
import type { AppNotification } from '../../api/notifications.js';
import { StoreController } from '../../controllers/store-controller.js';
import type { NotificationsStore } from '../../state/notifications-store.js';
import { notificationsContext } from './context.js';
import { describeNotification, unreadLabel } from './texts.js';

/** Container: reads the notifications store from its context; announces arrivals to screen readers. */
export class MaiNotificationBell extends LitElement {
  static properties = { announcement: { state: true } };

  announcement = '';
  private store = new StoreController<NotificationsStore>(this, notificationsContext);
  private listening: NotificationsStore | null = null;
  private readonly onArrival = (e: Event) => {
    const n = (e as CustomEvent<AppNotification>).detail;
    this.announcement = `Nouvelle notification : ${describeNotification(n).text}`;
  };

  createRenderRoot() {
    return this;
  }

  protected willUpdate(): void {
    const store = this.store.value ?? null;
    if (store === this.listening || !this.isConnected) return;
    this.listening?.removeEventListener('notification', this.onArrival);
    store?.addEventListener('notification', this.onArrival);
    this.listening = store;
  }

  private readonly onVisible = () => {
    if (document.visibilityState === 'visible') this.store.value?.refresh();
  };

  disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisible);
    this.listening?.removeEventListener('notification', this.onArrival);
    this.listening = null;
  }

  connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisible);
    this.requestUpdate();
  }

  render() {
    const count = this.store.value?.unreadCount ?? 0;
    return html`<a class="fr-btn fr-icon-notification-3-line mai-bell" href="/notifications" title=${unreadLabel(count)}>
        Notifications${
          count
            ? html`<span class="fr-sr-only"> (${unreadLabel(count)})</span
              ><span class="fr-badge fr-badge--sm fr-badge--error fr-badge--no-icon mai-bell__count" aria-hidden="true">${count > 99 ? '99+' : count}</span>`
            : nothing
        }
      </a>
      <span class="fr-sr-only" aria-live="polite">${this.announcement}</span>`;
  }
}

customElements.define('mai-notification-bell', MaiNotificationBell);

declare global {
  interface HTMLElementTagNameMap {
    'mai-notification-bell': MaiNotificationBell;
  }
}
