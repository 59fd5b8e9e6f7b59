/**
 * <mai-booking-settings-page> (/agenda/disponibilites): my public booking
 * page — switched on or off, its address, the weekly openings, the slot
 * length, the places, the days off (public holidays, exceptions), the notice
 * and the horizon. The form keeps everything on an error.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { apiContext } from '../../controllers/contexts.js';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { CommuneView } from '../../api/reports.js';
import type { BookingSettingsView } from '../../api/booking.js';
import { CANALS, type Canal } from '../../../server/protocol/report-catalog.js';
import { alertBox } from '../shared/fields.js';
import { focusAfter, focusFirstInvalid } from '../shared/focus.js';
import { bodyOf, DAYS, draftErrors, draftOf, type SettingsDraft } from './settings-form.js';
import '../reports/mai-commune-field.js';

const SLOT_LENGTHS = [15, 20, 30, 45, 60, 90, 120];
const PERIODS = ['Matin', 'Après-midi'];

export class MaiBookingSettingsPage extends LitElement {
  static properties = {
    saved: { state: true },
    draft: { state: true },
    commune: { state: true },
    errors: { state: true },
    message: { state: true },
    busy: { state: true },
  };
  saved: BookingSettingsView | null = null;
  draft: SettingsDraft | null = null;
  commune: CommuneView | null = null;
  errors: Record<string, string> = {};
  message = '';
  busy = false;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.saved = await this.api.value!.booking.settings();
      this.draft = draftOf(this.saved);
      const code = this.draft.communeCode;
      if (code) this.commune = (await this.api.value!.reports.communes(code)).items.find((c) => c.code === code) ?? null;
    } catch (e) {
      this.message = errorMessage(e);
    }
  }

  private set(changes: Partial<SettingsDraft>) {
    this.draft = { ...this.draft!, ...changes };
  }

  private setCell(day: number, k: number, which: 'start' | 'end', value: string) {
    const grid = this.draft!.grid.map((cells) => cells.map((c) => ({ ...c })));
    grid[day]![k]![which] = value;
    this.set({ grid });
  }

  private async save(e: Event) {
    e.preventDefault();
    this.message = '';
    this.errors = draftErrors(this.draft!);
    if (Object.keys(this.errors).length) {
      await focusFirstInvalid(this);
      return;
    }
    this.busy = true;
    try {
      this.saved = await this.api.value!.booking.saveSettings(bodyOf({ ...this.draft!, communeCode: this.commune?.code ?? null }));
      await focusAfter(this, '#booking-settings-saved', 'Disponibilités enregistrées.');
    } catch (err) {
      const fields = err instanceof ApiError ? err.fieldErrors : {};
      this.message = Object.keys(fields).length
        ? `Le formulaire contient des erreurs : ${Object.values(fields).join(' ')}`
        : errorMessage(err);
      await focusAfter(this, '#booking-settings-error');
    } finally {
      this.busy = false;
    }
  }

  render() {
    const d = this.draft;
    const s = this.saved;
    if (!d || !s)
      return html`<h1 tabindex="-1">Mes disponibilités</h1>${this.message ? alertBox('error', this.message) : html`<p>Chargement…</p>`}`;
    const err = this.errors;
    const input = (
      id: string,
      label: string,
      value: string,
      on: (v: string) => void,
      o: { type?: string; min?: number; max?: number; error?: string; hint?: string } = {},
    ) =>
      html`<div class="fr-input-group ${o.error ? 'fr-input-group--error' : ''}">
        <label class="fr-label" for=${id}>${label}${o.hint ? html`<span class="fr-hint-text">${o.hint}</span>` : nothing}</label>
        <input class="fr-input" id=${id} type=${o.type ?? 'text'} min=${o.min ?? nothing} max=${o.max ?? nothing} .value=${value}
          aria-invalid=${o.error ? 'true' : 'false'} aria-describedby=${o.error ? `${id}-error` : nothing}
          @input=${(e: Event) => on((e.target as HTMLInputElement).value)} />
        ${o.error ? html`<p class="fr-error-text" id=${`${id}-error`}>${o.error}</p>` : nothing}
      </div>`;
    return html`<h1 tabindex="-1">Mes disponibilités</h1>
      <p>Le public prend rendez-vous avec vous, sans compte, sur votre page. Vous recevez chaque réservation par courriel, et vos rendez-vous apparaissent dans votre <a href="/agenda">agenda</a>.</p>
      ${
        s.enabled
          ? html`<div class="fr-alert fr-alert--info fr-mb-3w" id="booking-settings-saved" tabindex="-1"><p>Votre page est ouverte : <a href=${s.publicUrl}>${s.publicUrl}</a></p></div>`
          : html`<div class="fr-alert fr-alert--info fr-mb-3w" id="booking-settings-saved" tabindex="-1"><p>Votre page de prise de rendez-vous est fermée.</p></div>`
      }
      ${this.message ? html`<div class="fr-alert fr-alert--error fr-mb-3w" id="booking-settings-error" tabindex="-1" role="alert"><p>${this.message}</p></div>` : nothing}
      <form novalidate @submit=${this.save} aria-label="Mes disponibilités">
        <div class="fr-toggle fr-mb-3w">
          <input type="checkbox" class="fr-toggle__input" id="booking-enabled" .checked=${d.enabled} @change=${(e: Event) => this.set({ enabled: (e.target as HTMLInputElement).checked })} />
          <label class="fr-toggle__label" for="booking-enabled">Ouvrir ma page de prise de rendez-vous</label>
        </div>
        <fieldset class="fr-fieldset">
          <legend class="fr-fieldset__legend"><h2 class="fr-h5 fr-mb-1w">Horaires de la semaine</h2>
            <span class="fr-hint-text">Heure de Paris. Laissez vide un jour ou une demi-journée sans rendez-vous.</span></legend>
          ${DAYS.map(
            (name, day) => html`<fieldset class="fr-fieldset fr-fieldset__element mai-booking-day" aria-labelledby=${`grid-${day}-legend`}>
              <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id=${`grid-${day}-legend`}>${name}</legend>
              ${[0, 1].map((k) => {
                const error = err[`grid-${day}-${k}`];
                return html`${(['start', 'end'] as const).map(
                  (which) => html`<div class="fr-fieldset__element fr-fieldset__element--inline mai-booking-time">
                    <div class="fr-input-group ${error ? 'fr-input-group--error' : ''}">
                      <label class="fr-label" for=${`grid-${day}-${k}-${which}`}>${PERIODS[k]} : ${which === 'start' ? 'début' : 'fin'}</label>
                      <input class="fr-input" type="time" step="300" id=${`grid-${day}-${k}-${which}`} .value=${d.grid[day]![k]![which]}
                        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `grid-${day}-${k}-error` : nothing}
                        @input=${(e: Event) => this.setCell(day, k, which, (e.target as HTMLInputElement).value)} />
                      ${error && which === 'end' ? html`<p class="fr-error-text" id=${`grid-${day}-${k}-error`}>${error}</p>` : nothing}
                    </div>
                  </div>`,
                )}`;
              })}
            </fieldset>`,
          )}
          <div class="fr-fieldset__element">
            <div class="fr-select-group">
              <label class="fr-label" for="booking-slot">Durée d’un rendez-vous</label>
              <select class="fr-select" id="booking-slot" @change=${(e: Event) => this.set({ slotMinutes: (e.target as HTMLSelectElement).value })}>
                ${SLOT_LENGTHS.map((m) => html`<option value=${m} ?selected=${String(m) === d.slotMinutes}>${m} minutes</option>`)}
              </select>
            </div>
          </div>
          <div class="fr-fieldset__element">${input('booking-notice', 'Délai de prévenance (heures)', d.noticeHours, (v) => this.set({ noticeHours: v }), { type: 'number', min: 0, max: 720, hint: 'Pas de rendez-vous pris moins de tant d’heures à l’avance.' })}</div>
          <div class="fr-fieldset__element">${input('booking-horizon', 'Horizon (jours)', d.horizonDays, (v) => this.set({ horizonDays: v }), { type: 'number', min: 1, max: 180, hint: 'Jusqu’à combien de jours à l’avance le public peut réserver.' })}</div>
        </fieldset>
        <fieldset class="fr-fieldset">
          <legend class="fr-fieldset__legend"><h2 class="fr-h5 fr-mb-1w">Lieux</h2></legend>
          ${err.places ? html`<p class="fr-error-text fr-fieldset__element">${err.places}</p>` : nothing}
          ${d.places.map(
            (p, i) => html`<div class="fr-fieldset__element mai-booking-place">
              ${input(`place-${i}`, `Lieu ${i + 1}`, p.label, (v) => this.set({ places: d.places.map((x, j) => (j === i ? { ...x, label: v } : x)) }), { error: err[`place-${i}`] })}
              <div class="fr-select-group">
                <label class="fr-label" for=${`place-${i}-canal`}>Type de lieu (lieu ${i + 1})</label>
                <select class="fr-select" id=${`place-${i}-canal`} @change=${(e: Event) => this.set({ places: d.places.map((x, j) => (j === i ? { ...x, canal: (e.target as HTMLSelectElement).value as Canal } : x)) })}>
                  ${CANALS.map((c) => html`<option value=${c.key} ?selected=${c.key === p.canal}>${c.label}</option>`)}
                </select>
              </div>
              <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm" @click=${() => this.set({ places: d.places.filter((_, j) => j !== i) })}>Retirer le lieu ${i + 1}</button>
            </div>`,
          )}
          ${
            d.places.length < 10
              ? html`<div class="fr-fieldset__element"><button type="button" class="fr-btn fr-btn--secondary fr-btn--sm" @click=${() => this.set({ places: [...d.places, { label: '', canal: 'remote' }] })}>Ajouter un lieu</button></div>`
              : nothing
          }
          <div class="fr-fieldset__element">
            <mai-commune-field .api=${this.api.value!.reports} .value=${this.commune} @mai-commune=${(e: CustomEvent) => (this.commune = e.detail.commune)}></mai-commune-field>
            <p class="fr-hint-text">La commune de vos rendez-vous sur place : elle préremplit vos comptes rendus.</p>
          </div>
        </fieldset>
        <fieldset class="fr-fieldset">
          <legend class="fr-fieldset__legend"><h2 class="fr-h5 fr-mb-1w">Jours sans rendez-vous</h2></legend>
          <div class="fr-fieldset__element"><div class="fr-checkbox-group">
            <input type="checkbox" id="booking-holidays" .checked=${d.publicHolidaysOff} @change=${(e: Event) => this.set({ publicHolidaysOff: (e.target as HTMLInputElement).checked })} />
            <label class="fr-label" for="booking-holidays">Fermé les jours fériés</label>
          </div></div>
          ${d.exceptions.map(
            (x, i) => html`<div class="fr-fieldset__element mai-booking-exception">
              ${input(`exception-${i}`, `Absence ${i + 1} : du`, x.from, (v) => this.set({ exceptions: d.exceptions.map((y, j) => (j === i ? { ...y, from: v } : y)) }), { type: 'date', error: err[`exception-${i}`] })}
              ${input(`exception-${i}-to`, `Absence ${i + 1} : au`, x.to, (v) => this.set({ exceptions: d.exceptions.map((y, j) => (j === i ? { ...y, to: v } : y)) }), { type: 'date' })}
              ${input(`exception-${i}-label`, `Absence ${i + 1} : motif (facultatif)`, x.label, (v) => this.set({ exceptions: d.exceptions.map((y, j) => (j === i ? { ...y, label: v } : y)) }))}
              <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm" @click=${() => this.set({ exceptions: d.exceptions.filter((_, j) => j !== i) })}>Retirer l’absence ${i + 1}</button>
            </div>`,
          )}
          <div class="fr-fieldset__element"><button type="button" class="fr-btn fr-btn--secondary fr-btn--sm" @click=${() => this.set({ exceptions: [...d.exceptions, { from: '', to: '', label: '' }] })}>Ajouter une absence</button></div>
        </fieldset>
        <button class="fr-btn" type="submit" ?disabled=${this.busy}>${this.busy ? 'Enregistrement…' : 'Enregistrer mes disponibilités'}</button>
      </form>`;
  }
}

customElements.define('mai-booking-settings-page', MaiBookingSettingsPage);
