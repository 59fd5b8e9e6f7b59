/**
 * <mai-organised-events-page> (/mes-evenements): "Mes événements —
 * inscriptions". Every event I organise with its dates and their counts; a
 * date's list opens below it; CSV and XLSX per event and for all.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { apiContext } from '../../controllers/contexts.js';
import { errorMessage } from '../../api/messages.js';
import type { Registrant } from '../../api/events.js';
import { EVENT_STATUSES, type OrganisedEvent } from '../../api/workshops.js';
import { alertBox } from '../shared/fields.js';
import { focusAfter } from '../shared/focus.js';

export class MaiOrganisedEventsPage extends LitElement {
  static properties = { items: { state: true }, error: { state: true }, open: { state: true }, list: { state: true } };
  items: OrganisedEvent[] | null = null;
  error = '';
  /** The session whose list is shown, and its lines. */
  open: { eventId: number; sessionId: number } | null = null;
  list: Registrant[] | null = null;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.api.value?.workshops
      .organised()
      .then((r) => (this.items = r.items))
      .catch((e) => (this.error = errorMessage(e)));
  }

  private async show(eventId: number, sessionId: number) {
    this.open = { eventId, sessionId };
    this.list = null;
    try {
      this.list = (await this.api.value!.workshops.sessionList(eventId, sessionId)).items;
    } catch (e) {
      this.error = errorMessage(e);
    }
    await focusAfter(this, `#liste-${sessionId}`);
  }

  private table(sessionId: number) {
    const rows = this.list;
    if (!rows) return html`<p>Chargement…</p>`;
    if (!rows.length) return html`<p id=${`liste-${sessionId}`} tabindex="-1">Personne n’est encore inscrit à cette date.</p>`;
    return html`<div class="fr-table fr-table--no-caption" style="overflow-x:auto">
      <table id=${`liste-${sessionId}`} tabindex="-1">
        <caption>Inscrits de cette date</caption>
        <thead><tr><th scope="col">Nom</th><th scope="col">E-mail</th><th scope="col">Téléphone</th><th scope="col">Liste</th><th scope="col">Statut</th></tr></thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr>
              <td>${r.name}</td><td>${r.email}</td><td>${r.phone ?? ''}</td>
              <td>${r.list === 'prescription' ? `Sur prescription (${r.prescriber?.displayName ?? ''})` : r.visitor ? 'Directe (sans compte)' : 'Directe (membre)'}</td>
              <td>${r.status === 'registered' ? 'Inscrit(e)' : `Liste d’attente (n° ${r.position})`}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private event(e: OrganisedEvent) {
    const w = this.api.value!.workshops;
    return html`<section class="fr-mb-5w" id=${`evenement-${e.id}`} aria-labelledby=${`titre-${e.id}`}>
      <h2 class="fr-h4" id=${`titre-${e.id}`}>${e.title}</h2>
      <p class="fr-text--sm">${e.group.name} · ${EVENT_STATUSES[e.status]} · ${e.access === 'public' ? 'Public' : 'Professionnels'}${e.cancelledAt ? ' · Annulé' : ''}
        ${e.status === 'published' && e.access === 'public' ? html` · <a href=${`/evenements-publics/${e.id}`}>Page publique</a>` : nothing}</p>
      <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
        <li><a class="fr-btn" href=${`/evenements/${e.id}/modifier`} aria-label=${`Modifier « ${e.title} »`}>Modifier</a></li>
        <li><a class="fr-btn fr-btn--secondary" href=${w.csvUrl(e.id)} download>Exporter en CSV</a></li>
        <li><a class="fr-btn fr-btn--secondary" href=${w.xlsxUrl(e.id)} download>Exporter en XLSX</a></li>
      </ul>
      <ul class="fr-raw-list">
        ${e.sessions.map(
          (s) => html`<li class="fr-mb-2w">
            <p class="fr-mb-1w"><strong>${s.label}</strong> — ${s.status === 'cancelled' ? 'annulée' : `${s.registeredCount}${s.capacity !== null ? `/${s.capacity}` : ''} inscrit(s), ${s.waitlistCount} en attente`}${s.prescriptionCapacity !== null ? ` · sur prescription : ${s.prescriptionRegisteredCount}/${s.prescriptionCapacity}` : ''}</p>
            <button class="fr-btn fr-btn--tertiary fr-btn--sm" aria-expanded=${this.open?.sessionId === s.id ? 'true' : 'false'} @click=${() => this.show(e.id, s.id)}>Afficher la liste du ${s.label}</button>
            ${this.open?.sessionId === s.id ? this.table(s.id) : nothing}
          </li>`,
        )}
      </ul>
    </section>`;
  }

  render() {
    const w = this.api.value?.workshops;
    return html`<h1 tabindex="-1">Mes événements — inscriptions</h1>
      <ul class="fr-btns-group fr-btns-group--inline-sm">
        <li><a class="fr-btn" href="/evenements/nouveau">Proposer un événement</a></li>
        ${
          this.items?.length && w
            ? html`<li><a class="fr-btn fr-btn--secondary" href=${w.csvUrl(null)} download>Toutes les listes (CSV)</a></li>
              <li><a class="fr-btn fr-btn--secondary" href=${w.xlsxUrl(null)} download>Toutes les listes (XLSX)</a></li>`
            : nothing
        }
      </ul>
      ${this.error ? alertBox('error', this.error) : nothing}
      ${this.items === null ? html`<p>Chargement…</p>` : this.items.length ? this.items.map((e) => this.event(e)) : html`<p>Vous n’organisez aucun événement pour l’instant.</p>`}`;
  }
}

customElements.define('mai-organised-events-page', MaiOrganisedEventsPage);
