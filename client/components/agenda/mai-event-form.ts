/** <mai-event-form>: create or edit an event (dates in local time, places, lists and their capacities). */
import { LitElement, html, nothing } from 'lit';
import type { AgendaEvent, EventInput } from '../../api/events.js';
import { fromLocalInput, toLocalInput } from '../../state/calendar.js';
import { focusFirstError, textArea, textField } from '../shared/fields.js';

/** What the form hands to its container. */
export interface EventSave {
  input: EventInput;
  inviteGroup: boolean;
}

const num = (v: FormDataEntryValue | null) => (v === null || String(v).trim() === '' ? null : Number(v));

/** Leaf: `event` (null: a new one), `busy`, `errors` in; fires `mai-event-save` (EventSave) and `mai-event-form-cancel`. */
export class MaiEventForm extends LitElement {
  static properties = {
    event: { attribute: false },
    busy: { type: Boolean },
    errors: { attribute: false },
    localErrors: { state: true },
  };

  event: AgendaEvent | null = null;
  busy = false;
  errors: Record<string, string> = {};
  localErrors: Record<string, string> = {};

  createRenderRoot() {
    return this;
  }

  private onSubmit(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const d = new FormData(form);
    const text = (k: string) => String(d.get(k) ?? '').trim() || null;
    const input: EventInput = {
      title: String(d.get('title') ?? '').trim(),
      description: text('description'),
      startsAt: fromLocalInput(String(d.get('startsAt') ?? '')) ?? '',
      endsAt: fromLocalInput(String(d.get('endsAt') ?? '')) ?? '',
      location: text('location'),
      videoUrl: text('videoUrl'),
      capacity: num(d.get('capacity')),
      waitlist: d.get('waitlist') === 'on',
      prescriptionCapacity: num(d.get('prescriptionCapacity')),
      registrationDeadline: fromLocalInput(String(d.get('registrationDeadline') ?? '')),
    };
    const errors: Record<string, string> = {};
    if (!input.title) errors.title = 'Donnez un titre à l’événement.';
    if (!input.startsAt) errors.startsAt = 'Indiquez le début.';
    if (!input.endsAt) errors.endsAt = 'Indiquez la fin.';
    else if (input.startsAt && input.endsAt <= input.startsAt) errors.endsAt = 'La fin doit suivre le début.';
    if (!input.location && !input.videoUrl) errors.location = 'Indiquez un lieu ou un lien de visioconférence.';
    for (const k of ['capacity', 'prescriptionCapacity'] as const) {
      const v = input[k];
      if (v !== null && (!Number.isInteger(v) || v < 1)) errors[k] = 'Un nombre entier de places, au moins 1.';
    }
    this.localErrors = errors;
    if (Object.keys(errors).length) {
      void this.updateComplete.then(() => focusFirstError(this));
      return;
    }
    this.dispatchEvent(new CustomEvent<EventSave>('mai-event-save', { detail: { input, inviteGroup: d.get('inviteGroup') === 'on' }, bubbles: true }));
  }

  render() {
    const ev = this.event;
    const err = { ...this.errors, ...this.localErrors };
    const p = ev ? `ev-edit-${ev.id}` : 'ev-new';
    const f = (name: string, label: string, value: string, o: Partial<Parameters<typeof textField>[0]> = {}) =>
      textField({ id: `${p}-${name}`, name, label, value, error: err[name], ...o });
    return html`<form class="mai-event-form" novalidate @submit=${this.onSubmit} aria-label=${ev ? 'Modifier l’événement' : 'Nouvel événement'}>
      ${f('title', 'Titre', ev?.title ?? '', { maxlength: 200 })}
      ${textArea({ id: `${p}-description`, name: 'description', label: 'Description', value: ev?.description ?? '', optional: true, rows: 3, maxlength: 10000 })}
      <div class="mai-form-row"><div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-6">${f('startsAt', 'Début', toLocalInput(ev?.startsAt ?? null), { type: 'datetime-local' })}</div>
        <div class="fr-col-12 fr-col-md-6">${f('endsAt', 'Fin', toLocalInput(ev?.endsAt ?? null), { type: 'datetime-local' })}</div>
      </div></div>
      ${f('location', 'Lieu', ev?.location ?? '', { optional: true, maxlength: 300, hint: 'Adresse, salle… ou laissez vide pour un événement en visio.' })}
      ${f('videoUrl', 'Lien de visioconférence', ev?.videoUrl ?? '', { optional: true, type: 'url', hint: 'https://…' })}
      <div class="mai-form-row"><div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-4">${f('capacity', 'Nombre de places', ev?.capacity?.toString() ?? '', { optional: true, type: 'number', inputmode: 'numeric', hint: 'Vide : sans limite.' })}</div>
        <div class="fr-col-12 fr-col-md-4">${f('prescriptionCapacity', 'Places « sur prescription »', ev?.prescriptionCapacity?.toString() ?? '', { optional: true, type: 'number', inputmode: 'numeric', hint: 'Personnes inscrites par un professionnel. Vide : pas de liste.' })}</div>
        <div class="fr-col-12 fr-col-md-4">${f('registrationDeadline', 'Date limite d’inscription', toLocalInput(ev?.registrationDeadline ?? null), { optional: true, type: 'datetime-local', hint: 'Vide : jusqu’au début.' })}</div>
      </div></div>
      <div class="fr-checkbox-group fr-mb-2w">
        <input type="checkbox" id=${`${p}-waitlist`} name="waitlist" ?checked=${ev ? ev.waitlist : true} />
        <label class="fr-label" for=${`${p}-waitlist`}>Liste d’attente quand c’est complet<span class="fr-hint-text">La première personne en attente prend automatiquement une place libérée.</span></label>
      </div>
      ${ev
        ? nothing
        : html`<div class="fr-checkbox-group fr-mb-2w">
            <input type="checkbox" id=${`${p}-invite`} name="inviteGroup" checked />
            <label class="fr-label" for=${`${p}-invite`}>Inviter tous les membres du groupe<span class="fr-hint-text">Ils reçoivent une notification.</span></label>
          </div>`}
      <ul class="fr-btns-group fr-btns-group--inline">
        <li><button class="fr-btn" type="submit" ?disabled=${this.busy}>${this.busy ? 'Enregistrement…' : ev ? 'Enregistrer' : 'Créer l’événement'}</button></li>
        <li><button class="fr-btn fr-btn--tertiary" type="button" @click=${() => this.dispatchEvent(new CustomEvent('mai-event-form-cancel', { bubbles: true }))}>Annuler</button></li>
      </ul>
    </form>`;
  }
}

customElements.define('mai-event-form', MaiEventForm);
