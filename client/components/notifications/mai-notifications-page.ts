/** <mai-notifications-page> (/notifications): my notifications, newest first; opening one marks it read. */
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { AppNotification } from '../../api/notifications.js';
import { StoreController } from '../../controllers/store-controller.js';
import type { NotificationsStore } from '../../state/notifications-store.js';
import { alertBox } from '../shared/fields.js';
import { notificationsContext } from './context.js';
import { describeNotification, unreadLabel, whenLabel } from './texts.js';

/** Container over the tab's notifications store. */
export class MaiNotificationsPage extends LitElement {
  private store = new StoreController<NotificationsStore>(this, notificationsContext);

  createRenderRoot() {
    return this;
  }

  connectedCallback(): void {
    super.connectedCallback();
    // The bell keeps the list live; coming here still re-reads it (another tab may have read some).
    const store = this.store.value;
    if (store && store.status !== 'loading') void store.reload();
  }

  private open(n: AppNotification) {
    // The link goes on (the router follows it); the read marker is sent meanwhile.
    if (!n.readAt) void this.store.value?.markRead([n.id]);
  }

  private item(n: AppNotification, now: number) {
    const view = describeNotification(n);
    const unread = !n.readAt;
    return html`<li class="mai-notification ${unread ? 'mai-notification--unread' : ''}">
      <span class="mai-notification__icon ${view.icon}" aria-hidden="true"></span>
      <div class="mai-notification__body">
        <p class="fr-mb-0">
          ${unread ? html`<span class="fr-badge fr-badge--sm fr-badge--new fr-badge--no-icon fr-mr-1w">Nouveau</span>` : nothing}
          <a class="fr-link" href=${view.href} @click=${() => this.open(n)}>${view.text}</a>
        </p>
        <p class="fr-text--xs fr-mb-0 mai-muted"><time datetime=${n.createdAt} title=${new Date(n.createdAt).toLocaleString('fr-FR')}>${whenLabel(n.createdAt, now)}</time></p>
      </div>
      ${
        unread
          ? html`<button class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-check-line fr-btn--icon-left mai-notification__read" type="button"
            @click=${() => this.store.value?.markRead([n.id])}>Marquer comme lu<span class="fr-sr-only"> : ${view.text}</span></button>`
          : nothing
      }
    </li>`;
  }

  private list(s: NotificationsStore) {
    if (s.status === 'loading' && !s.items.length) return html`<p role="status">Chargement des notifications…</p>`;
    if (s.status === 'error' && !s.items.length) {
      return html`${alertBox('error', errorMessage(s.error))}
        <button class="fr-btn fr-btn--secondary" type="button" @click=${() => s.reload()}>Réessayer</button>`;
    }
    if (!s.items.length) {
      return html`<p class="mai-muted">Aucune notification pour l’instant. Vous serez prévenu(e) ici des demandes d’adhésion,
        des invitations, des commentaires, des événements et des mentions dans les discussions.</p>`;
    }
    const now = Date.now();
    return html`<ul class="mai-notifications" aria-label="Notifications, de la plus récente à la plus ancienne">
        ${s.items.map((n) => this.item(n, now))}
      </ul>
      ${
        s.nextCursor !== null
          ? html`<button class="fr-btn fr-btn--secondary fr-mt-3w" type="button" ?disabled=${s.loadingMore} @click=${() => s.loadMore()}>
            ${s.loadingMore ? 'Chargement…' : 'Afficher les notifications plus anciennes'}
          </button>`
          : nothing
      }`;
  }

  render() {
    const s = this.store.value;
    if (!s) return html`<p role="status">Chargement…</p>`;
    return html`<h1 tabindex="-1">Notifications</h1>
      <div class="mai-notifications-bar fr-mb-3w">
        <p class="fr-mb-0" role="status">${s.status === 'ready' || s.items.length ? unreadLabel(s.unreadCount) : ''}</p>
        <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-btns-group--icon-left">
          <li>
            <button class="fr-btn fr-btn--secondary fr-icon-check-line" type="button" ?disabled=${s.markingAll || s.unreadCount === 0}
              @click=${() => s.markAllRead()}>${s.markingAll ? 'En cours…' : 'Tout marquer comme lu'}</button>
          </li>
          <li><a class="fr-btn fr-btn--tertiary fr-icon-settings-5-line" href="/profil/notifications">Recevoir par courriel</a></li>
        </ul>
      </div>
      ${s.error && s.items.length ? alertBox('error', errorMessage(s.error)) : nothing}
      ${this.list(s)}`;
  }
}

customElements.define('mai-notifications-page', MaiNotificationsPage);
