/** The "?" of a screen: a link to its section of the help centre (/aide#aide-…), named for screen readers. */
import { html, type TemplateResult } from 'lit';

export function helpLink(section: string, topic: string): TemplateResult {
  return html`<a class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-question-line mai-help-link" href=${`/aide#${section}`} title=${`Aide : ${topic}`}
    >Aide : ${topic}</a
  >`;
}
