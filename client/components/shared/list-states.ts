/** Template helpers for the states of what a container loads: loading, failed (with a retry), empty, "more". */
import { html, type TemplateResult } from 'lit';
import { alertBox } from './fields.js';

/** A visible loading line, announced politely. */
export function loadingLine(text: string): TemplateResult {
  return html`<p role="status">${text}</p>`;
}

/** A status line for screen readers only (the list itself shows the rest). */
export function srStatus(text: string): TemplateResult {
  return html`<p class="fr-sr-only" role="status">${text}</p>`;
}

/** A failed load: its message, and a button that tries again (secondary unless `primary`). */
export function retryAlert(message: string, retry: () => unknown, o: { primary?: boolean } = {}): TemplateResult {
  return html`${alertBox('error', message)}<button class=${o.primary ? 'fr-btn' : 'fr-btn fr-btn--secondary'} type="button" @click=${retry}>Réessayer</button>`;
}

/** The muted line that stands for an empty list. */
export function emptyLine(text: string): TemplateResult {
  return html`<p class="mai-muted">${text}</p>`;
}

/** The button under a paged list; with `loading` it is disabled (and says `loadingLabel`, if any) while a page loads. */
export function moreButton(label: string, more: () => unknown, o: { loading?: boolean; loadingLabel?: string } = {}): TemplateResult {
  return html`<button class="fr-btn fr-btn--secondary" type="button" ?disabled=${!!o.loading} @click=${more}>${o.loading && o.loadingLabel ? o.loadingLabel : label}</button>`;
}
