/** The presence dot (a template helper, not an element): colour plus a text for screen readers. */
import { html, nothing } from 'lit';
import type { PresenceStatus } from '../../api/chat.js';
import { PRESENCE_LABELS } from './format.js';

/** A small round dot; `undefined` (unknown) renders nothing. */
export function presenceDot(status: PresenceStatus | undefined) {
  if (!status) return nothing;
  const label = PRESENCE_LABELS[status];
  return html`<span class="mai-dot mai-dot--${status}" title=${label}><span class="fr-sr-only">${label}</span></span>`;
}
