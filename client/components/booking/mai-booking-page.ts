/**
 * <mai-booking-page> (/rendez-vous/<slug>, public, no account): a member's
 * free slots, then name, contact, motive (the CRA themes) and the anti-robot
 * check. On an error the form keeps everything and focus goes to the first
 * field in error; a slot taken meanwhile reloads the list and says so.
 */
import { ContextConsumer } from '@lit/context';
import { html, nothing } from 'lit';
import { apiContext } from '../../controllers/contexts.js';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { PublicBookingView, VisitorAppointmentView } from '../../api/booking.js';
import { THEMES } from '../../../server/protocol/report-catalog.js';
import { alertBox, fieldRow, radioGroup, selectField, textArea, textRows, withField } from '../shared/fields.js';
import { MaiFormPage } from '../shared/form-page.js';
import { focusAfter } from '../shared/focus.js';
import { slotLabel, slotPicker } from './slot-picker.js';
import '../shared/mai-anti-robot.js';

const EMPTY = { name: '', email: '', phone: '', theme: '', message: '', place: '0' };
type Values = typeof EMPTY;

export class MaiBookingPage extends MaiFormPage {
  static properties = {
    slug: { type: String },
    view: { state: true },
    loadError: { state: true },
    values: { state: true },
    errors: { state: true },
    day: { state: true },
    startsAt: { state: true },
    booked: { state: true },
  };
  slug = '';
  view: PublicBookingView | null = null;
  loadError = '';
  values: Values = { ...EMPTY };
  errors: Record<string, string> = {};
  day = '';
  startsAt = '';
  booked: VisitorAppointmentView | null = null;
  private api = new ContextConsumer(this, { context: apiContext });

  willUpdate(changed: Map<string, unknown>) {
    if (changed.has('slug')) void this.load();
  }

  private async load() {
    if (!this.api.value) return;
    if (!this.slug) {
      this.loadError = 'Cette adresse ne désigne aucune page de prise de rendez-vous : utilisez le lien complet que l’on vous a donné.';
      return;
    }
    try {
      this.view = await this.api.value.booking.publicPage(this.slug);
      if (!this.view.days.some((d) => d.date === this.day)) this.day = this.view.days[0]?.date ?? '';
      if (!this.view.days.some((d) => d.slots.some((s) => s.startsAt === this.startsAt))) this.startsAt = '';
    } catch (e) {
      this.loadError =
        e instanceof ApiError && e.status === 404
          ? 'Cette page de prise de rendez-vous n’existe pas ou n’est plus ouverte.'
          : errorMessage(e);
    }
  }

  private validate(): Record<string, string> {
    const v = this.values;
    const errors: Record<string, string> = {};
    if (!this.startsAt) errors.startsAt = 'Choisissez un créneau.';
    if (v.name.trim().length < 2) errors.name = 'Indiquez votre nom.';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) errors.email = 'Le format attendu est nom@domaine.fr.';
    if (!v.theme) errors.theme = 'Choisissez le motif du rendez-vous.';
    return errors;
  }

  private async onSubmit(e: Event) {
    e.preventDefault();
    this.errors = this.validate();
    await this.submitFields(
      this.errors,
      (fields) => (this.errors = fields),
      () => this.send(),
      async (err, fields) => {
        if (err instanceof ApiError && (err.code === 'slot_taken' || err.code === 'slot_unavailable')) {
          fields.startsAt = err.message;
          await this.load();
        }
      },
    );
  }

  private async send() {
    const v = this.values;
    const altcha = (await this.antiRobotAnswer())!;
    this.booked = await this.api.value!.booking.book(this.slug, {
      startsAt: this.startsAt,
      place: Number(v.place),
      name: v.name.trim(),
      email: v.email.trim(),
      phone: v.phone.trim() || null,
      theme: v.theme as never,
      message: v.message.trim() || null,
      altcha,
    });
    await focusAfter(this, '#booking-done', 'Rendez-vous confirmé.');
  }

  private done(b: VisitorAppointmentView) {
    return html`<div class="fr-alert fr-alert--success fr-mb-3w" id="booking-done" tabindex="-1">
        <h2 class="fr-alert__title">Rendez-vous confirmé</h2>
        <p>Le ${slotLabel(b.startsAt)} avec ${b.hostName}, lieu : ${b.place}.</p>
      </div>
      <p>Un courriel de confirmation vous a été envoyé à ${this.values.email.trim()}, avec le rendez-vous à ajouter à votre agenda et un lien pour l’annuler ou le déplacer.</p>`;
  }

  render() {
    const v = this.view;
    if (this.loadError) return html`<h1 tabindex="-1">Prendre rendez-vous</h1>${alertBox('error', this.loadError)}`;
    if (!v) return html`<h1 tabindex="-1">Prendre rendez-vous</h1><p>Chargement…</p>`;
    const title = `Prendre rendez-vous avec ${v.host.displayName}`;
    if (this.booked) return html`<h1 tabindex="-1">${title}</h1>${this.done(this.booked)}`;
    const err = this.errors;
    const field = textRows('booking', this.values, err);
    const who = [v.host.jobTitle, v.host.employer].filter(Boolean).join(', ');
    return html`<h1 tabindex="-1">${title}</h1>
      ${who ? html`<p class="fr-text--lead">${who}</p>` : nothing}
      <p class="fr-text--sm">Sauf mention contraire, tous les champs sont obligatoires. Rendez-vous de ${v.slotMinutes} minutes, heure de Paris.</p>
      ${this.formError ? alertBox('error', this.formError) : nothing}
      <form novalidate @input=${(e: Event) => this.onField(e)} @change=${(e: Event) => this.onField(e)} @submit=${this.onSubmit} aria-label="Prendre rendez-vous">
        <fieldset class="fr-fieldset">
          <legend class="fr-fieldset__legend"><h2 class="fr-h5 fr-mb-1w">Le créneau</h2></legend>
          ${fieldRow(
            slotPicker({
              id: 'booking-slot',
              days: v.days,
              day: this.day,
              value: this.startsAt,
              error: err.startsAt,
              onDay: (d) => (this.day = d),
              onPick: (s) => {
                this.startsAt = s;
                this.errors = { ...this.errors, startsAt: '' };
              },
            }),
          )}
          ${
            v.places.length > 1
              ? fieldRow(
                  radioGroup({
                    id: 'booking-place',
                    name: 'place',
                    label: 'Lieu',
                    value: this.values.place,
                    error: err.place,
                    options: v.places.map((p, i) => ({ value: String(i), label: p.label })),
                  }),
                )
              : html`<p class="fr-fieldset__element">Lieu : ${v.places[0]?.label}</p>`
          }
        </fieldset>
        <fieldset class="fr-fieldset">
          <legend class="fr-fieldset__legend"><h2 class="fr-h5 fr-mb-1w">Vous</h2></legend>
          ${field('name', 'Nom et prénom', { autocomplete: 'name' })}
          ${field('email', 'Adresse électronique', { type: 'email', autocomplete: 'email', hint: 'La confirmation y sera envoyée. Format attendu : nom@domaine.fr' })}
          ${field('phone', 'Téléphone', { type: 'tel', autocomplete: 'tel', optional: true, hint: 'Format attendu : 06 12 34 56 78' })}
          ${fieldRow(selectField({ id: 'booking-theme', name: 'theme', label: 'Motif du rendez-vous', value: this.values.theme, error: err.theme, placeholder: 'Choisissez un motif', options: THEMES.map((t) => ({ value: t.key, label: t.label })) }))}
          ${fieldRow(textArea({ id: 'booking-message', name: 'message', label: 'Précisions', optional: true, value: this.values.message, error: err.message, maxlength: 1000, hint: 'Ne donnez pas d’informations sensibles (santé, numéros de compte…).' }))}
        </fieldset>
        <fieldset class="fr-fieldset">
          <legend class="fr-fieldset__legend"><h2 class="fr-h5 fr-mb-1w">Vérification anti-robot</h2></legend>
          ${fieldRow(html`<mai-anti-robot input-id="booking-altcha" .error=${err.altcha ?? ''}></mai-anti-robot>`)}
        </fieldset>
        <button class="fr-btn" type="submit" ?disabled=${this.busy}>${this.busy ? 'Réservation en cours…' : 'Réserver ce rendez-vous'}</button>
      </form>`;
  }

  private onField(e: Event) {
    const target = e.target as HTMLElement;
    // The slot picker's own controls are handled by their listeners.
    if (target.closest('#booking-slot') || (target as HTMLSelectElement).id === 'booking-slot-day') return;
    this.values = withField(this.values, e);
  }
}

customElements.define('mai-booking-page', MaiBookingPage);
