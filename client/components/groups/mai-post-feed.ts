/** <mai-post-feed>: a live list of posts (one group's with its composer, or my feed), with comments and reactions. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { NewPost, ReactionKind } from '../../api/groups.js';
import { apiContext, hubContext, sessionContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { PostsStore } from '../../state/posts-store.js';
import { alertBox } from '../fields.js';
import type { MaiPostComposer } from './mai-post-composer.js';
import './mai-post-card.js';
import './mai-post-composer.js';

/** Container: `groupId` (null: my feed), `canPost`, `canModerate` in. */
export class MaiPostFeed extends LitElement {
  static properties = {
    groupId: { attribute: false },
    canPost: { type: Boolean },
    canModerate: { type: Boolean },
    publishing: { state: true },
    notice: { state: true },
  };

  groupId: number | null = null;
  canPost = false;
  canModerate = false;
  publishing = false;
  notice = '';
  private api = new ContextConsumer(this, { context: apiContext });
  private hub = new ContextConsumer(this, { context: hubContext });
  private session = new StoreController(this, sessionContext);
  private store: StoreController<PostsStore> | null = null;
  private unfollow: (() => void) | null = null;

  createRenderRoot() {
    return this;
  }

  protected willUpdate(changed: PropertyValues<this>) {
    if ((changed.has('groupId') || !this.store) && this.api.value) this.open();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.unfollow?.();
    this.unfollow = null;
    this.store = null;
  }

  private open() {
    this.unfollow?.();
    const store = new PostsStore(this.api.value!, this.groupId);
    if (this.store) this.removeController(this.store);
    this.store = new StoreController(this, store);
    if (this.hub.value) this.unfollow = store.follow(this.hub.value);
    void store.load();
  }

  private get posts(): PostsStore {
    return this.store!.value!;
  }

  private async onPublish(e: CustomEvent<NewPost>) {
    if (!this.groupId) return;
    this.publishing = true;
    this.notice = '';
    const post = await this.posts.publish(this.groupId, e.detail);
    this.publishing = false;
    if (post) this.querySelector<MaiPostComposer>('mai-post-composer')?.reset();
    else this.notice = errorMessage(this.posts.error);
  }

  private onError() {
    if (this.posts.error) this.notice = errorMessage(this.posts.error);
  }

  render() {
    if (!this.store) return nothing;
    const s = this.posts;
    const me = this.session.value?.user?.id ?? 0;
    return html`${this.canPost && this.groupId
        ? html`<mai-post-composer .groupId=${this.groupId} ?busy=${this.publishing} @mai-post-publish=${this.onPublish}></mai-post-composer>`
        : nothing}
      <div aria-live="polite">${this.notice ? alertBox('error', this.notice) : nothing}</div>
      ${s.status === 'error' && !s.items.length
        ? html`${alertBox('error', errorMessage(s.error))}<button class="fr-btn fr-btn--secondary" type="button" @click=${() => s.load()}>Réessayer</button>`
        : nothing}
      ${s.status === 'loading' && !s.items.length ? html`<p role="status">Chargement des publications…</p>` : nothing}
      ${s.status === 'ready' && !s.items.length
        ? html`<p class="mai-muted">${this.groupId ? 'Aucune publication dans ce groupe pour l’instant.' : 'Rien dans votre fil : les publications de vos groupes et celles qui vous sont adressées apparaîtront ici.'}</p>`
        : nothing}
      <ul class="mai-post-list" aria-label="Publications">
        ${s.items.map(
          (p) => html`<li>
            <mai-post-card
              .post=${p}
              .detail=${s.details.get(p.id) ?? null}
              .meId=${me}
              ?showGroup=${!this.groupId}
              ?canModerate=${this.canModerate}
              @mai-react=${async (e: CustomEvent<{ kind: ReactionKind }>) => { await s.react(p.id, e.detail.kind); this.onError(); }}
              @mai-toggle-comments=${() => s.toggleComments(p.id)}
              @mai-comment=${async (e: CustomEvent<{ body: string; done: (ok: boolean) => void }>) => e.detail.done(await s.comment(p.id, e.detail.body))}
              @mai-delete-comment=${(e: CustomEvent<{ id: number }>) => s.deleteComment(p.id, e.detail.id)}
              @mai-delete-post=${() => s.deletePost(p.id)}
            ></mai-post-card>
          </li>`,
        )}
      </ul>
      ${s.cursor
        ? html`<button class="fr-btn fr-btn--secondary" type="button" ?disabled=${s.status === 'loading'} @click=${() => s.load(true)}>
            ${s.status === 'loading' ? 'Chargement…' : 'Publications plus anciennes'}
          </button>`
        : nothing}`;
  }
}

customElements.define('mai-post-feed', MaiPostFeed);
