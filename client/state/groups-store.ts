/** Groups: "Mes groupes", the group directory with its search, and the join / leave / invitation actions. */
import { asApiError, type ApiError } from '../api/http.js';
import type { Group, GroupsApi, Visibility } from '../api/groups.js';

type Status = 'idle' | 'loading' | 'ready' | 'error';

/** Plain store (no Lit): dispatches `change`. */
export class GroupsStore extends EventTarget {
  mine: Group[] = [];
  mineStatus: Status = 'idle';
  directory: Group[] = [];
  directoryStatus: Status = 'idle';
  directoryCursor: string | number | null = null;
  query = '';
  /** Groups with an action under way (their buttons show it). */
  busy: ReadonlySet<number> = new Set();
  error: ApiError | null = null;

  constructor(private readonly api: { groups: Pick<GroupsApi, 'list' | 'join' | 'leave' | 'accept' | 'decline' | 'create'> }) {
    super();
  }

  /** GET /api/groups?scope=mine (member, pending and invited). */
  async loadMine(): Promise<void> {
    this.mineStatus = this.mine.length ? 'ready' : 'loading';
    this.emit();
    try {
      const items: Group[] = [];
      let cursor: string | number | null = null;
      do {
        const page = await this.api.groups.list('mine', undefined, cursor);
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && items.length < 500);
      this.mine = items;
      this.mineStatus = 'ready';
    } catch (e) {
      this.fail(e);
      this.mineStatus = 'error';
    }
    this.emit();
  }

  /** The directory, searched by `q`; `more` appends the next page. */
  async search(q = this.query, more = false): Promise<void> {
    this.query = q;
    this.directoryStatus = 'loading';
    this.emit();
    try {
      const page = await this.api.groups.list('directory', q || undefined, more ? this.directoryCursor : null);
      this.directory = more ? [...this.directory, ...page.items] : page.items;
      this.directoryCursor = page.nextCursor;
      this.directoryStatus = 'ready';
    } catch (e) {
      this.fail(e);
      this.directoryStatus = 'error';
    }
    this.emit();
  }

  /** Members (status `member`), the "Mes groupes" list. */
  get memberOf(): Group[] {
    return this.mine.filter((g) => g.myStatus === 'member');
  }

  /** Invitations waiting for my answer. */
  get invitations(): Group[] {
    return this.mine.filter((g) => g.myStatus === 'invited');
  }

  /** Adhérer (public) or Demander à rejoindre (moderated, with an optional motive). */
  join(groupId: number, motive?: string | null): Promise<boolean> {
    return this.act(groupId, async () => {
      const { status } = await this.api.groups.join(groupId, motive);
      this.patch(groupId, { myStatus: status, myRole: status === 'member' ? 'member' : null }, status === 'member' ? 1 : 0);
    });
  }

  /** Leaves the group, or withdraws my request. */
  leave(groupId: number): Promise<boolean> {
    return this.act(groupId, async () => {
      const wasMember = this.find(groupId)?.myStatus === 'member';
      await this.api.groups.leave(groupId);
      this.patch(groupId, { myStatus: null, myRole: null }, wasMember ? -1 : 0);
    });
  }

  accept(groupId: number): Promise<boolean> {
    return this.act(groupId, async () => {
      await this.api.groups.accept(groupId);
      this.patch(groupId, { myStatus: 'member', myRole: 'member' }, 1);
    });
  }

  decline(groupId: number): Promise<boolean> {
    return this.act(groupId, async () => {
      await this.api.groups.decline(groupId);
      this.mine = this.mine.filter((g) => g.id !== groupId);
      this.directory = this.directory.filter((g) => g.id !== groupId || g.visibility !== 'private');
    });
  }

  /** Creates a group (animators, admins); answers it, or null with `error` set. */
  async create(input: {
    name: string;
    description: string | null;
    visibility: Visibility;
    parentId?: number | null;
  }): Promise<Group | null> {
    this.error = null;
    try {
      const group = await this.api.groups.create(input);
      this.mine = [...this.mine, group];
      this.emit();
      return group;
    } catch (e) {
      this.fail(e);
      this.emit();
      return null;
    }
  }

  /** A group known to the store (either list). */
  find(groupId: number): Group | undefined {
    return this.mine.find((g) => g.id === groupId) ?? this.directory.find((g) => g.id === groupId);
  }

  /** Replaces a group in both lists (after reading it again). */
  upsert(group: Group): void {
    const inMine = this.mine.some((g) => g.id === group.id);
    this.mine = group.myStatus
      ? inMine
        ? this.mine.map((g) => (g.id === group.id ? group : g))
        : [...this.mine, group]
      : this.mine.filter((g) => g.id !== group.id);
    this.directory = this.directory.map((g) => (g.id === group.id ? group : g));
    this.emit();
  }

  private patch(groupId: number, changes: Partial<Group>, memberDelta: number): void {
    const known = this.find(groupId);
    if (known) this.upsert({ ...known, ...changes, memberCount: known.memberCount + memberDelta });
  }

  private async act(groupId: number, fn: () => Promise<void>): Promise<boolean> {
    this.error = null;
    this.busy = new Set([...this.busy, groupId]);
    this.emit();
    try {
      await fn();
      return true;
    } catch (e) {
      this.fail(e);
      return false;
    } finally {
      this.busy = new Set([...this.busy].filter((id) => id !== groupId));
      this.emit();
    }
  }

  private fail(e: unknown): void {
    this.error = asApiError(e);
  }

  private emit(): void {
    this.dispatchEvent(new Event('change'));
  }
}
