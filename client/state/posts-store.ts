/** A list of posts (one group's, or my feed) kept live by the hub, with comments opened on demand. */
import { asApiError, type ApiError } from '../api/http.js';
import type { Comment, GroupsApi, NewPost, Post, PostDetail, PostKind, ReactionKind } from '../api/groups.js';
import { LiveStore, withPage, type HubEvents } from './live-store.js';

type PostsApi = Pick<
  GroupsApi,
  'posts' | 'feed' | 'createPost' | 'post' | 'comment' | 'deleteComment' | 'react' | 'deletePost' | 'editPost' | 'editComment'
>;

/** Plain store (no Lit): dispatches `change`. `groupId` null is my feed. */
export class PostsStore extends LiveStore {
  items: Post[] = [];
  cursor: string | number | null = null;
  status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  error: ApiError | null = null;
  /** Posts whose comments are open, with them. */
  details = new Map<number, PostDetail>();

  constructor(
    private readonly api: { groups: PostsApi },
    readonly groupId: number | null,
    /** Only posts of this kind (a community's sections). */
    readonly kind: PostKind | null = null,
  ) {
    super();
  }

  /** First page, or the next one with `more`. */
  async load(more = false): Promise<void> {
    this.status = 'loading';
    this.emit();
    try {
      const c = more ? this.cursor : null;
      const page = this.groupId ? await this.api.groups.posts(this.groupId, c, this.kind ?? undefined) : await this.api.groups.feed(c);
      this.items = withPage(this.items, page.items, more);
      this.cursor = page.nextCursor;
      this.status = 'ready';
    } catch (e) {
      this.fail(e);
      this.status = 'error';
    }
    this.emit();
  }

  /** New and changed posts and comments reach the list at once. */
  protected listen(hub: HubEvents): (() => void)[] {
    return [
      hub.on('post:new', (p) => this.applyNew(p)),
      hub.on('post:updated', (p) => this.applyUpdate(p)),
      hub.on('post:deleted', ({ id }) => this.applyDelete(id)),
      hub.on('comment:new', (c) => this.applyComment(c)),
      hub.on('comment:updated', (c) => this.applyComment(c)),
      hub.on('comment:deleted', (c) => this.applyCommentDeleted(c.id, c.postId)),
    ];
  }

  /** A reconnection reads the first page again. */
  protected resync(): Promise<void> {
    return this.load();
  }

  /** Publishes a post in the store's group; answers it, or null with `error` set. */
  async publish(groupId: number, input: NewPost): Promise<Post | null> {
    this.error = null;
    try {
      const post = await this.api.groups.createPost(groupId, input);
      this.applyNew(post);
      return post;
    } catch (e) {
      this.fail(e);
      this.emit();
      return null;
    }
  }

  /** Toggles my reaction. */
  async react(postId: number, kind: ReactionKind): Promise<void> {
    try {
      const r = await this.api.groups.react(postId, kind);
      this.patch(postId, { reactions: r.reactions, myReactions: r.myReactions });
    } catch (e) {
      this.fail(e);
      this.emit();
    }
  }

  /** Opens (loads) or closes the comments of a post. */
  async toggleComments(postId: number): Promise<void> {
    if (this.details.has(postId)) {
      this.details.delete(postId);
      this.emit();
      return;
    }
    try {
      this.details.set(postId, await this.api.groups.post(postId));
    } catch (e) {
      this.fail(e);
    }
    this.emit();
  }

  async comment(postId: number, body: string): Promise<boolean> {
    try {
      this.applyComment(await this.api.groups.comment(postId, body));
      return true;
    } catch (e) {
      this.fail(e);
      this.emit();
      return false;
    }
  }

  async deleteComment(postId: number, commentId: number): Promise<void> {
    try {
      await this.api.groups.deleteComment(commentId);
      this.applyCommentDeleted(commentId, postId);
    } catch (e) {
      this.fail(e);
      this.emit();
    }
  }

  /** Edits my post after publishing (it then shows « modifié »); answers whether it worked. */
  async editPost(postId: number, changes: { title: string; body: string }): Promise<boolean> {
    try {
      this.applyUpdate(await this.api.groups.editPost(postId, changes));
      return true;
    } catch (e) {
      this.fail(e);
      this.emit();
      return false;
    }
  }

  async editComment(commentId: number, body: string): Promise<boolean> {
    try {
      this.applyComment(await this.api.groups.editComment(commentId, body));
      return true;
    } catch (e) {
      this.fail(e);
      this.emit();
      return false;
    }
  }

  async deletePost(postId: number): Promise<void> {
    try {
      await this.api.groups.deletePost(postId);
      this.applyDelete(postId);
    } catch (e) {
      this.fail(e);
      this.emit();
    }
  }

  /** A post from the hub or my own: a group's list only takes that group's posts. */
  applyNew(post: Post): void {
    if ((this.groupId && post.groupId !== this.groupId) || (this.kind && post.kind !== this.kind)) return;
    if (this.items.some((p) => p.id === post.id)) return this.applyUpdate(post);
    this.items = [{ myReactions: [], ...post }, ...this.items].sort((a, b) => b.id - a.id);
    this.emit();
  }

  applyUpdate(post: Post): void {
    this.patch(post.id, post);
  }

  applyDelete(postId: number): void {
    this.items = this.items.filter((p) => p.id !== postId);
    this.details.delete(postId);
    this.emit();
  }

  applyComment(c: Comment): void {
    const detail = this.details.get(c.postId);
    const isNew = detail ? !detail.comments.some((x) => x.id === c.id) : true;
    if (detail) {
      this.details.set(c.postId, {
        ...detail,
        comments: isNew ? [...detail.comments, c] : detail.comments.map((x) => (x.id === c.id ? c : x)),
      });
    }
    const post = this.items.find((p) => p.id === c.postId);
    // Without the open list we cannot tell an edit from a new comment: only new ones count.
    if (post && isNew && (detail || !c.editedAt)) this.patch(c.postId, { commentCount: post.commentCount + 1 });
    else this.emit();
  }

  applyCommentDeleted(commentId: number, postId: number): void {
    const detail = this.details.get(postId);
    if (detail && !detail.comments.some((x) => x.id === commentId)) return;
    if (detail) this.details.set(postId, { ...detail, comments: detail.comments.filter((x) => x.id !== commentId) });
    const post = this.items.find((p) => p.id === postId);
    if (post) this.patch(postId, { commentCount: Math.max(0, post.commentCount - 1) });
    else this.emit();
  }

  private patch(postId: number, changes: Partial<Post>): void {
    // Live events carry no `myReactions` (they differ per viewer): the known ones stay.
    const clean = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<Post>;
    this.items = this.items.map((p) => (p.id === postId ? { ...p, ...clean } : p));
    const detail = this.details.get(postId);
    if (detail) this.details.set(postId, { ...detail, ...clean });
    this.emit();
  }

  private fail(e: unknown): void {
    this.error = asApiError(e);
  }
}
