/** <mai-calendar-month>: a month as a table of weeks, Monday first, with each day's events as links. */
import { LitElement, html, nothing } from 'lit';
import type { AgendaEvent } from '../../api/events.js';
import { WEEKDAYS, byDay, dayKey, dayLabel, monthGrid, monthLabel, timeLabel } from '../../state/calendar.js';

/** Leaf: `month` (any day of it) and `events` in. */
export class MaiCalendarMonth extends LitElement {
  static properties = {
    month: { attribute: false },
    events: { attribute: false },
  };

  month = new Date();
  events: AgendaEvent[] = [];

  createRenderRoot() {
    return this;
  }

  private cell(day: Date, events: AgendaEvent[], today: string) {
    const other = day.getMonth() !== this.month.getMonth();
    const key = dayKey(day);
    return html`<td class="mai-cal__day ${other ? 'mai-cal__day--other' : ''} ${key === today ? 'mai-cal__day--today' : ''}">
      <span class="mai-cal__num"><span aria-hidden="true">${day.getDate()}</span><span class="fr-sr-only">${dayLabel(day)}</span></span>
      ${
        events.length
          ? html`<ul class="mai-cal__events">
            ${events.map(
              (
                e,
              ) => html`<li class=${`mai-cal__event${e.cancelledAt ? ' mai-cal__event--cancelled' : ''}${e.myRegistration ? ' mai-cal__event--mine' : ''}`}>
                <a href=${`/evenements/${e.id}`}
                  >${dayKey(new Date(e.startsAt)) === key ? html`<span class="mai-cal__time">${timeLabel(new Date(e.startsAt))}</span> ` : nothing}${e.title}${
                    e.cancelledAt ? html`<span class="fr-sr-only"> (annulé)</span>` : nothing
                  }${e.myRegistration ? html`<span class="fr-sr-only"> (${e.myRegistration.status === 'registered' ? 'inscrit' : 'en attente'})</span>` : nothing}</a
                >
              </li>`,
            )}
          </ul>`
          : nothing
      }
    </td>`;
  }

  render() {
    const days = byDay(this.events);
    const today = dayKey(new Date());
    return html`<div class="mai-cal">
      <table>
        <caption class="fr-sr-only">${monthLabel(this.month)}</caption>
        <thead>
          <tr>${WEEKDAYS.map((d) => html`<th scope="col"><abbr title=${d.long}>${d.short}</abbr></th>`)}</tr>
        </thead>
        <tbody>
          ${monthGrid(this.month).map((week) => html`<tr>${week.map((day) => this.cell(day, days.get(dayKey(day)) ?? [], today))}</tr>`)}
        </tbody>
      </table>
    </div>`;
  }
}

customElements.define('mai-calendar-month', MaiCalendarMonth);
