/** The panels beside a channel's list (over it on a phone): the open thread, and the channel's members. */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Channel, ChannelMembersPage } from '../../api/chat.js';
import { errorMessage } from '../../api/messages.js';
import type { ChatStores } from '../../state/chat-stores.js';
import { focusAfter } from '../shared/focus.js';
import { hubErrorText } from './format.js';
import './mai-thread-panel.js';
import './mai-channel-members.js';

type MembersState = { page: ChannelMembersPage | null; loading: boolean; error: string; addError: string; addNotice: string };

/** Controller of <mai-channel-view>: renders both panels and holds the members panel's state (the thread's is in ThreadsStore). */
export class SidePanels implements ReactiveController {
  /** The members panel (null: closed). */
  private state: MembersState | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly chat: () => ChatStores | undefined,
    private readonly act: (fn: () => Promise<void>) => Promise<boolean>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The header's "Membres" button (not in direct channels). */
  membersButton(ch: Channel) {
    if (ch.kind === 'direct') return nothing;
    return html`<button class="fr-btn fr-btn--sm fr-btn--tertiary fr-icon-team-line fr-btn--icon-left mai-members-toggle" type="button"
      aria-expanded=${this.state ? 'true' : 'false'} @click=${() => (this.state ? this.closeMembers() : void this.loadMembers(ch.id))}>Membres</button>`;
  }

  /** Opens (or refreshes) the members panel, searched with `q`. */
  async loadMembers(channelId: number, q = '') {
    const keep = this.state ?? { page: null, loading: true, error: '', addError: '', addNotice: '' };
    this.state = { ...keep, loading: true, error: '' };
    this.host.requestUpdate();
    try {
      const page = await this.chat()!.api.members(channelId, q);
      if (this.state) this.state = { ...this.state, page, loading: false };
    } catch (e) {
      if (this.state) this.state = { ...this.state, loading: false, error: errorMessage(e) };
    }
    this.host.requestUpdate();
  }

  closeMembers(refocus = true) {
    if (!this.state) return;
    this.state = null;
    this.host.requestUpdate();
    if (refocus) void focusAfter(this.host, '.mai-members-toggle');
  }

  async addMember(channelId: number, username: string) {
    try {
      const { added } = await this.chat()!.api.addMember(channelId, username);
      this.state = {
        ...this.state!,
        addError: '',
        addNotice: added ? `${username} a été ajouté au salon.` : `${username} est déjà dans le salon.`,
      };
      const input = this.host.querySelector<HTMLInputElement>('#mai-members-add');
      if (input) input.value = '';
      await this.loadMembers(channelId);
    } catch (e) {
      this.state = { ...this.state!, addNotice: '', addError: errorMessage(e) };
      this.host.requestUpdate();
      void focusAfter(this.host, '#mai-members-add');
    }
  }

  members(ch: Channel) {
    const m = this.state;
    if (!m) return nothing;
    const role = this.chat()!.user?.role;
    return html`<mai-channel-members .page=${m.page} .loading=${m.loading} .error=${m.error} .myId=${this.chat()!.user?.id ?? null}
      .canAdd=${ch.kind === 'thematic' && !ch.archived && (role === 'animator' || role === 'admin')} .addError=${m.addError} .addNotice=${m.addNotice}
      @mai-members-search=${(e: CustomEvent<{ q: string }>) => void this.loadMembers(ch.id, e.detail.q)}
      @mai-members-add=${(e: CustomEvent<{ username: string }>) => void this.addMember(ch.id, e.detail.username)}
      @mai-members-close=${() => this.closeMembers()}></mai-channel-members>`;
  }

  /** The open thread, beside the list (over it on a phone), when its root is in this channel. */
  thread(ch: Channel) {
    const t = this.chat()!.threads;
    if (t.openId === null || (t.root && t.root.channelId !== ch.id)) return nothing;
    const user = this.chat()!.user;
    const pending = this.chat()!
      .outbox.forChannel(ch.id)
      .filter((e) => e.replyToId === t.openId && !t.replies.some((r) => r.clientMsgId === e.clientMsgId));
    const staff = user?.role === 'animator' || user?.role === 'admin';
    return html`<mai-thread-panel .root=${t.root} .replies=${t.replies} .pending=${pending} .following=${t.following}
      .loading=${t.status === 'loading'} .error=${t.status === 'error' ? hubErrorText(t.error) : ''}
      .me=${user?.username ?? ''} .myId=${user?.id ?? null} .canWrite=${!ch.archived && (!ch.announce || staff)}
      @mai-thread-reply=${(e: CustomEvent<{ body: string; alsoToChannel: boolean }>) => this.chat()!.reply(ch.id, t.openId!, e.detail.body, e.detail.alsoToChannel)}
      @mai-thread-follow=${(e: CustomEvent<{ follow: boolean }>) => this.act(() => this.chat()!.threads.setFollowing(t.openId!, e.detail.follow))}
      @mai-thread-close=${() => this.closeThread()}></mai-thread-panel>`;
  }

  closeThread() {
    const id = this.chat()!.threads.openId;
    this.chat()!.threads.close();
    void focusAfter(this.host, `.mai-msg[data-message-id="${id}"] .mai-msg-menu__toggle`);
  }
}
