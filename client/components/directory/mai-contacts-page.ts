/** <mai-contacts-page> (/contacts): "Mes contacts", with live presence and a button to write to each. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { Contact } from '../../api/groups.js';
import { apiContext, chatContext, hubContext, routerContext } from '../../controllers/contexts.js';
import { emptyLine, loadingLine, retryAlert } from '../shared/list-states.js';
import { directoryTabs } from './tabs.js';

const PRESENCE: Record<Contact['presence']['status'], { label: string; badge: string }> = {
  online: { label: 'En ligne', badge: 'fr-badge--success' },
  away: { label: 'Absent', badge: 'fr-badge--warning' },
  dnd: { label: 'Ne pas déranger', badge: 'fr-badge--error' },
  offline: { label: 'Hors ligne', badge: '' },
};
const RANK = { online: 0, away: 1, dnd: 2, offline: 3 } as const;

/** Container: reads GET /api/contacts, then follows `presence` events on the hub. */
export class MaiContactsPage extends LitElement {
  static properties = {
    contacts: { state: true },
    status: { state: true },
    error: { state: true },
    q: { state: true },
  };

  contacts: Contact[] = [];
  status: 'loading' | 'ready' | 'error' = 'loading';
  error = '';
  q = '';
  private api = new ContextConsumer(this, { context: apiContext });
  private hub = new ContextConsumer(this, { context: hubContext });
  private chat = new ContextConsumer(this, { context: chatContext });
  private router = new ContextConsumer(this, { context: routerContext });
  private stops: (() => void)[] = [];

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.load();
    const hub = this.hub.value;
    if (hub) {
      const onResync = () => void this.load();
      hub.addEventListener('resync', onResync);
      this.stops = [
        hub.on('presence', (p) => {
          if (!this.contacts.some((c) => c.id === p.userId)) return;
          this.contacts = this.contacts.map((c) =>
            c.id === p.userId ? { ...c, presence: { status: p.status, lastSeenAt: p.lastSeenAt } } : c,
          );
        }),
        () => hub.removeEventListener('resync', onResync),
      ];
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    void this.chat.value?.presence.show('contacts-page', []);
    for (const stop of this.stops) stop();
    this.stops = [];
  }

  private async load() {
    try {
      this.contacts = (await this.api.value!.groups.contacts()).items;
      this.status = 'ready';
      // The hub sends `presence` only for the users the tab shows.
      void this.chat.value?.presence.show(
        'contacts-page',
        this.contacts.map((c) => c.id),
      );
    } catch (err) {
      this.error = errorMessage(err);
      this.status = 'error';
    }
  }

  private get shown(): Contact[] {
    const needle = this.q.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
    return this.contacts
      .filter(
        (c) =>
          !needle ||
          `${c.displayName} ${c.username} ${c.employer ?? ''}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().includes(needle),
      )
      .sort((a, b) => RANK[a.presence.status] - RANK[b.presence.status] || a.displayName.localeCompare(b.displayName, 'fr'));
  }

  private card(c: Contact) {
    const p = PRESENCE[c.presence.status];
    return html`<li class="mai-person-row">
      <div>
        <p class="fr-mb-0"><a href=${`/membres/${c.id}`}><strong>${c.displayName}</strong></a>
          <span class="fr-badge fr-badge--sm fr-badge--no-icon ${p.badge}">${p.label}</span></p>
        <p class="fr-text--sm fr-mb-0 mai-muted">${[c.jobTitle, c.employer, c.departmentCode].filter(Boolean).join(' · ')}</p>
      </div>
      <button class="fr-btn fr-btn--sm fr-btn--secondary fr-icon-chat-3-line fr-btn--icon-left" type="button"
        aria-label=${`Écrire à ${c.displayName}`} @click=${() => this.router.value?.navigate(`/discussions?dm=${c.id}`)}>Écrire</button>
    </li>`;
  }

  render() {
    const list = this.shown;
    const online = this.contacts.filter((c) => c.presence.status !== 'offline').length;
    return html`<h1 tabindex="-1">Contacts</h1>
      ${directoryTabs('contacts')}
      <p class="mai-muted">Les personnes avec qui vous partagez un groupe, votre salon départemental, un salon thématique ou une discussion.
        ${this.status === 'ready' ? html`<span aria-live="polite">${online} en ligne sur ${this.contacts.length}.</span>` : nothing}</p>
      <div class="fr-input-group fr-mb-3w">
        <label class="fr-label" for="contacts-q">Filtrer mes contacts</label>
        <input class="fr-input" id="contacts-q" type="search" .value=${this.q} @input=${(e: Event) => (this.q = (e.target as HTMLInputElement).value)} />
      </div>
      ${this.status === 'loading' ? loadingLine('Chargement de vos contacts…') : nothing}
      ${this.status === 'error' ? retryAlert(this.error, () => this.load(), { primary: true }) : nothing}
      ${
        this.status === 'ready' && !list.length
          ? emptyLine(
              this.contacts.length
                ? 'Aucun contact ne correspond.'
                : 'Pas encore de contacts : rejoignez des groupes ou cherchez des collègues dans l’annuaire.',
            )
          : nothing
      }
      <ul class="mai-person-list" aria-label="Mes contacts">${list.map((c) => this.card(c))}</ul>`;
  }
}

customElements.define('mai-contacts-page', MaiContactsPage);
