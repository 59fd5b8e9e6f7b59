/** ClockController: the time now, refreshed while the host is shown, for what counts down (time left to answer). */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Re-renders the host every `everyMs` with `now` updated; stops while it is disconnected. */
export class ClockController implements ReactiveController {
  now = Date.now();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly everyMs = 30_000,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.timer = setInterval(() => {
      this.now = Date.now();
      this.host.requestUpdate();
    }, this.everyMs);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
  }
}
