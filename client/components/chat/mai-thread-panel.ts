/** <mai-thread-panel>: a thread beside the channel: its root, its replies, a reply field that may also send to the channel. */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { Message } from '../../api/chat.js';
import type { OutboxEntry } from '../../state/outbox.js';
import './mai-message.js';

/**
 * Leaf: `root`, `replies`, `pending` (my replies waiting for their ack), `following`, `loading`, `error`,
 * `me`, `myId`, `canWrite` in; `mai-thread-reply` `{ body, alsoToChannel }`, `mai-thread-follow` `{ follow }`,
 * `mai-thread-close` out (message events of <mai-message> bubble through). Échap closes.
 */
export class MaiThreadPanel extends LitElement {
  static properties = {
    root: { attribute: false },
    replies: { attribute: false },
    pending: { attribute: false },
    following: { type: Boolean },
    loading: { type: Boolean },
    error: {},
    me: {},
    myId: { type: Number },
    canWrite: { type: Boolean },
  };

  root: Message | null = null;
  replies: Message[] = [];
  pending: OutboxEntry[] = [];
  following = false;
  loading = false;
  error = '';
  me = '';
  myId: number | null = null;
  canWrite = true;

  createRenderRoot() {
    return this;
  }

  protected firstUpdated(): void {
    this.querySelector<HTMLElement>('.mai-thread h2')?.focus();
  }

  protected updated(changed: PropertyValues<this>): void {
    // Another thread opened in the same panel: the reader starts at its title again.
    if (
      changed.has('root') &&
      (changed.get('root') as Message | null | undefined)?.id !== this.root?.id &&
      changed.get('root') !== undefined
    )
      this.querySelector<HTMLElement>('.mai-thread h2')?.focus();
  }

  private fire(name: string, detail: Record<string, unknown> = {}) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true }));
  }

  private submit(e: Event) {
    e.preventDefault();
    const area = this.querySelector<HTMLTextAreaElement>('#mai-thread-input');
    const also = this.querySelector<HTMLInputElement>('#mai-thread-also');
    const body = area?.value ?? '';
    if (!body.trim() || body.length > 10_000) return;
    this.fire('mai-thread-reply', { body, alsoToChannel: !!also?.checked });
    if (area) area.value = '';
    if (also) also.checked = false;
  }

  private onKeydown(e: KeyboardEvent) {
    if (e.key === 'Escape' && !(e.target as HTMLElement).closest('mai-emoji-picker, mai-message-menu')) {
      e.preventDefault();
      this.fire('mai-thread-close');
    } else if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && (e.target as HTMLElement).id === 'mai-thread-input') {
      this.submit(e);
    }
  }

  render() {
    const n = this.replies.length;
    return html`<aside class="mai-thread" aria-labelledby="mai-thread-title" @keydown=${this.onKeydown}>
      <header class="mai-thread__head">
        <h2 id="mai-thread-title" class="fr-h6 fr-mb-0" tabindex="-1">Fil de discussion</h2>
        <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary" aria-pressed=${this.following ? 'true' : 'false'}
          @click=${() => this.fire('mai-thread-follow', { follow: !this.following })}>${this.following ? 'Suivi' : 'Suivre'}</button>
        <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-icon-close-line fr-btn--icon-left"
          @click=${() => this.fire('mai-thread-close')}>Fermer</button>
      </header>
      ${this.error ? html`<div class="fr-alert fr-alert--error fr-alert--sm" role="alert"><p>${this.error}</p></div>` : nothing}
      ${this.loading && !this.root ? html`<p role="status" class="fr-p-2w">Chargement du fil…</p>` : nothing}
      ${
        this.root
          ? html`<div class="mai-thread__body">
              <mai-message .message=${this.root} .me=${this.me} .myId=${this.myId}></mai-message>
              <p class="mai-thread__count fr-text--sm">${n} réponse${n > 1 ? 's' : ''}</p>
              <ol class="mai-thread__replies" aria-label="Réponses">
                ${this.replies.map((m) => html`<li><mai-message .message=${m} .me=${this.me} .myId=${this.myId}></mai-message></li>`)}
                ${this.pending.map((e) => html`<li><mai-message .pending=${e} .me=${this.me} .authorName=${'Moi'}></mai-message></li>`)}
              </ol>
            </div>
            ${
              this.canWrite && !this.root.deletedAt
                ? html`<form class="mai-thread__form" @submit=${this.submit}>
                  <div class="fr-input-group fr-mb-1w">
                    <label class="fr-label" for="mai-thread-input">Répondre dans le fil</label>
                    <textarea class="fr-input" id="mai-thread-input" rows="2" maxlength="10000"></textarea>
                  </div>
                  <div class="fr-checkbox-group fr-checkbox-group--sm fr-mb-1w">
                    <input type="checkbox" id="mai-thread-also" />
                    <label class="fr-label" for="mai-thread-also">Envoyer aussi dans le salon</label>
                  </div>
                  <button class="fr-btn fr-btn--sm" type="submit">Répondre</button>
                </form>`
                : nothing
            }`
          : nothing
      }
    </aside>`;
  }
}

customElements.define('mai-thread-panel', MaiThreadPanel);
