/** Re-renders a component whenever the store in its `store` property dispatches `change` (the store may be set or replaced later). */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A Lit controller: subscribes to `host.store`, following it when it changes. */
export class WatchStore implements ReactiveController {
  private current: EventTarget | null = null;
  private readonly onChange = () => this.host.requestUpdate();

  constructor(private readonly host: ReactiveControllerHost & { store?: EventTarget | null }) {
    host.addController(this);
  }

  hostConnected(): void {
    this.follow();
  }

  /** Runs before every update: picks up a store set since the last one. */
  hostUpdate(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.current?.removeEventListener('change', this.onChange);
    this.current = null;
  }

  private follow(): void {
    const store = this.host.store ?? null;
    if (store === this.current) return;
    this.current?.removeEventListener('change', this.onChange);
    this.current = store;
    store?.addEventListener('change', this.onChange);
  }
}
