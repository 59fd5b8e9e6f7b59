/** <mai-event-form>: create or edit an event (dates in local time, places, lists and their capacities). */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { AgendaEvent, EventInput } from '../../api/events.js';
import { fromLocalInput, toLocalInput } from '../../state/calendar.js';
import { textArea, textField, withField } from '../shared/fields.js';
import { focusAfter, focusFirstInvalid } from '../shared/focus.js';

/** What the form hands to its container. */
export interface EventSave {
  input: EventInput;
  inviteGroup: boolean;
}

const num = (v: FormDataEntryValue | null) => (v === null || String(v).trim() === '' ? null : Number(v));

/** What was typed, as text, by field name: kept across renders so an error never empties the form. */
type Values = Record<
  'title' | 'description' | 'startsAt' | 'endsAt' | 'location' | 'videoUrl' | 'capacity' | 'prescriptionCapacity' | 'registrationDeadline',
  string
>;

function valuesOf(ev: AgendaEvent | null): Values {
  return {
    title: ev?.title ?? '',
    description: ev?.description ?? '',
    startsAt: toLocalInput(ev?.startsAt ?? null),
    endsAt: toLocalInput(ev?.endsAt ?? null),
    location: ev?.location ?? '',
    videoUrl: ev?.videoUrl ?? '',
    capacity: ev?.capacity?.toString() ?? '',
    prescriptionCapacity: ev?.prescriptionCapacity?.toString() ?? '',
    registrationDeadline: toLocalInput(ev?.registrationDeadline ?? null),
  };
}

/** Leaf: `event` (null: a new one), `busy`, `errors` in; fires `mai-event-save` (EventSave) and `mai-event-form-cancel`. */
export class MaiEventForm extends LitElement {
  static properties = {
    event: { attribute: false },
    busy: { type: Boolean },
    errors: { attribute: false },
    localErrors: { state: true },
    values: { state: true },
  };

  event: AgendaEvent | null = null;
  busy = false;
  errors: Record<string, string> = {};
  localErrors: Record<string, string> = {};
  values: Values = valuesOf(null);

  createRenderRoot() {
    return this;
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('event')) this.values = valuesOf(this.event);
  }

  protected firstUpdated(): void {
    // Opening the form: the person types the title next.
    void focusAfter(this, `#${this.idPrefix}-title`);
  }

  protected updated(changed: PropertyValues<this>): void {
    // The server refused fields: take the person to the first one (what they typed is still there).
    if (changed.has('errors') && Object.keys(this.errors).length) void focusFirstInvalid(this);
  }

  private get idPrefix(): string {
    return this.event ? `ev-edit-${this.event.id}` : 'ev-new';
  }

  private onInput(e: Event) {
    this.values = withField(this.values, e);
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
      void focusFirstInvalid(this);
      return;
    }
    this.dispatchEvent(
      new CustomEvent<EventSave>('mai-event-save', { detail: { input, inviteGroup: d.get('inviteGroup') === 'on' }, bubbles: true }),
    );
  }

  render() {
    const ev = this.event;
    const err = { ...this.errors, ...this.localErrors };
    const p = this.idPrefix;
    const v = this.values;
    const f = (name: keyof Values, label: string, o: Partial<Parameters<typeof textField>[0]> = {}) =>
      textField({ id: `${p}-${name}`, name, label, value: v[name], error: err[name], ...o });
    return html`<form class="mai-event-form" novalidate @input=${this.onInput} @change=${this.onInput} @submit=${this.onSubmit} aria-label=${ev ? 'Modifier l’événement' : 'Nouvel événement'}>
      ${f('title', 'Titre', { maxlength: 200 })}
      ${textArea({ id: `${p}-description`, name: 'description', label: 'Description', value: v.description, optional: true, rows: 3, maxlength: 10000 })}
      <div class="mai-form-row"><div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-6">${f('startsAt', 'Début', { type: 'datetime-local' })}</div>
        <div class="fr-col-12 fr-col-md-6">${f('endsAt', 'Fin', { type: 'datetime-local' })}</div>
      </div></div>
      ${f('location', 'Lieu', { optional: true, maxlength: 300, hint: 'Adresse, salle… ou laissez vide pour un événement en visio.' })}
      ${f('videoUrl', 'Lien de visioconférence', { optional: true, type: 'url', hint: 'https://…' })}
      <div class="mai-form-row"><div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-4">${f('capacity', 'Nombre de places', { optional: true, type: 'number', inputmode: 'numeric', hint: 'Vide : sans limite.' })}</div>
        <div class="fr-col-12 fr-col-md-4">${f('prescriptionCapacity', 'Places « sur prescription »', { optional: true, type: 'number', inputmode: 'numeric', hint: 'Personnes inscrites par un professionnel. Vide : pas de liste.' })}</div>
        <div class="fr-col-12 fr-col-md-4">${f('registrationDeadline', 'Date limite d’inscription', { optional: true, type: 'datetime-local', hint: 'Vide : jusqu’au début.' })}</div>
      </div></div>
      <div class="fr-checkbox-group fr-mb-2w">
        <input type="checkbox" id=${`${p}-waitlist`} name="waitlist" ?checked=${ev ? ev.waitlist : true} />
        <label class="fr-label" for=${`${p}-waitlist`}>Liste d’attente quand c’est complet<span class="fr-hint-text">La première personne en attente prend automatiquement une place libérée.</span></label>
      </div>
      ${
        ev
          ? nothing
          : html`<div class="fr-checkbox-group fr-mb-2w">
            <input type="checkbox" id=${`${p}-invite`} name="inviteGroup" checked />
            <label class="fr-label" for=${`${p}-invite`}>Inviter tous les membres du groupe<span class="fr-hint-text">Ils reçoivent une notification.</span></label>
          </div>`
      }
      <ul class="fr-btns-group fr-btns-group--inline">
        <li><button class="fr-btn" type="submit" ?disabled=${this.busy}>${this.busy ? 'Enregistrement…' : ev ? 'Enregistrer' : 'Créer l’événement'}</button></li>
        <li><button class="fr-btn fr-btn--tertiary" type="button" @click=${() => this.dispatchEvent(new CustomEvent('mai-event-form-cancel', { bubbles: true }))}>Annuler</button></li>
      </ul>
    </form>`;
  }
}

customElements.define('mai-event-form', MaiEventForm);
