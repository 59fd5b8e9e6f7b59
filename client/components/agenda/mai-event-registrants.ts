/** <mai-event-registrants>: the organisers' list of registrants (both lists, then the waiting lists), with the CSV export. */
import { LitElement, html, nothing } from 'lit';
import type { Registrant } from '../../api/events.js';
import { dateLabel } from '../../state/calendar.js';

const LIST = { member: 'Membre', prescription: 'Sur prescription' } as const;

/** Leaf: `registrants` and `csvUrl` in; fires `mai-registration-remove` `{ registrant }`. */
export class MaiEventRegistrants extends LitElement {
  static properties = {
    registrants: { attribute: false },
    csvUrl: {},
  };

  registrants: Registrant[] = [];
  csvUrl = '';

  createRenderRoot() {
    return this;
  }

  private row(r: Registrant) {
    return html`<tr>
      <td>${r.name ?? '—'}${r.prescriber ? html`<br /><span class="fr-text--sm mai-muted">inscrit(e) par ${r.prescriber.displayName}</span>` : nothing}</td>
      <td>${r.email ?? '—'}</td>
      <td>${r.employer ?? ''}</td>
      <td>${LIST[r.list]}</td>
      <td>${r.status === 'registered' ? 'Inscrit(e)' : `En attente (n° ${r.position})`}</td>
      <td>${dateLabel(new Date(r.createdAt))}</td>
      <td><button class="fr-btn fr-btn--tertiary fr-btn--sm" type="button" aria-label=${`Retirer ${r.name ?? ''}`}
        @click=${() => this.dispatchEvent(new CustomEvent('mai-registration-remove', { detail: { registrant: r }, bubbles: true }))}>Retirer</button></td>
    </tr>`;
  }

  render() {
    return html`<div class="mai-registrants">
      <p><a class="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left" href=${this.csvUrl} download>Exporter les inscrits (CSV)</a></p>
      ${
        this.registrants.length
          ? html`<div class="fr-table fr-table--no-caption">
            <table>
              <caption>Personnes inscrites</caption>
              <thead><tr><th scope="col">Nom</th><th scope="col">E-mail</th><th scope="col">Structure</th><th scope="col">Liste</th><th scope="col">Statut</th><th scope="col">Inscription</th><th scope="col">Action</th></tr></thead>
              <tbody>${this.registrants.map((r) => this.row(r))}</tbody>
            </table>
          </div>`
          : html`<p class="mai-muted">Personne n’est encore inscrit.</p>`
      }
    </div>`;
  }
}

customElements.define('mai-event-registrants', MaiEventRegistrants);
