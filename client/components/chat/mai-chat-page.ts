/**
 * <mai-chat-page> (`/`, `/discussions`, `/discussions/<id>`, `/discussions/thematiques`,
 * `/discussions?dm=<userId>`): the chat screen, sidebar and open channel side by side.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { routerContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import type { Router } from '../../state/router.js';
import type { ChosenStatus } from '../../state/presence-store.js';
import { ChatController } from './chat-controller.js';
import { hubErrorText } from './format.js';
import './mai-channel-browser.js';
import type { ManageAction } from './mai-channel-browser.js';
import './mai-channel-view.js';
import './mai-chat-sidebar.js';
import './mai-contacts-panel.js';
import './mai-reconnect-banner.js';
import './mai-followed-threads.js';
import './mai-chat-alerts.js';
import { setPageTitle } from '../../state/page-title.js';

/** The route segment of the thematic channels browser. */
export const BROWSER_SEGMENT = 'thematiques';
/** The route segment of the channel list as its own screen (on a phone; beside the placeholder on a wide screen). */
export const LIST_SEGMENT = 'salons';
/** The route segment of "Fils suivis". */
export const THREADS_SEGMENT = 'fils';
/** Where the last open channel is remembered for this tab. */
const LAST_CHANNEL_KEY = 'maillage.lastChannel';

/** Container: `params` (path segments after /discussions) in; reads router and chat stores from context. */
export class MaiChatPage extends LitElement {
  static properties = {
    params: { attribute: false },
    query: { state: true },
    busyId: { state: true },
    busyUserId: { state: true },
    browserError: { state: true },
    dmError: { state: true },
  };

  params: string[] = [];
  query = '';
  busyId: number | null = null;
  busyUserId: number | null = null;
  browserError = '';
  dmError = '';
  private readonly router = new StoreController<Router>(this, routerContext);
  private readonly store = new ChatController(this);
  private triedDm: string | null = null;
  private openedFil: number | null = null;

  createRenderRoot() {
    return this;
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.store.chat?.open(null);
  }

  private get channelId(): number | null {
    const n = Number(this.params[0]);
    return Number.isInteger(n) && n > 0 ? n : null;
  }

  protected updated(_changed: PropertyValues<this>): void {
    const chat = this.store.chat;
    const router = this.router.value;
    if (!chat || !router) return;
    chat.open(this.channelId);
    const dm = router.query.get('dm');
    // Once per link, when the hub can answer and the channel list is loaded (a list arriving after the DM's
    // ack would replace it and drop the conversation just opened).
    if (dm && dm !== this.triedDm && chat.hub.connected && chat.channels.status === 'ready') {
      this.triedDm = dm;
      void this.openDm(Number(dm), true);
    }
    if (!dm) this.triedDm = null;
    if (this.params[0] === LIST_SEGMENT)
      setPageTitle(
        'Salons',
        chat.channels.items.reduce((n, c) => n + (c.joined ? c.unread : 0), 0),
      );
    // `/` and `/discussions`: the last channel opened here, else « Général ».
    if (!this.params.length && !dm && chat.channels.status === 'ready') {
      const remembered = Number(sessionStorage.getItem(LAST_CHANNEL_KEY));
      const target = chat.channels.get(remembered)?.joined ? remembered : chat.channels.items.find((c) => c.slug === 'general')?.id;
      if (target) router.navigate(`/discussions/${target}`, { replace: true });
    }
    if (this.channelId !== null) sessionStorage.setItem(LAST_CHANNEL_KEY, String(this.channelId));
    if (this.params[0] === THREADS_SEGMENT && chat.threads.followedStatus === 'idle') void chat.threads.loadFollowed();
    // A link to a thread (`?fil=<root id>`, from "Fils suivis"): the channel opens with the thread beside it.
    const fil = Number(router.query.get('fil'));
    if (this.channelId !== null && Number.isInteger(fil) && fil > 0 && fil !== this.openedFil) {
      this.openedFil = fil; // once per link: closing the panel does not reopen it
      void chat.threads.open(fil);
    }
    if (!fil) this.openedFil = null;
    // Staff see archived thematic channels too: loaded once the browser is first shown.
    if (this.params[0] === BROWSER_SEGMENT && this.canManage && chat.thematicAdmin.status === 'idle') void chat.thematicAdmin.load();
  }

  /** `dm:open` (or the direct channel I already have), then go there. */
  private async openDm(userId: number, fromUrl = false): Promise<void> {
    const chat = this.store.chat;
    const router = this.router.value;
    if (!chat || !router || !Number.isInteger(userId) || userId <= 0) return;
    this.busyUserId = userId;
    this.dmError = '';
    try {
      const channel = await chat.directWith(userId);
      router.navigate(`/discussions/${channel.id}`, { replace: fromUrl });
    } catch (e) {
      this.dmError = hubErrorText(e);
    } finally {
      this.busyUserId = null;
    }
  }

  private async joinLeave(channelId: number, join: boolean): Promise<void> {
    const chat = this.store.chat!;
    this.busyId = channelId;
    this.browserError = '';
    try {
      if (join) await chat.channels.join(channelId);
      else await chat.channels.leave(channelId);
    } catch (e) {
      this.browserError = hubErrorText(e);
    } finally {
      this.busyId = null;
    }
  }

  /** Animators and admins manage thematic channels (the server checks again). */
  private get canManage(): boolean {
    const role = this.store.chat?.user?.role;
    return role === 'animator' || role === 'admin';
  }

  /** Create, rename, archive or restore, then mirror the answer in my channel list. */
  private readonly manage = async (a: ManageAction): Promise<void> => {
    const chat = this.store.chat!;
    if (a.kind === 'create') {
      chat.channels.upsert(await chat.thematicAdmin.create(a.input.name, a.input.description));
    } else {
      const c = await chat.thematicAdmin.update(a.channelId, a.changes);
      chat.channels.applyUpdate({ id: c.id, name: c.name, description: c.description, archived: c.archived, archivedAt: c.archivedAt });
    }
  };

  /** The browser's rows: for staff every thematic channel (archived too), with my live joined state. */
  private browserChannels() {
    const chat = this.store.chat!;
    const admin = chat.thematicAdmin;
    if (!this.canManage || admin.status !== 'ready') return chat.channels.thematic();
    return admin.items.map((c) => ({ ...c, joined: chat.channels.get(c.id)?.joined ?? false }));
  }

  private main() {
    const chat = this.store.chat!;
    const dm = this.router.value?.query.get('dm');
    if (this.params[0] === LIST_SEGMENT) return html`<p class="fr-p-2w mai-muted">Choisissez un salon dans la liste.</p>`;
    if (this.params[0] === THREADS_SEGMENT) {
      const t = chat.threads;
      return html`<mai-followed-threads .threads=${t.followed} .channels=${chat.channels.items} .loading=${t.followedStatus === 'loading'}
        .error=${t.followedStatus === 'error' ? hubErrorText(t.error) : ''}
        @mai-open-thread=${(e: CustomEvent<{ messageId: number; channelId: number }>) =>
          this.router.value?.navigate(`/discussions/${e.detail.channelId}?fil=${e.detail.messageId}`)}></mai-followed-threads>`;
    }
    if (this.params[0] === BROWSER_SEGMENT) {
      const loadError =
        this.canManage && chat.thematicAdmin.status === 'error'
          ? `Salons archivés indisponibles : ${hubErrorText(chat.thematicAdmin.error)}`
          : '';
      return html`<mai-channel-browser .channels=${this.browserChannels()} .busyId=${this.busyId} .error=${this.browserError || loadError}
        .manage=${this.canManage ? this.manage : null}
        @mai-join=${(e: CustomEvent<{ channelId: number }>) => this.joinLeave(e.detail.channelId, true)}
        @mai-leave=${(e: CustomEvent<{ channelId: number }>) => this.joinLeave(e.detail.channelId, false)}></mai-channel-browser>`;
    }
    if (dm) {
      return html`<div class="fr-p-2w"><h1 tabindex="-1" class="fr-h4">Message direct</h1>
        ${
          this.dmError
            ? html`<div class="fr-alert fr-alert--error fr-alert--sm" role="alert"><p>${this.dmError}</p></div>`
            : html`<p role="status">Ouverture de la conversation…</p>`
        }</div>`;
    }
    if (this.channelId !== null) {
      const target = Number(this.router.value?.query.get('message'));
      return html`<mai-channel-view .channelId=${this.channelId} .targetSeq=${Number.isInteger(target) && target > 0 ? target : null}></mai-channel-view>`;
    }
    if (chat.channels.status === 'error') {
      return html`<div class="fr-p-2w"><h1 tabindex="-1" class="fr-h4">Discussions</h1>
        <div class="fr-alert fr-alert--error fr-alert--sm" role="alert"><p>${hubErrorText(chat.channels.error)}</p></div>
        <button class="fr-btn fr-mt-2w" type="button" @click=${() => chat.channels.load()}>Réessayer</button></div>`;
    }
    return html`<div class="fr-p-2w"><h1 tabindex="-1" class="fr-h4">Discussions</h1><p role="status">Chargement des salons…</p></div>`;
  }

  render() {
    const chat = this.store.chat;
    if (!chat) return nothing;
    const statusOf = (id: number) => chat.presence.statusOf(id);
    const listScreen = this.params[0] === LIST_SEGMENT;
    // On a phone one screen at a time (CSS): the list, or what is open with a way back to the list.
    return html`<mai-reconnect-banner .status=${chat.hubStatus}></mai-reconnect-banner>
      <div class="mai-chat" data-screen=${listScreen ? 'list' : 'open'}>
        <aside class="mai-chat__side">
          ${listScreen ? html`<h1 tabindex="-1" class="fr-h4 fr-mb-1w mai-chat__list-title">Salons</h1>` : nothing}
          <mai-chat-sidebar .sections=${chat.channels.sections(this.query)} .currentId=${this.channelId} .query=${this.query}
            .browsing=${this.params[0] === BROWSER_SEGMENT} .statusOf=${statusOf}
            .threadsUnread=${chat.threads.unreadTotal} .threadsOpen=${this.params[0] === THREADS_SEGMENT}
            @mai-search=${(e: CustomEvent<{ query: string }>) => (this.query = e.detail.query)}></mai-chat-sidebar>
          <mai-contacts-panel .contacts=${chat.presence.connectedContacts} .myStatus=${chat.presence.myStatus} .statusOf=${statusOf}
            .busyUserId=${this.busyUserId} .error=${this.params[0] !== undefined ? this.dmError : ''} .loading=${chat.presence.contactsStatus === 'loading'}
            @mai-open-dm=${(e: CustomEvent<{ userId: number }>) => this.openDm(e.detail.userId)}
            @mai-status=${(e: CustomEvent<{ status: ChosenStatus }>) => void chat.presence.choose(e.detail.status).catch(() => {})}
          ></mai-contacts-panel>
          ${
            chat.alerts
              ? html`<mai-chat-alerts .permission=${chat.alerts.permission} .soundOn=${chat.alerts.soundOn}
                  @mai-enable-notifications=${() => void chat.alerts?.enable()}
                  @mai-sound=${(e: CustomEvent<{ on: boolean }>) => chat.alerts?.setSound(e.detail.on)}></mai-chat-alerts>`
              : nothing
          }
        </aside>
        <section class="mai-chat__main" aria-label="Salon ouvert">
          <p class="mai-chat__back"><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href=${`/discussions/${LIST_SEGMENT}`}>Tous les salons</a></p>
          ${this.main()}
        </section>
      </div>`;
  }
}

customElements.define('mai-chat-page', MaiChatPage);
