/** Thematic channels as animators and admins manage them: archived ones included, with member counts. */
import type { Channel, ChannelUpdate, ChatApi, ManagedChannel } from '../api/chat.js';

/** Plain store (no Lit): dispatches `change`. Only loaded for animators and admins. */
export class ThematicAdminStore extends EventTarget {
  items: ManagedChannel[] = [];
  status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  error: unknown = null;

  constructor(private readonly api: Pick<ChatApi, 'thematicAll' | 'createThematic' | 'updateThematic'>) {
    super();
  }

  /** GET /api/channels/thematic. */
  async load(): Promise<void> {
    this.status = this.items.length ? this.status : 'loading';
    this.error = null;
    this.emit();
    try {
      this.items = await this.api.thematicAll();
      this.status = 'ready';
    } catch (e) {
      this.error = e;
      this.status = 'error';
    }
    this.emit();
  }

  /** POST /api/channels; the creator is in it (the hub's `channel:added` updates the sidebar). */
  async create(name: string, description: string | null): Promise<Channel> {
    const c = await this.api.createThematic({ name, description });
    this.put({ ...c, memberCount: 1 });
    return c;
  }

  /** PATCH /api/channels/:id (members hear it through `channel:updated`). */
  async update(id: number, changes: { name?: string; description?: string | null; archived?: boolean }): Promise<Channel> {
    const c = await this.api.updateThematic(id, changes);
    this.put({ ...c, memberCount: this.items.find((x) => x.id === id)?.memberCount ?? 0 });
    return c;
  }

  /** `channel:updated` seen by me as a member (another animator's change). */
  applyUpdate(u: ChannelUpdate): void {
    const c = this.items.find((x) => x.id === u.id);
    if (c) this.put({ ...c, name: u.name, description: u.description, archived: u.archived, archivedAt: u.archivedAt });
  }

  /** Forgets everything (sign-out). */
  clear(): void {
    this.items = [];
    this.status = 'idle';
    this.emit();
  }

  private put(c: ManagedChannel): void {
    const i = this.items.findIndex((x) => x.id === c.id);
    if (i >= 0) this.items[i] = c;
    else this.items.push(c);
    this.items.sort((a, b) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' }));
    this.emit();
  }

  private emit(): void {
    this.dispatchEvent(new Event('change'));
  }
}
