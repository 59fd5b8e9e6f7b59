/** Threads: the one open in the side panel, and "Fils suivis" with their unread replies. */
import type { ChatApi, FollowedThread, HubLike, Message } from '../api/chat.js';

/** Plain store (no Lit): dispatches `change`. */
export class ThreadsStore extends EventTarget {
  /** The open thread's root id (null: the panel is closed). */
  openId: number | null = null;
  root: Message | null = null;
  replies: Message[] = [];
  following = false;
  status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  error: unknown = null;
  followed: FollowedThread[] = [];
  followedStatus: 'idle' | 'loading' | 'ready' | 'error' = 'idle';

  constructor(
    private readonly api: Pick<ChatApi, 'thread' | 'threads'>,
    private readonly hub: Pick<HubLike, 'request'>,
    private readonly me: () => number | null,
  ) {
    super();
  }

  /** Total of unread replies in the threads I follow. */
  get unreadTotal(): number {
    return this.followed.reduce((n, t) => n + t.unreadReplies, 0);
  }

  /** Opens a thread in the panel (its replies loaded) and marks it read. */
  async open(rootId: number): Promise<void> {
    this.openId = rootId;
    this.status = 'loading';
    this.emit();
    try {
      const view = await this.api.thread(rootId);
      if (this.openId !== rootId) return;
      this.root = view.root;
      this.replies = view.replies;
      this.following = view.following;
      this.status = 'ready';
      this.markRead(rootId);
    } catch (e) {
      this.status = 'error';
      this.error = e;
    }
    this.emit();
  }

  close(): void {
    this.openId = null;
    this.root = null;
    this.replies = [];
    this.status = 'idle';
    this.emit();
  }

  /** GET /api/threads. */
  async loadFollowed(): Promise<void> {
    this.followedStatus = 'loading';
    this.emit();
    try {
      this.followed = (await this.api.threads()).items;
      this.followedStatus = 'ready';
    } catch (e) {
      this.followedStatus = 'error';
      this.error = e;
    }
    this.emit();
  }

  /** `thread:follow`. */
  async setFollowing(rootId: number, follow: boolean): Promise<void> {
    const { following } = await this.hub.request('thread:follow', { messageId: rootId, follow });
    if (this.openId === rootId) this.following = following;
    if (!following) this.followed = this.followed.filter((t) => t.root.id !== rootId);
    this.emit();
    if (following) void this.loadFollowed();
  }

  /** A live message: a reply of the open thread joins the panel; a reply in a followed thread counts as unread unless open or mine. */
  receive(m: Message): void {
    if (!m.replyToId) return;
    let changed = false;
    if (m.replyToId === this.openId) {
      const at = this.replies.findIndex((r) => r.id === m.id);
      if (at >= 0) this.replies[at] = m;
      else this.replies = [...this.replies, m];
      changed = true;
      if (m.author.id !== this.me()) this.markRead(m.replyToId);
    }
    const t = this.followed.find((x) => x.root.id === m.replyToId);
    if (t) {
      t.replyCount += 1;
      t.lastReplyAt = m.createdAt;
      if (m.author.id !== this.me() && m.replyToId !== this.openId) t.unreadReplies += 1;
      this.followed = [t, ...this.followed.filter((x) => x !== t)];
      changed = true;
    } else if (!t && m.author.id === this.me()) void this.loadFollowed();
    if (changed) this.emit();
  }

  /** An edit, deletion or reaction change of a message shown in the panel. */
  update(m: Message): void {
    if (this.root?.id === m.id) this.root = m;
    const at = this.replies.findIndex((r) => r.id === m.id);
    if (at >= 0) this.replies[at] = m;
    if (this.root?.id === m.id || at >= 0) this.emit();
  }

  clear(): void {
    this.close();
    this.followed = [];
    this.followedStatus = 'idle';
  }

  private markRead(rootId: number): void {
    const t = this.followed.find((x) => x.root.id === rootId);
    if (t) t.unreadReplies = 0;
    void this.hub.request('thread:read', { messageId: rootId }).catch(() => {});
  }

  private emit(): void {
    this.dispatchEvent(new Event('change'));
  }
}
