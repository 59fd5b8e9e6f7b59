/** <mai-hotline-conversation>: a ticket's messages, live over the hub, and a box to answer. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { hotlineApi } from '../../api/hotline.js';
import { apiContext, hubContext } from '../../controllers/contexts.js';
import { HotlineConversation, type ConversationMessage } from '../../state/hotline-conversation.js';
import { userCache } from '../../state/user-cache.js';
import { alertBox } from '../shared/fields.js';
import { actionError, formatDateTime } from './format.js';
import { loadingLine } from '../shared/list-states.js';

/** Container: `channelId` in (plus who is looking and who asked, to tell sides apart); owns its conversation store. */
export class MaiHotlineConversation extends LitElement {
  static properties = {
    channelId: { type: Number },
    userId: { type: Number },
    requesterId: { type: Number },
    draft: { state: true },
  };

  channelId = 0;
  userId = 0;
  requesterId = 0;
  draft = '';
  private api = new ContextConsumer(this, { context: apiContext });
  private hub = new ContextConsumer(this, { context: hubContext });
  private conv: HotlineConversation | null = null;
  private readonly onChange = () => this.requestUpdate();

  createRenderRoot() {
    return this;
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.detach();
  }

  connectedCallback(): void {
    super.connectedCallback();
    if (this.channelId && !this.conv) this.attach();
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('channelId') && this.channelId && this.conv?.channelId !== this.channelId) this.attach();
  }

  protected updated(): void {
    const list = this.querySelector('.mai-hotline-messages');
    if (list) list.scrollTop = list.scrollHeight;
  }

  private attach() {
    this.detach();
    const api = this.api.value;
    const hub = this.hub.value;
    if (!api || !hub) return;
    const rest = hotlineApi(api.http);
    this.conv = new HotlineConversation(hub, async (id, after) => userCache.fromPage(await rest.history(id, after)), this.channelId);
    this.conv.addEventListener('change', this.onChange);
    this.conv.start();
  }

  private detach() {
    this.conv?.stop();
    this.conv?.removeEventListener('change', this.onChange);
    this.conv = null;
  }

  private send(e: Event) {
    e.preventDefault();
    const body = this.draft.trim();
    if (!body || !this.conv) return;
    this.draft = '';
    void this.conv.send(body);
  }

  private onKey(e: KeyboardEvent) {
    // Ctrl+Entrée (or ⌘+Entrée) sends; Entrée alone makes a new line, as in a letter.
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) this.send(e);
  }

  private message(m: ConversationMessage) {
    const mine = m.author.id === this.userId;
    const side = m.author.id === this.requesterId ? 'requester' : 'staff';
    return html`<li class="mai-hotline-msg is-${side} ${mine ? 'is-mine' : ''}" data-seq=${m.seq}>
      <p class="fr-text--xs fr-mb-0"><strong>${mine ? 'Vous' : m.author.displayName}</strong>${side === 'staff' && !mine ? ' (hotline)' : ''} · ${formatDateTime(m.createdAt)}</p>
      <p class="fr-mb-0 mai-pre">${m.deletedAt ? html`<em>Message supprimé</em>` : m.body}</p>
    </li>`;
  }

  render() {
    const c = this.conv;
    if (!c) return loadingLine('Connexion…');
    return html`${c.error ? alertBox('error', actionError(c.error)) : nothing}
      <ol class="mai-hotline-messages" aria-label="Messages de la demande" aria-live="polite">
        ${c.messages.map((m) => this.message(m))}
        ${c.pending.map(
          (p) => html`<li class="mai-hotline-msg is-mine is-pending">
          <p class="fr-text--xs fr-mb-0"><strong>Vous</strong> · ${p.failed ? 'non envoyé' : 'envoi en cours…'}</p>
          <p class="fr-mb-0 mai-pre">${p.body}</p>
          ${
            p.failed
              ? html`<p class="fr-error-text fr-mt-0">${p.failed}
            <button class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" type="button" @click=${() => c.retry(p.clientMsgId)}>Réessayer</button></p>`
              : nothing
          }
        </li>`,
        )}
      </ol>
      ${c.loading && !c.messages.length ? loadingLine('Chargement des messages…') : nothing}
      <form class="fr-mt-2w" @submit=${this.send} aria-label="Répondre">
        <div class="fr-input-group fr-mb-1w">
          <label class="fr-label" for=${`hotline-reply-${this.channelId}`}>Votre message <span class="fr-hint-text">Ctrl + Entrée pour envoyer.</span></label>
          <textarea class="fr-input" id=${`hotline-reply-${this.channelId}`} name="reply" rows="3" maxlength="10000" .value=${this.draft}
            @input=${(e: Event) => (this.draft = (e.target as HTMLTextAreaElement).value)} @keydown=${this.onKey}></textarea>
        </div>
        <button class="fr-btn fr-btn--sm fr-icon-send-plane-line fr-btn--icon-left" type="submit" ?disabled=${!this.draft.trim()}>Envoyer</button>
      </form>`;
  }
}

customElements.define('mai-hotline-conversation', MaiHotlineConversation);
