/** <mai-followed-threads>: "Fils suivis": the threads I follow, most recently answered first, with their unread replies. */
import { LitElement, html, nothing } from 'lit';
import type { Channel, FollowedThread } from '../../api/chat.js';
import { fullLabel, timeLabel } from './format.js';

/** Leaf: `threads`, `channels` (to name each thread's channel), `loading`, `error` in; `mai-open-thread` `{ messageId, channelId }` out. */
export class MaiFollowedThreads extends LitElement {
  static properties = {
    threads: { attribute: false },
    channels: { attribute: false },
    loading: { type: Boolean },
    error: {},
  };

  threads: FollowedThread[] = [];
  channels: Channel[] = [];
  loading = false;
  error = '';

  createRenderRoot() {
    return this;
  }

  private channelName(id: number): string {
    const c = this.channels.find((x) => x.id === id);
    return c ? (c.kind === 'direct' ? c.name : `# ${c.name}`) : 'Salon';
  }

  render() {
    return html`<div class="fr-p-2w mai-followed">
      <h1 tabindex="-1" class="fr-h4">Fils suivis</h1>
      <p class="fr-text--sm mai-muted">Les fils auxquels vous avez participé ou que vous suivez, les plus récents d’abord.</p>
      ${this.error ? html`<div class="fr-alert fr-alert--error fr-alert--sm" role="alert"><p>${this.error}</p></div>` : nothing}
      ${this.loading && !this.threads.length ? html`<p role="status">Chargement des fils…</p>` : nothing}
      ${!this.loading && !this.error && !this.threads.length ? html`<p>Vous ne suivez aucun fil pour l’instant. Répondez à un message dans un fil pour le suivre.</p>` : nothing}
      <ul class="mai-followed__list">
        ${this.threads.map(
          (t) => html`<li class="mai-followed__item" data-root-id=${t.root.id}>
            <p class="fr-text--xs fr-mb-0 mai-muted">${this.channelName(t.channelId)} · ${t.root.author.displayName}</p>
            <p class="fr-mb-1v mai-followed__excerpt">${t.root.deletedAt ? 'Message supprimé' : t.root.body.slice(0, 160) || 'Fichiers joints'}</p>
            <p class="fr-text--sm fr-mb-0">
              <a class="fr-link" href=${`/discussions/${t.channelId}?fil=${t.root.id}`}
                @click=${(e: Event) => {
                  e.preventDefault();
                  this.dispatchEvent(
                    new CustomEvent('mai-open-thread', { detail: { messageId: t.root.id, channelId: t.channelId }, bubbles: true }),
                  );
                }}>${t.replyCount} réponse${t.replyCount > 1 ? 's' : ''}</a>
              ${t.unreadReplies ? html`<span class="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon mai-followed__unread">${t.unreadReplies} non lue${t.unreadReplies > 1 ? 's' : ''}</span>` : nothing}
              ${t.lastReplyAt ? html`<time class="fr-text--xs mai-muted" datetime=${t.lastReplyAt} title=${fullLabel(t.lastReplyAt)}>dernière à ${timeLabel(t.lastReplyAt)}</time>` : nothing}
            </p>
          </li>`,
        )}
      </ul>
    </div>`;
  }
}

customElements.define('mai-followed-threads', MaiFollowedThreads);
