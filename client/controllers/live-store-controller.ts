/** LiveStoreController: a container's own live store, opened for a key (a group, an event) and followed on the hub. */
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Api } from '../api/index.js';
import type { LiveStore } from '../state/live-store.js';
import { apiContext, hubContext } from './contexts.js';

type Host = ReactiveControllerHost & HTMLElement;

/** How to open the store: its key (read before each update), how to make one, what to load first. */
export interface LiveStoreOptions<S extends LiveStore, K> {
  key: () => K;
  create: (api: Api, key: K) => S;
  start: (store: S) => void;
}

/**
 * Before each update, opens a new store when the key changed (or none is open
 * and the API is there): it follows the hub, re-renders the host on `change`,
 * and `start` loads it. A disconnected host drops its store; the next update
 * opens a fresh one.
 */
export class LiveStoreController<S extends LiveStore, K> implements ReactiveController {
  value: S | undefined;
  private key: K | undefined;
  private readonly api: ContextConsumer<typeof apiContext, Host>;
  private readonly hub: ContextConsumer<typeof hubContext, Host>;
  private readonly onChange = () => this.host.requestUpdate();

  constructor(
    private readonly host: Host,
    private readonly options: LiveStoreOptions<S, K>,
  ) {
    this.api = new ContextConsumer(host, { context: apiContext });
    this.hub = new ContextConsumer(host, { context: hubContext });
    host.addController(this);
  }

  hostUpdate(): void {
    const key = this.options.key();
    if ((this.value && key === this.key) || !this.api.value) return;
    this.close();
    const store = this.options.create(this.api.value, key);
    this.value = store;
    this.key = key;
    store.addEventListener('change', this.onChange);
    if (this.hub.value) store.follow(this.hub.value);
    this.options.start(store);
  }

  hostDisconnected(): void {
    this.close();
  }

  private close(): void {
    this.value?.unfollow();
    this.value?.removeEventListener('change', this.onChange);
    this.value = undefined;
  }
}
