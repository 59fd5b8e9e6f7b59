/** <mai-chat-sidebar>: the channel sections (DSFR side menu) with search, unread and mention badges. */
import { LitElement, html, nothing } from 'lit';
import type { Channel, PresenceStatus } from '../../api/chat.js';
import type { Section } from '../../state/channels-store.js';
import { presenceDot } from './presence-dot.js';
import { helpLink } from '../shared/help-link.js';
import { HELP_TOPICS } from '../help/guides.js';

/** What to show when a section is empty. */
const EMPTY: Record<string, string> = {
  favorites: 'Ajoutez un salon à vos favoris depuis son en-tête.',
  thematic: 'Aucun salon thématique rejoint.',
  group: 'Aucun groupe.',
  direct: 'Écrivez à un contact depuis la liste ci-dessous.',
  hotline: 'Aucune demande en cours.',
};

/**
 * Leaf: `sections`, `currentId`, `query`, `statusOf` (presence of DM peers) in;
 * `mai-search` `{ query }` out. Channels are real links (/discussions/<id>).
 */
export class MaiChatSidebar extends LitElement {
  static properties = {
    sections: { attribute: false },
    currentId: { type: Number },
    query: {},
    browsing: { type: Boolean },
    statusOf: { attribute: false },
    threadsUnread: { type: Number },
    threadsOpen: { type: Boolean },
  };

  sections: Section[] = [];
  currentId: number | null = null;
  query = '';
  browsing = false;
  statusOf: (userId: number) => PresenceStatus | undefined = () => undefined;
  /** Unread replies in the threads I follow, and whether "Fils suivis" is the page shown. */
  threadsUnread = 0;
  threadsOpen = false;

  createRenderRoot() {
    return this;
  }

  private onSearch(e: Event) {
    const query = (e.target as HTMLInputElement).value;
    this.dispatchEvent(new CustomEvent('mai-search', { detail: { query }, bubbles: true }));
  }

  private badges(c: Channel) {
    return html`${
      c.mentions
        ? html`<span class="fr-badge fr-badge--sm fr-badge--error fr-badge--no-icon mai-badge"
          >@${c.mentions}<span class="fr-sr-only"> mention${c.mentions > 1 ? 's' : ''}</span></span
        >`
        : nothing
    }${
      c.unread
        ? html`<span class="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon mai-badge"
          >${c.unread > 99 ? '99+' : c.unread}<span class="fr-sr-only"> non lu${c.unread > 1 ? 's' : ''}</span></span
        >`
        : nothing
    }`;
  }

  private link(c: Channel) {
    const current = c.id === this.currentId;
    const prefix =
      c.kind === 'direct'
        ? presenceDot(c.peer ? (this.statusOf(c.peer.id) ?? 'offline') : undefined)
        : html`<span aria-hidden="true">#</span>`;
    return html`<li class="fr-sidenav__item ${current ? 'fr-sidenav__item--active' : ''}">
      <a class="fr-sidenav__link mai-channel-link ${c.unread ? 'mai-channel-link--unread' : ''}" href="/discussions/${c.id}"
        aria-current=${current ? 'page' : nothing} data-channel-id=${c.id}>
        <span class="mai-channel-link__name">${prefix} ${c.name}</span>${this.badges(c)}
      </a>
    </li>`;
  }

  private section(s: Section) {
    if (!s.channels.length && (s.key === 'favorites' || this.query)) return nothing;
    const id = `mai-section-${s.key}`;
    return html`<h2 class="fr-sidenav__title mai-section-title" id=${id}>${s.title}</h2>
      ${
        s.channels.length
          ? html`<ul class="fr-sidenav__list" aria-labelledby=${id}>${s.channels.map((c) => this.link(c))}</ul>`
          : html`<p class="fr-text--sm fr-mb-1w mai-muted">${EMPTY[s.key] ?? 'Aucun salon.'}</p>`
      }
      ${
        s.key === 'thematic'
          ? html`<p class="fr-mb-2w"><a class="fr-link fr-link--sm fr-icon-search-line fr-link--icon-left" href="/discussions/thematiques"
            aria-current=${this.browsing ? 'page' : nothing}>Parcourir les salons thématiques</a></p>`
          : nothing
      }
      ${s.key === 'hotline' ? html`<p class="fr-mb-2w"><a class="fr-link fr-link--sm" href="/hotline">Ouvrir la hotline</a></p>` : nothing}
      ${s.key === 'thematic' ? html`<p class="fr-mb-2w">${helpLink(HELP_TOPICS.chat, 'les discussions')}</p>` : nothing}`;
  }

  render() {
    const found = this.sections.reduce((n, s) => n + s.channels.length, 0);
    return html`<nav class="fr-sidenav mai-chat-sidenav" aria-label="Salons de discussion">
      <div class="fr-sidenav__inner">
        <div class="fr-search-bar fr-mb-2w" role="search">
          <label class="fr-label" for="mai-channel-search">Rechercher un salon</label>
          <input class="fr-input" id="mai-channel-search" type="search" placeholder="Rechercher un salon"
            .value=${this.query} @input=${this.onSearch} />
        </div>
        ${this.query && !found ? html`<p class="fr-text--sm" role="status">Aucun salon ne correspond à « ${this.query} ».</p>` : nothing}
        <p class="fr-mb-2w"><a class="fr-link fr-icon-discuss-line fr-link--icon-left mai-threads-link" href="/discussions/fils"
          aria-current=${this.threadsOpen ? 'page' : nothing}>Fils suivis${
            this.threadsUnread
              ? html` <span class="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon">${this.threadsUnread}<span class="fr-sr-only"> réponses non lues</span></span>`
              : nothing
          }</a></p>
        ${this.sections.map((s) => this.section(s))}
      </div>
    </nav>`;
  }
}

customElements.define('mai-chat-sidebar', MaiChatSidebar);
