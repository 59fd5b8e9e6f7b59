/** <mai-hotline-ticket-list>: a table of tickets (a member's own, or the staff's queue). */
import { LitElement, html, nothing } from 'lit';
import type { Ticket } from '../../api/hotline.js';
import { ClockController } from '../../controllers/clock-controller.js';
import { formatDateTime, handlerText, statusBadge, targetText } from './format.js';

/** Leaf: `tickets` in; each subject links to /hotline/<id>. `staff` adds the requester, category and département. */
export class MaiHotlineTicketList extends LitElement {
  static properties = {
    tickets: { attribute: false },
    staff: { type: Boolean },
  };

  tickets: Ticket[] = [];
  staff = false;
  // Time left is shown in minutes: refresh it every half minute.
  private clock = new ClockController(this, 30_000);

  createRenderRoot() {
    return this;
  }

  render() {
    return html`<div class="fr-table fr-table--no-caption fr-table--layout-fixed mai-hotline-table">
      <table>
        <caption>${this.staff ? 'Demandes' : 'Mes demandes'}</caption>
        <thead>
          <tr>
            <th scope="col" class="mai-col-narrow">N°</th>
            <th scope="col">Objet</th>
            ${this.staff ? html`<th scope="col">Demandeur</th>` : nothing}
            <th scope="col">Statut</th>
            <th scope="col">Traitement</th>
            <th scope="col">Première réponse</th>
          </tr>
        </thead>
        <tbody>
          ${this.tickets.map((t) => {
            const target = targetText(t, this.clock.now);
            return html`<tr data-ticket=${t.id}>
              <td>${t.id}</td>
              <td>
                <a href=${`/hotline/${t.id}`}>${t.subject}</a>
                <br /><span class="fr-text--xs">${t.category ? `${t.category.name} · ` : ''}ouverte le ${formatDateTime(t.createdAt)}</span>
              </td>
              ${this.staff ? html`<td>${t.requester.displayName}<br /><span class="fr-text--xs">${t.departmentCode ? `Dép. ${t.departmentCode}` : ''}</span></td>` : nothing}
              <td>${statusBadge(t.status)}</td>
              <td>${handlerText(t)}</td>
              <td class=${target.late ? 'mai-hotline-late' : ''}>${target.text}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }
}

customElements.define('mai-hotline-ticket-list', MaiHotlineTicketList);
