/** How the group managers' tabs (members, requests) run an action on the group. */
import { errorMessage } from '../../api/messages.js';
import type { Notice } from '../shared/fields.js';

/**
 * Runs `action`, then says `done` and reads the tab again; the group page is
 * told too (`mai-group-changed`), since it shows the member count. A failure
 * is said instead.
 */
export async function groupAction(
  host: HTMLElement & { notice: Notice | null },
  action: () => Promise<unknown>,
  done: string,
  reload: () => Promise<void>,
): Promise<void> {
  host.notice = null;
  try {
    await action();
    host.notice = { kind: 'success', text: done };
    await reload();
    host.dispatchEvent(new CustomEvent('mai-group-changed', { bubbles: true, composed: true }));
  } catch (err) {
    host.notice = { kind: 'error', text: errorMessage(err) };
  }
}
