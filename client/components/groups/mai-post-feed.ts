/** <mai-post-feed>: a live list of posts (one group's with its composer, or my feed), with comments and reactions. */
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { NewPost, Post, PostKind, ReactionKind } from '../../api/groups.js';
import { sessionContext } from '../../controllers/contexts.js';
import { LiveStoreController } from '../../controllers/live-store-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { PostsStore } from '../../state/posts-store.js';
import { alertBox } from '../shared/fields.js';
import { emptyLine, loadingLine, moreButton, retryAlert } from '../shared/list-states.js';
import type { MaiPostComposer } from './mai-post-composer.js';
import './mai-post-card.js';
import './mai-post-composer.js';

/** Container: `groupId` (null: my feed), `canPost`, `canModerate` in. */
export class MaiPostFeed extends LitElement {
  static properties = {
    groupId: { attribute: false },
    canPost: { type: Boolean },
    canModerate: { type: Boolean },
    kind: {},
    newSince: {},
    publishing: { state: true },
    notice: { state: true },
  };

  groupId: number | null = null;
  canPost = false;
  canModerate = false;
  /** Only posts of this kind (a community's sections); new posts are written with it. */
  kind: PostKind | null = null;
  /** Posts published after this instant (not mine) are flagged « Nouveau ». */
  newSince: string | null = null;
  publishing = false;
  notice = '';
  private session = new StoreController(this, sessionContext);
  private store = new LiveStoreController(this, {
    key: () => `${this.groupId}:${this.kind ?? ''}`,
    create: (api) => new PostsStore(api, this.groupId, this.kind),
    start: (store) => void store.load(),
  });

  createRenderRoot() {
    return this;
  }

  private get posts(): PostsStore {
    return this.store.value!;
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

  private isNew(p: Post, me: number): boolean {
    // Nothing is « nouveau » on a first visit; my own posts never are.
    return !!this.newSince && p.author.id !== me && p.createdAt > this.newSince;
  }

  private onError() {
    if (this.posts.error) this.notice = errorMessage(this.posts.error);
  }

  render() {
    const s = this.store.value;
    if (!s) return nothing;
    const me = this.session.value?.user?.id ?? 0;
    return html`${
      this.canPost && this.groupId
        ? html`<mai-post-composer .groupId=${this.groupId} .kind=${this.kind ?? 'article'} ?busy=${this.publishing} @mai-post-publish=${this.onPublish}></mai-post-composer>`
        : nothing
    }
      <div aria-live="polite">${this.notice ? alertBox('error', this.notice) : nothing}</div>
      ${s.status === 'error' && !s.items.length ? retryAlert(errorMessage(s.error), () => s.load()) : nothing}
      ${s.status === 'loading' && !s.items.length ? loadingLine('Chargement des publications…') : nothing}
      ${
        s.status === 'ready' && !s.items.length
          ? emptyLine(
              this.groupId
                ? 'Aucune publication dans ce groupe pour l’instant.'
                : 'Rien dans votre fil : les publications de vos groupes et celles qui vous sont adressées apparaîtront ici.',
            )
          : nothing
      }
      <ul class="mai-post-list" aria-label="Publications">
        ${s.items.map(
          (p) => html`<li>
            <mai-post-card
              .post=${p}
              .detail=${s.details.get(p.id) ?? null}
              .meId=${me}
              ?showGroup=${!this.groupId}
              ?canModerate=${this.canModerate}
              ?isNew=${this.isNew(p, me)}
              @mai-react=${async (e: CustomEvent<{ kind: ReactionKind }>) => {
                await s.react(p.id, e.detail.kind);
                this.onError();
              }}
              @mai-toggle-comments=${() => s.toggleComments(p.id)}
              @mai-comment=${async (e: CustomEvent<{ body: string; done: (ok: boolean) => void }>) => e.detail.done(await s.comment(p.id, e.detail.body))}
              @mai-delete-comment=${(e: CustomEvent<{ id: number }>) => s.deleteComment(p.id, e.detail.id)}
              @mai-delete-post=${() => s.deletePost(p.id)}
              @mai-edit-post=${async (e: CustomEvent<{ title: string; body: string; done: (ok: boolean) => void }>) => {
                e.detail.done(await s.editPost(p.id, { title: e.detail.title, body: e.detail.body }));
                this.onError();
              }}
              @mai-edit-comment=${async (e: CustomEvent<{ id: number; body: string; done: (ok: boolean) => void }>) => {
                e.detail.done(await s.editComment(e.detail.id, e.detail.body));
                this.onError();
              }}
            ></mai-post-card>
          </li>`,
        )}
      </ul>
      ${s.cursor ? moreButton('Publications plus anciennes', () => s.load(true), { loading: s.status === 'loading', loadingLabel: 'Chargement…' }) : nothing}`;
  }
}

customElements.define('mai-post-feed', MaiPostFeed);
