/** <mai-hotline-availability>: "Hotline disponible / indisponible" and the first-response target. */
import { LitElement, html, nothing } from 'lit';
import type { HotlineStatus } from '../../api/hotline.js';
import { formatDateTime } from './format.js';

/** Leaf: `status` in (null while loading). */
export class MaiHotlineAvailability extends LitElement {
  static properties = { status: { attribute: false } };

  status: HotlineStatus | null = null;

  createRenderRoot() {
    return this;
  }

  render() {
    const s = this.status;
    if (!s) return nothing;
    const hours = `${s.firstResponseTargetHours} heure${s.firstResponseTargetHours > 1 ? 's' : ''} ouvrée${s.firstResponseTargetHours > 1 ? 's' : ''}`;
    const window = `du lundi au vendredi, de ${s.workingHours.start} h à ${s.workingHours.end} h`;
    return html`<div class="fr-callout ${s.available ? 'fr-callout--green-emeraude' : 'fr-callout--yellow-moutarde'} fr-mb-2w" role="status">
      <p class="fr-callout__title fr-h6">
        <span class="mai-hotline-dot ${s.available ? 'is-on' : ''}" aria-hidden="true"></span>
        ${s.available ? 'Hotline disponible' : 'Hotline indisponible'}
      </p>
      <p class="fr-callout__text fr-text--sm">
        ${
          s.available
            ? html`Un agent est connecté en ce moment. Nous visons une première réponse en ${hours} au plus (${window}).`
            : html`Aucun agent n’est connecté pour l’instant : vous pouvez tout de même écrire. Votre demande sera traitée dans l’ordre
              d’arrivée, avec une première réponse visée avant le ${formatDateTime(s.firstResponseDueIfOpenedNow)}
              (${hours}, ${window}). Vous recevrez un courriel quand la hotline vous répondra.`
        }
      </p>
    </div>`;
  }
}

customElements.define('mai-hotline-availability', MaiHotlineAvailability);
