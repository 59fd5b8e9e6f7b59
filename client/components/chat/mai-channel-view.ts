/** <mai-channel-view>: one open channel: header, pinned bar, message list, typing indicator, composer. */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { Channel, Message } from '../../api/chat.js';
import { ChatController } from './chat-controller.js';
import { hubErrorText, PRESENCE_LABELS, typingLabel } from './format.js';
import { buildItems } from './list-items.js';
import './mai-chat-search.js';
import './mai-composer.js';
import './mai-message-list.js';
import './mai-pinned-bar.js';
import { SidePanels } from './side-panels.js';
import { askConfirmation } from '../shared/confirm-dialog.js';
import { announce, focusAfter, focusErrorAlert } from '../shared/focus.js';
import { setPageTitle } from '../../state/page-title.js';

/** Container: `channelId` in; reads the chat stores from context. */
export class MaiChannelView extends LitElement {
  static properties = {
    channelId: { type: Number },
    targetSeq: { type: Number },
    searching: { state: true },
    targetId: { state: true },
    replyToId: { state: true },
    editingId: { state: true },
    actionError: { state: true },
  };

  channelId: number | null = null;
  /** The seq of a message to open (`?message=` of a search result). */
  targetSeq: number | null = null;
  /** The search panel is open. */
  searching = false;
  targetId: number | null = null;
  /** `channel:seq` already opened, so a re-render does not jump again. */
  private revealed = '';
  replyToId: number | null = null;
  editingId: number | null = null;
  actionError = '';
  private readonly store = new ChatController(this);
  /** The thread and members panels beside the list. */
  private readonly panels = new SidePanels(
    this,
    () => this.store.chat,
    (fn) => this.act(fn),
  );
  private atBottom = true;
  private announcedSeq = 0;
  /** Whether the channel's history is loaded and `announcedSeq` marks its end (what came before is not news). */
  private announceFrom = false;
  private announcement = '';
  private readonly onVisibility = () => this.requestUpdate();
  /** Where "Nouveaux messages" goes: the first unread seq when the channel was opened (or marked unread). */
  private newFromSeq: number | null = null;
  private newFor: number | null = null;

  createRenderRoot() {
    return this;
  }

  connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.store.chat?.setReading(false);
  }

  private get chat() {
    return this.store.chat;
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('channelId')) {
      this.searching = false;
      this.targetId = null;
      this.replyToId = null;
      if (this.chat?.threads.root && this.chat.threads.root.channelId !== this.channelId) this.chat.threads.close();
      this.editingId = null;
      this.actionError = '';
      this.atBottom = true;
      this.announcedSeq = 0;
      this.announceFrom = false;
      this.announcement = '';
      this.newFor = null;
      this.panels.closeMembers(false);
    }
    // Once per opening, as soon as the channel list knows the read marker.
    const opened = this.channelId !== null ? this.chat?.channels.get(this.channelId) : undefined;
    if (opened && this.newFor !== opened.id) {
      this.newFor = opened.id;
      this.newFromSeq = opened.unread > 0 ? opened.lastReadSeq + 1 : null;
    }
    this.announceNew();
  }

  /** A message from someone else arrived at the end: the polite live region says so. */
  private announceNew(): void {
    if (!this.chat || this.channelId === null) return;
    const c = this.chat.messages.channel(this.channelId);
    const last = c.messages[c.messages.length - 1];
    // The history shown on opening is not news; everything after it is, the very first message of an
    // empty channel included (a seq of 0 for "nothing yet" would have swallowed it).
    if (!c.loaded) return;
    if (!this.announceFrom) {
      this.announceFrom = true;
      this.announcedSeq = Math.max(c.lastSeq, last?.seq ?? 0);
      return;
    }
    if (!last || last.seq <= this.announcedSeq) return;
    this.announcedSeq = last.seq;
    if (last.author.id === this.chat.user?.id || last.deletedAt) return;
    this.announcement = `Nouveau message de ${last.author.displayName} : ${last.body.slice(0, 200)}`;
  }

  protected updated(changed: PropertyValues<this>): void {
    const chat = this.chat;
    if (!chat || this.channelId === null) return;
    const c = chat.messages.channel(this.channelId);
    const reading = this.atBottom && c.loaded && document.visibilityState === 'visible';
    chat.setReading(reading);
    // Presence of the people on screen (asked once per person).
    void chat.presence.want([...new Set(c.messages.slice(-200).map((m) => m.author.id))]);
    const ch = chat.channels.get(this.channelId);
    if (ch?.joined) {
      const unread = chat.channels.items.reduce((n, x) => n + (x.joined && x.id !== ch.id ? x.unread : 0), 0);
      setPageTitle(ch.kind === 'direct' ? ch.name : `# ${ch.name}`, unread);
    }
    if (this.targetSeq && c.loaded && this.revealed !== `${this.channelId}:${this.targetSeq}`) {
      this.revealed = `${this.channelId}:${this.targetSeq}`;
      void this.reveal(this.channelId, this.targetSeq);
    } else if (changed.has('channelId') && !this.targetSeq) {
      void this.updateComplete.then(() => this.querySelector<HTMLElement>('.mai-channel__head h1')?.focus());
    }
  }

  /** Loads back to the message a search result named, brings it into view and focuses it. */
  private async reveal(channelId: number, seq: number): Promise<void> {
    const chat = this.chat!;
    const found = await chat.messages.reveal(channelId, seq).catch(() => false);
    const m = chat.messages.channel(channelId).messages.find((x) => x.seq === seq);
    if (!found || !m || this.channelId !== channelId) {
      this.actionError = 'Ce message n’a pas pu être affiché : il est trop ancien ou a été supprimé.';
      void focusErrorAlert(this);
      return;
    }
    this.targetId = m.id;
    this.atBottom = false;
    await this.updateComplete;
    const list = this.querySelector<HTMLElement & { revealMessage(id: number): Promise<boolean> }>('mai-message-list');
    if (await list?.revealMessage(m.id)) announce(`Message de ${m.author.displayName} trouvé.`);
  }

  /** Runs an action; a failure is shown in the alert, which takes the focus. Answers whether it worked. */
  private async act(fn: () => Promise<void>): Promise<boolean> {
    this.actionError = '';
    try {
      await fn();
      return true;
    } catch (e) {
      this.actionError = hubErrorText(e);
      void focusErrorAlert(this);
      return false;
    }
  }

  private find(id: number): Message | undefined {
    return this.channelId === null ? undefined : this.chat?.messages.channel(this.channelId).find(id);
  }

  private onSend(e: CustomEvent<{ body: string; replyToId: number | null }>) {
    if (this.channelId === null || !this.chat) return;
    // Sent once its files are stored (at once when there are none or all are done).
    void this.chat.sendWithFiles(this.channelId, e.detail.body, e.detail.replyToId);
    this.replyToId = null;
    this.querySelector<HTMLElement & { scrollToEnd(): void }>('mai-message-list')?.scrollToEnd();
  }

  private async onDelete(e: CustomEvent<{ messageId: number }>) {
    const id = e.detail.messageId;
    if (!(await askConfirmation({ title: 'Supprimer ce message ?', body: 'Cette action est définitive.', confirmLabel: 'Supprimer' })))
      return;
    if (await this.act(() => this.chat!.remove(id))) void focusAfter(this, `.mai-msg[data-message-id="${id}"]`, 'Message supprimé.');
  }

  private async onEditSave(e: CustomEvent<{ messageId: number; body: string }>) {
    const id = e.detail.messageId;
    const ok = await this.act(async () => {
      await this.chat!.edit(id, e.detail.body);
      this.editingId = null;
    });
    // The changed message has the focus (its menu is one Tab away); on failure the editor keeps the text.
    if (ok) void focusAfter(this, `.mai-msg[data-message-id="${id}"]`, 'Message modifié.');
  }

  private onEditCancel(id: number) {
    this.editingId = null;
    void focusAfter(this, `.mai-msg[data-message-id="${id}"] .mai-msg-menu__toggle`);
  }

  private header(ch: Channel) {
    const chat = this.chat!;
    const peer = ch.kind === 'direct' && ch.peer ? chat.presence.statusOf(ch.peer.id) : undefined;
    return html`<header class="mai-channel__head">
      <div class="mai-channel__title">
        <h1 tabindex="-1" class="fr-h4 fr-mb-0">${ch.kind === 'direct' ? '' : '# '}${ch.name}</h1>
        ${
          ch.kind === 'direct' && ch.peer
            ? html`<p class="fr-text--sm fr-mb-0 mai-muted">@${ch.peer.username} · ${PRESENCE_LABELS[peer ?? 'offline']}</p>`
            : ch.description
              ? html`<p class="fr-text--sm fr-mb-0 mai-muted">${ch.description}</p>`
              : nothing
        }
      </div>
      <button class="fr-btn fr-btn--sm fr-btn--tertiary fr-icon-search-line fr-btn--icon-left" type="button" aria-expanded=${this.searching ? 'true' : 'false'}
        @click=${() => (this.searching = !this.searching)}>Rechercher</button>
      ${
        chat.alerts
          ? html`<button class="fr-btn fr-btn--sm fr-btn--tertiary ${chat.alerts.isMuted(ch.id) ? 'fr-icon-volume-mute-line' : 'fr-icon-volume-up-line'} fr-btn--icon-left mai-mute"
              type="button" aria-pressed=${chat.alerts.isMuted(ch.id) ? 'true' : 'false'} title="Sans notification ni son pour ce salon"
              @click=${() => chat.alerts!.setMuted(ch.id, !chat.alerts!.isMuted(ch.id))}>Muet</button>`
          : nothing
      }
      ${this.panels.membersButton(ch)}
      <button class="fr-btn fr-btn--sm fr-btn--tertiary ${ch.favorite ? 'fr-icon-star-fill' : 'fr-icon-star-line'} fr-btn--icon-left" type="button"
        aria-pressed=${ch.favorite ? 'true' : 'false'} @click=${() => this.act(() => chat.channels.setFavorite(ch.id, !ch.favorite))}>
        Favori
      </button>
    </header>`;
  }

  private typingLine(ch: Channel) {
    const chat = this.chat!;
    const c = chat.messages.channel(ch.id);
    const names = chat.typing.typing(ch.id).map((id) => {
      const fromMessages = c.messages.find((m) => m.author.id === id)?.author.displayName;
      return (
        fromMessages ??
        chat.presence.contacts.find((x) => x.id === id)?.displayName ??
        (ch.peer?.id === id ? ch.peer.displayName : 'Quelqu’un')
      );
    });
    return html`<p class="mai-typing fr-text--xs" aria-live="polite">${typingLabel(names)}</p>`;
  }

  private composer(ch: Channel) {
    const user = this.chat!.user;
    const staff = user?.role === 'animator' || user?.role === 'admin';
    if (ch.archived) return html`<p class="fr-text--sm mai-muted fr-p-2w">Ce salon est archivé : on peut le lire, plus y écrire.</p>`;
    // Members cannot post in an announce channel: say so instead of a composer whose sends would always fail.
    if (ch.announce && !staff)
      return html`<p class="fr-text--sm mai-muted fr-p-2w mai-channel__readonly">Seuls les animateurs publient ici.</p>`;
    return html`<mai-composer .channelId=${ch.id} .draftScope=${String(user?.id ?? '')} .channelName=${ch.kind === 'direct' ? ch.name : `# ${ch.name}`}
      .replyTo=${this.replyToId ? (this.find(this.replyToId) ?? null) : null}
      .attachments=${this.chat!.uploads.forChannel(ch.id)}
      @mai-attach=${(e: CustomEvent<{ files: File[] }>) => this.chat!.uploads.add(ch.id, e.detail.files)}
      @mai-detach=${(e: CustomEvent<{ key: string }>) => this.chat!.uploads.remove(e.detail.key)}
      @mai-send=${this.onSend} @mai-typing=${() => this.chat!.typing.notify(ch.id)}
      @mai-cancel-reply=${() => (this.replyToId = null)}></mai-composer>`;
  }

  /** "Marquer comme non lu": the line goes before that message, which keeps the focus. */
  private async markUnread(messageId: number) {
    const m = this.find(messageId);
    if (!(await this.act(() => this.chat!.markUnread(messageId).then(() => undefined)))) return;
    if (m) this.newFromSeq = m.seq;
    this.requestUpdate();
    void focusAfter(this, `.mai-msg[data-message-id="${messageId}"]`, 'Marqué comme non lu.');
  }

  /** Scrolls to the "Nouveaux messages" line and puts the focus on the first unread message. */
  private jumpToFirstUnread() {
    const list = this.querySelector<HTMLElement & { scrollToKey(key: string): boolean }>('mai-message-list');
    if (!list?.scrollToKey('new')) return;
    const from = this.newFromSeq ?? 0;
    void focusAfter(
      this,
      () =>
        [...this.querySelectorAll<HTMLElement>('mai-message-list .mai-msg[data-seq]')].find((el) => Number(el.dataset.seq) >= from) ?? null,
      'Premier message non lu.',
    );
  }

  /** Offline, the history cannot load, but what waits in the outbox is still shown (and still leaves on reconnect). */
  private outboxOnly(items: ReturnType<typeof buildItems>) {
    const pending = items.filter((i) => i.kind === 'pending');
    if (!pending.length) return nothing;
    return html`<section class="fr-px-2w mai-outbox" aria-label="Messages en attente d’envoi">
      <p class="fr-text--sm fr-mb-1w">${pending.length} message${pending.length > 1 ? 's' : ''} en attente d’envoi :</p>
      ${pending.map((i) => (i.kind === 'pending' ? html`<mai-message .pending=${i.entry} .me=${this.chat?.user?.username ?? ''} .authorName=${'Moi'}></mai-message>` : nothing))}
    </section>`;
  }

  render() {
    const chat = this.chat;
    if (!chat || this.channelId === null) return nothing;
    const ch = chat.channels.get(this.channelId);
    if (!ch || !ch.joined) {
      if (chat.channels.status !== 'ready') return html`<p role="status" class="fr-p-2w">Chargement du salon…</p>`;
      return html`<div class="fr-p-2w"><h1 tabindex="-1" class="fr-h4">Salon introuvable</h1>
        <p>Ce salon n’existe pas ou vous n’en faites pas partie.</p></div>`;
    }
    const c = chat.messages.channel(ch.id);
    const user = chat.user;
    const items = buildItems({
      channel: ch,
      messages: c.messages,
      pending: chat.outbox.forChannel(ch.id),
      hasOlder: c.hasOlder,
      loaded: c.loaded,
      user,
      statusOf: (id) => chat.presence.statusOf(id),
      newFromSeq: this.newFromSeq,
    });
    const hasNewLine = items.some((i) => i.kind === 'new');
    return html`<div class="mai-channel"
      @mai-pin=${(e: CustomEvent<{ messageId: number; pinned: boolean }>) => this.act(() => chat.pin(e.detail.messageId, e.detail.pinned))}
      @mai-react=${(e: CustomEvent<{ messageId: number; emoji: string; on: boolean }>) =>
        this.act(() => chat.react(e.detail.messageId, e.detail.emoji, e.detail.on))}
      @mai-open-thread=${(e: CustomEvent<{ messageId: number }>) => void chat.threads.open(e.detail.messageId)}
      @mai-mark-unread=${(e: CustomEvent<{ messageId: number }>) => this.markUnread(e.detail.messageId)}>
      ${this.header(ch)}
      ${
        this.searching
          ? html`<mai-chat-search .channelSlug=${ch.slug} .channelLabel=${ch.kind === 'direct' ? 'cette conversation' : `# ${ch.name}`}
            @mai-close=${() => ((this.searching = false), void focusAfter(this, '.mai-channel__head button[aria-expanded]'))}></mai-chat-search>`
          : nothing
      }
      <div role="alert">${this.actionError ? html`<div class="fr-alert fr-alert--error fr-alert--sm"><p>${this.actionError}</p></div>` : nothing}</div>
      ${
        hasNewLine
          ? html`<p class="mai-channel__jump"><button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary fr-icon-arrow-up-line fr-btn--icon-left"
              @click=${() => this.jumpToFirstUnread()}>Aller au premier message non lu</button></p>`
          : nothing
      }
      <mai-pinned-bar .pins=${c.pins} .canUnpin=${ch.canPin} .me=${user?.username ?? ''}></mai-pinned-bar>
      ${
        c.error && !c.loaded
          ? html`<div class="fr-p-2w"><p class="fr-error-text">Les messages n’ont pas pu être chargés.</p>
            <button class="fr-btn fr-btn--sm" type="button" @click=${() => void chat.messages.open(ch.id).catch(() => {})}>Réessayer</button></div>
            ${this.outboxOnly(items)}`
          : !c.loaded
            ? html`<p role="status" class="fr-p-2w">Chargement des messages…</p>`
            : html`<mai-message-list .items=${items} .channelId=${ch.id} .label=${`Messages de ${ch.name}`} .hasOlder=${c.hasOlder}
              .loadingOlder=${c.loading === 'older'} .editingId=${this.editingId} .me=${user?.username ?? ''} .myId=${user?.id ?? null}
              .myName=${user ? 'Moi' : ''} .announcement=${this.announcement} .targetId=${this.targetId}
              @mai-load-older=${() => void chat.messages.loadOlder(ch.id).catch(() => {})}
              @mai-at-bottom=${(e: CustomEvent<{ atBottom: boolean }>) => ((this.atBottom = e.detail.atBottom), this.requestUpdate())}
              @mai-reply=${(e: CustomEvent<{ messageId: number }>) => (this.replyToId = e.detail.messageId)}
              @mai-edit=${(e: CustomEvent<{ messageId: number }>) => (this.editingId = e.detail.messageId)}
              @mai-edit-cancel=${(e: CustomEvent<{ messageId: number }>) => this.onEditCancel(e.detail.messageId)} @mai-edit-save=${this.onEditSave} @mai-delete=${this.onDelete}
              @mai-retry=${(e: CustomEvent<{ clientMsgId: string }>) => chat.outbox.retry(e.detail.clientMsgId)}
              @mai-discard=${(e: CustomEvent<{ clientMsgId: string }>) => chat.outbox.discard(e.detail.clientMsgId)}
            ></mai-message-list>`
      }
      ${this.typingLine(ch)} ${this.composer(ch)}
      ${this.panels.thread(ch)} ${this.panels.members(ch)}
    </div>`;
  }
}

customElements.define('mai-channel-view', MaiChannelView);
