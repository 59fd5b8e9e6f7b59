/** <mai-event-list>: events as a list by day, with time, place, group, live counts and my state. */
import { LitElement, html, nothing } from 'lit';
import type { AgendaEvent } from '../../api/events.js';
import { dayLabel, timeLabel } from '../../state/calendar.js';
import { countsText, eventBadges, placeText } from './format.js';
import { emptyLine } from '../shared/list-states.js';

/** Leaf: `events` (sorted by start) in; `showGroup` names each event's group. */
export class MaiEventList extends LitElement {
  static properties = {
    events: { attribute: false },
    showGroup: { type: Boolean },
    empty: {},
  };

  events: AgendaEvent[] = [];
  showGroup = false;
  empty = 'Aucun événement sur cette période.';

  createRenderRoot() {
    return this;
  }

  private item(e: AgendaEvent) {
    return html`<li class="mai-event-item ${e.cancelledAt ? 'mai-event-item--cancelled' : ''}" data-event-id=${e.id}>
      <p class="mai-event-item__time">${timeLabel(new Date(e.startsAt))} – ${timeLabel(new Date(e.endsAt))}</p>
      <div>
        <h4 class="fr-h6 fr-mb-0"><a href=${`/evenements/${e.id}`}>${e.title}</a></h4>
        <p class="fr-text--sm fr-mb-0 mai-muted">
          ${[placeText(e), this.showGroup ? e.group.name : ''].filter(Boolean).join(' · ')}
        </p>
        <p class="fr-text--sm fr-mb-0"><span class="mai-event-count">${countsText(e)}</span></p>
        <div class="mai-badges">${eventBadges(e)}</div>
      </div>
    </li>`;
  }

  render() {
    if (!this.events.length) return emptyLine(this.empty);
    const days: { label: string; events: AgendaEvent[] }[] = [];
    for (const e of this.events) {
      const label = dayLabel(new Date(e.startsAt));
      const last = days[days.length - 1];
      if (last?.label === label) last.events.push(e);
      else days.push({ label, events: [e] });
    }
    return html`${days.map(
      (d) => html`<section class="mai-event-day">
        <h3 class="fr-h6 mai-event-day__title">${d.label}</h3>
        <ul class="mai-event-items">${d.events.map((e) => this.item(e))}</ul>
      </section>`,
    )}${nothing}`;
  }
}

customElements.define('mai-event-list', MaiEventList);
