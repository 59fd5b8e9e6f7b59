/** Shared body of the pages still to be built: a title and a DSFR callout. */
import { html } from 'lit';

/** Renders an h1 (focus target) and a callout describing what the page will hold. */
export function placeholderPage(title: string, text: string) {
  return html`<h1 tabindex="-1">${title}</h1>
    <div class="fr-callout fr-icon-information-line">
      <h2 class="fr-callout__title">Bientôt disponible</h2>
      <p class="fr-callout__text">${text}</p>
    </div>`;
}
