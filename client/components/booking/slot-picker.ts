/**
 * The free slots of a booking page: a list of days (a select, short on a
 * phone), then the chosen day's times as radio buttons (arrows move between
 * them). Paris time, as the member set the hours.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PublicBookingView } from '../../api/booking.js';

const dayLabel = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long' });
const timeLabel = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });

/** "mardi 8 décembre à 09:30" in Paris time. */
export const slotLabel = (iso: string) => `${dayLabel.format(new Date(iso))} à ${timeLabel.format(new Date(iso))}`;

/** The picker: `day` is the chosen date (YYYY-MM-DD), `value` the chosen start (ISO). */
export function slotPicker(o: {
  id: string;
  days: PublicBookingView['days'];
  day: string;
  value: string;
  error?: string;
  onDay: (date: string) => void;
  onPick: (startsAt: string) => void;
}): TemplateResult {
  if (!o.days.length) return html`<p id=${o.id} tabindex="-1">Aucun créneau n’est libre pour le moment. Revenez plus tard.</p>`;
  const current = o.days.find((d) => d.date === o.day) ?? o.days[0]!;
  return html`<div class="fr-select-group">
      <label class="fr-label" for=${`${o.id}-day`}>Jour</label>
      <select class="fr-select" id=${`${o.id}-day`} @change=${(e: Event) => o.onDay((e.target as HTMLSelectElement).value)}>
        ${o.days.map(
          (d) => html`<option value=${d.date} ?selected=${d.date === current.date}>
            ${dayLabel.format(new Date(d.slots[0]!.startsAt))} (${d.slots.length} créneau${d.slots.length > 1 ? 'x' : ''})
          </option>`,
        )}
      </select>
    </div>
    <fieldset class="fr-fieldset ${o.error ? 'fr-fieldset--error' : ''}" id=${o.id} aria-labelledby=${`${o.id}-legend ${o.id}-messages`}>
      <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id=${`${o.id}-legend`}>Heure (${dayLabel.format(new Date(current.slots[0]!.startsAt))})</legend>
      ${current.slots.map(
        (s, i) => html`<div class="fr-fieldset__element fr-fieldset__element--inline">
          <div class="fr-radio-group">
            <input type="radio" id=${`${o.id}-${i}`} name=${o.id} value=${s.startsAt} .checked=${o.value === s.startsAt}
              aria-invalid=${o.error ? 'true' : 'false'} @change=${() => o.onPick(s.startsAt)} />
            <label class="fr-label" for=${`${o.id}-${i}`}>${timeLabel.format(new Date(s.startsAt))}</label>
          </div>
        </div>`,
      )}
      <div class="fr-messages-group" id=${`${o.id}-messages`} aria-live="polite">
        ${o.error ? html`<p class="fr-message fr-message--error">${o.error}</p>` : nothing}
      </div>
    </fieldset>`;
}
