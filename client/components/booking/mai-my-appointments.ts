/**
 * <mai-my-appointments> (in /agenda, next to the events): "Mes rendez-vous",
 * the appointments the public booked with me — the coming ones, then the past
 * ones of the last month with one click to their activity report, prefilled
 * (date, canal, theme, commune).
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { apiContext } from '../../controllers/contexts.js';
import { errorMessage } from '../../api/messages.js';
import type { AppointmentView } from '../../api/booking.js';
import { labelOf, THEMES } from '../../../server/protocol/report-catalog.js';
import { slotLabel } from './slot-picker.js';

/** The report form's address, prefilled from an appointment. */
export function reportLinkOf(a: AppointmentView): string {
  const q = new URLSearchParams({ date: a.reportPrefill.date, canal: a.reportPrefill.canal, theme: a.reportPrefill.theme });
  if (a.reportPrefill.commune) q.set('commune', a.reportPrefill.commune.code);
  return `/comptes-rendus/nouveau?${q}`;
}

export class MaiMyAppointments extends LitElement {
  static properties = { items: { state: true }, error: { state: true } };
  items: AppointmentView[] | null = null;
  error = '';
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.api.value!.booking.appointments().then(
      (r) => (this.items = r.items),
      (e) => (this.error = errorMessage(e)),
    );
  }

  private item(a: AppointmentView, past: boolean) {
    return html`<li class="fr-mb-2w">
      <p class="fr-mb-1v"><strong>${slotLabel(a.startsAt)}</strong> — ${a.name}${a.cancelled ? html` <span class="fr-badge fr-badge--sm">Annulé</span>` : nothing}</p>
      <p class="fr-text--sm fr-mb-1v">${a.place} · Motif : ${labelOf(THEMES, a.theme)} · <a href=${`mailto:${a.email}`}>${a.email}</a>${a.phone ? html` · <a href=${`tel:${a.phone}`}>${a.phone}</a>` : nothing}</p>
      ${a.message ? html`<p class="fr-text--sm fr-mb-1v">${a.message}</p>` : nothing}
      ${
        past && !a.cancelled
          ? html`<a class="fr-btn fr-btn--sm fr-btn--secondary" href=${reportLinkOf(a)}>Rédiger le compte rendu<span class="fr-sr-only"> du rendez-vous avec ${a.name}</span></a>`
          : nothing
      }
    </li>`;
  }

  render() {
    const now = Date.now();
    const items = this.items ?? [];
    const coming = items.filter((a) => Date.parse(a.startsAt) > now && !a.cancelled);
    const past = items.filter((a) => Date.parse(a.startsAt) <= now).reverse();
    return html`<section class="fr-mt-6w" aria-labelledby="my-appointments-title" id="mes-rendez-vous">
      <h2 id="my-appointments-title">Mes rendez-vous</h2>
      <p><a class="fr-link fr-icon-settings-5-line fr-link--icon-left" href="/agenda/disponibilites">Gérer mes disponibilités et ma page de prise de rendez-vous</a></p>
      ${this.error ? html`<div class="fr-alert fr-alert--error fr-alert--sm"><p>${this.error}</p></div>` : nothing}
      ${this.items === null && !this.error ? html`<p>Chargement…</p>` : nothing}
      ${
        this.items
          ? html`<h3 class="fr-h6">À venir</h3>
            ${coming.length ? html`<ul class="mai-appointments">${coming.map((a) => this.item(a, false))}</ul>` : html`<p>Aucun rendez-vous à venir.</p>`}
            <h3 class="fr-h6">Passés (31 derniers jours)</h3>
            ${past.length ? html`<ul class="mai-appointments">${past.map((a) => this.item(a, true))}</ul>` : html`<p>Aucun rendez-vous passé.</p>`}`
          : nothing
      }
    </section>`;
  }
}

customElements.define('mai-my-appointments', MaiMyAppointments);
