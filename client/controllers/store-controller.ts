/** StoreController: re-renders its host whenever a store dispatches `change`. */
import { ContextConsumer, type Context } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Watches a store given directly, or taken from a context (then `value` is set once the
 * provider answers, which happens synchronously on connect when <mai-app> is an ancestor).
 */
export class StoreController<S extends EventTarget> implements ReactiveController {
  value: S | undefined;
  private readonly host: ReactiveControllerHost & HTMLElement;
  private connected = false;
  private readonly onChange = () => this.host.requestUpdate();

  constructor(host: ReactiveControllerHost & HTMLElement, source: S | Context<unknown, S>) {
    this.host = host;
    if (source instanceof EventTarget) this.value = source;
    // Added after `value` is set: addController runs hostConnected at once if the host is connected.
    host.addController(this);
    if (!(source instanceof EventTarget)) {
      new ContextConsumer(host, {
        context: source,
        subscribe: true,
        callback: (store) => this.attach(store),
      });
    }
  }

  hostConnected(): void {
    this.connected = true;
    this.value?.addEventListener('change', this.onChange);
  }

  hostDisconnected(): void {
    this.connected = false;
    this.value?.removeEventListener('change', this.onChange);
  }

  private attach(store: S): void {
    if (store === this.value) return;
    this.value?.removeEventListener('change', this.onChange);
    this.value = store;
    if (this.connected) store.addEventListener('change', this.onChange);
    this.host.requestUpdate();
  }
}
