/**
 * <mai-event-sessions-editor>: the dates of an event being edited — change a
 * date's times and places, close or reopen its registrations, cancel it (after
 * a confirmation, since it mails everyone on its lists), delete a date nobody
 * registered to, add a date. Fires `mai-event-saved` with the event as the
 * server answers it.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { apiContext } from '../../controllers/contexts.js';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { AgendaEvent } from '../../api/events.js';
import { SESSION_STATUSES } from '../../api/workshops.js';
import type { AgendaSession } from '../../../server/protocol/agenda-workshops.js';
import { fromLocalInput, toLocalInput } from '../../state/calendar.js';
import { askConfirmation } from '../shared/confirm-dialog.js';
import { alertBox, focusErrors } from '../shared/fields.js';
import { focusAfter } from '../shared/focus.js';
import { sessionPlaces, sessionWhen } from './workshop-format.js';

const EMPTY = { startsAt: '', endsAt: '', capacity: '', prescriptionCapacity: '' };
type Draft = typeof EMPTY;

/** A date's form as it stands (its times in Paris wall-clock time, as the inputs show them). */
const draftOf = (s: AgendaSession): Draft => ({
  startsAt: toLocalInput(s.startsAt),
  endsAt: toLocalInput(s.endsAt),
  capacity: s.capacity === null ? '' : String(s.capacity),
  prescriptionCapacity: s.prescriptionCapacity === null ? '' : String(s.prescriptionCapacity),
});

/** The body of a date's times and places from its form. */
const bodyOf = (d: Draft) => ({
  startsAt: fromLocalInput(d.startsAt)!,
  endsAt: fromLocalInput(d.endsAt)!,
  capacity: d.capacity ? Number(d.capacity) : null,
  prescriptionCapacity: d.prescriptionCapacity ? Number(d.prescriptionCapacity) : null,
});

const listedOn = (s: AgendaSession) => s.registeredCount + s.waitlistCount + s.prescriptionRegisteredCount + s.prescriptionWaitlistCount;

export class MaiEventSessionsEditor extends LitElement {
  static properties = {
    event: { attribute: false },
    draft: { state: true },
    errors: { state: true },
    editing: { state: true },
    editDraft: { state: true },
    editErrors: { state: true },
    message: { state: true },
    busy: { state: true },
    reason: { state: true },
  };
  /** The reason mailed with a cancellation (optional). */
  reason = '';
  event: AgendaEvent | null = null;
  draft: Draft = { ...EMPTY };
  errors: Record<string, string> = {};
  /** The date whose times and places are being changed, its form and that form's errors. */
  editing: number | null = null;
  editDraft: Draft = { ...EMPTY };
  editErrors: Record<string, string> = {};
  message: { kind: 'error' | 'success'; text: string } | null = null;
  busy = false;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  private saved(e: AgendaEvent) {
    this.dispatchEvent(new CustomEvent('mai-event-saved', { detail: e, bubbles: true }));
  }

  /** One call that changes the event; its outcome is said in the alert, where the focus goes. */
  private async run(call: () => Promise<AgendaEvent>, done: string): Promise<boolean> {
    this.busy = true;
    this.message = null;
    try {
      this.saved(await call());
      this.message = { kind: 'success', text: done };
      return true;
    } catch (err) {
      this.message = { kind: 'error', text: errorMessage(err) };
      return false;
    } finally {
      this.busy = false;
      await focusAfter(this, '#sessions-message');
    }
  }

  private async setStatus(s: AgendaSession, status: 'open' | 'closed' | 'cancelled') {
    const w = this.api.value!.workshops;
    const when = sessionWhen(s);
    if (status === 'cancelled') {
      const listed = listedOn(s);
      const ok = await askConfirmation({
        title: 'Annuler cette date ?',
        body: `La date du ${when} sera annulée${listed ? ` et les ${listed} personne(s) inscrite(s) ou en attente recevront un courriel` : ''}. Cette action ne peut pas être défaite.`,
        confirmLabel: 'Annuler la date',
        cancelLabel: 'Ne pas annuler',
      });
      if (!ok) return;
    }
    const label = { open: 'Inscriptions rouvertes', closed: 'Inscriptions closes', cancelled: 'Date annulée' }[status];
    const reason = status === 'cancelled' ? this.reason.trim() || null : undefined;
    if (await this.run(() => w.editSession(this.event!.id, s.id, { status, reason }), `${label} : ${when}.`)) this.reason = '';
  }

  private validate(d: Draft): Record<string, string> {
    const errors: Record<string, string> = {};
    if (!fromLocalInput(d.startsAt)) errors.startsAt = 'Indiquez le début.';
    else if (!fromLocalInput(d.endsAt) || new Date(d.endsAt) <= new Date(d.startsAt)) errors.endsAt = 'La fin doit suivre le début.';
    if (d.capacity && !(Number(d.capacity) >= 1)) errors.capacity = 'Un nombre de places d’au moins 1, ou vide.';
    if (d.prescriptionCapacity && !(Number(d.prescriptionCapacity) >= 1))
      errors.prescriptionCapacity = 'Un nombre de places d’au moins 1, ou vide.';
    return errors;
  }

  /** Sends a date's form (`prefix`: its fields' ids); on a refusal what was typed stays and the errors go under their fields. */
  private async sendForm(
    prefix: string,
    d: Draft,
    setErrors: (e: Record<string, string>) => void,
    call: () => Promise<AgendaEvent>,
    done: string,
  ) {
    const errors = this.validate(d);
    setErrors(errors);
    if (await focusErrors(this, this.prefixed(prefix, errors))) return false;
    this.busy = true;
    this.message = null;
    try {
      this.saved(await call());
      this.message = { kind: 'success', text: done };
      this.busy = false;
      await focusAfter(this, '#sessions-message');
      return true;
    } catch (err) {
      const fields = err instanceof ApiError ? err.fieldErrors : {};
      setErrors(fields);
      if (!Object.keys(fields).length) this.message = { kind: 'error', text: errorMessage(err) };
      this.busy = false;
      if (!(await focusErrors(this, this.prefixed(prefix, fields)))) await focusAfter(this, '#sessions-message');
      return false;
    }
  }

  private async onAdd(e: Event) {
    e.preventDefault();
    const d = this.draft;
    const w = this.api.value!.workshops;
    if (
      await this.sendForm(
        'new-session',
        d,
        (x) => (this.errors = x),
        () => w.addSession(this.event!.id, bodyOf(d)),
        'Date ajoutée.',
      )
    ) {
      this.draft = { ...EMPTY };
    }
  }

  private async onSaveEdit(e: Event, s: AgendaSession) {
    e.preventDefault();
    const d = this.editDraft;
    const w = this.api.value!.workshops;
    const call = () => w.editSession(this.event!.id, s.id, bodyOf(d));
    if (await this.sendForm(`edit-session`, d, (x) => (this.editErrors = x), call, 'Date modifiée.')) this.editing = null;
  }

  private async startEdit(s: AgendaSession) {
    this.editing = s.id;
    this.editDraft = draftOf(s);
    this.editErrors = {};
    this.message = null;
    await focusAfter(this, '#edit-session-startsAt');
  }

  private async stopEdit(s: AgendaSession) {
    this.editing = null;
    await focusAfter(this, `#session-edit-${s.id}`);
  }

  private async deleteSession(s: AgendaSession) {
    const when = sessionWhen(s);
    const ok = await askConfirmation({
      title: 'Supprimer cette date ?',
      body: `La date du ${when} sera retirée de l’événement. Personne n’y est inscrit.`,
      confirmLabel: 'Supprimer la date',
      cancelLabel: 'Garder la date',
    });
    if (ok) await this.run(() => this.api.value!.workshops.removeSession(this.event!.id, s.id), `Date supprimée : ${when}.`);
  }

  /** focusErrors looks fields up by id: a date form's ids carry its prefix (`new-session-`, `edit-session-`). */
  private prefixed(prefix: string, errors: Record<string, string>) {
    return Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}-${k}`, v]));
  }

  /** The four fields of a date's form; `edit`: the form of the date being changed, else the new date's. */
  private fields(edit: boolean) {
    return html`${this.input(edit, 'startsAt', 'Début', 'datetime-local')} ${this.input(edit, 'endsAt', 'Fin', 'datetime-local')}
    ${this.input(edit, 'capacity', 'Places (inscription directe, facultatif)', 'number', 'Vide : sans limite.')}
    ${this.input(edit, 'prescriptionCapacity', 'Places sur prescription (facultatif)', 'number', 'Vide : pas de liste sur prescription.')}`;
  }

  private input(edit: boolean, key: keyof Draft, label: string, type: string, hint = '') {
    const id = `${edit ? 'edit-session' : 'new-session'}-${key}`;
    const draft = edit ? this.editDraft : this.draft;
    const error = (edit ? this.editErrors : this.errors)[key];
    const set = (v: string) => (edit ? (this.editDraft = { ...draft, [key]: v }) : (this.draft = { ...draft, [key]: v }));
    return html`<div class="fr-fieldset__element"><div class="fr-input-group ${error ? 'fr-input-group--error' : ''}">
      <label class="fr-label" for=${id}>${label}${hint ? html`<span class="fr-hint-text">${hint}</span>` : nothing}</label>
      <input class="fr-input" id=${id} type=${type} min=${type === 'number' ? '1' : nothing} .value=${draft[key]}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing}
        @input=${(e: Event) => set((e.target as HTMLInputElement).value)} />
      ${error ? html`<p class="fr-error-text" id=${`${id}-error`}>${error}</p>` : nothing}
    </div></div>`;
  }

  private row(s: AgendaSession) {
    const when = sessionWhen(s);
    const btn = (label: string, click: () => void, kind = 'secondary', id?: string) =>
      html`<li><button type="button" class="fr-btn fr-btn--${kind} fr-btn--sm" id=${id ?? nothing} ?disabled=${this.busy}
        aria-label=${`${label} — ${when}`} @click=${click}>${label}</button></li>`;
    const deletable = !listedOn(s) && (this.event?.sessions.length ?? 0) > 1;
    if (this.editing === s.id) {
      return html`<li class="fr-mb-2w">
        <form novalidate @submit=${(e: Event) => this.onSaveEdit(e, s)} aria-labelledby="edit-session-title">
          <fieldset class="fr-fieldset">
            <legend class="fr-fieldset__legend" id="edit-session-title">Modifier la date du ${when} (heures de Paris)</legend>
            ${this.fields(true)}
          </fieldset>
          <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
            <li><button class="fr-btn fr-btn--sm" type="submit" ?disabled=${this.busy}>Enregistrer la date</button></li>
            <li><button class="fr-btn fr-btn--secondary fr-btn--sm" type="button" @click=${() => this.stopEdit(s)}>Abandonner</button></li>
          </ul>
        </form>
      </li>`;
    }
    return html`<li class="fr-mb-2w">
      <p class="fr-mb-1w"><strong>${when}</strong> · ${SESSION_STATUSES[s.status]}<br /><span class="fr-text--sm">${sessionPlaces(s)}</span></p>
      ${
        s.status === 'cancelled'
          ? nothing
          : html`<ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
            ${btn('Modifier', () => this.startEdit(s), 'secondary', `session-edit-${s.id}`)}
            ${s.status === 'open' ? btn('Clore les inscriptions', () => this.setStatus(s, 'closed')) : btn('Rouvrir les inscriptions', () => this.setStatus(s, 'open'))}
            ${btn('Annuler la date', () => this.setStatus(s, 'cancelled'), 'tertiary')}
            ${deletable ? btn('Supprimer la date', () => this.deleteSession(s), 'tertiary', `session-delete-${s.id}`) : nothing}
          </ul>`
      }
    </li>`;
  }

  render() {
    const e = this.event;
    if (!e) return nothing;
    return html`<h2 class="fr-h4" id="sessions-title" tabindex="-1">Dates</h2>
      <div id="sessions-message" tabindex="-1">${this.message ? alertBox(this.message.kind, this.message.text) : nothing}</div>
      <div class="fr-input-group">
        <label class="fr-label" for="session-cancel-reason">Motif en cas d’annulation d’une date (facultatif)<span class="fr-hint-text">Envoyé par courriel aux personnes inscrites ou en attente.</span></label>
        <input class="fr-input" id="session-cancel-reason" maxlength="1000" .value=${this.reason} @input=${(ev: Event) => (this.reason = (ev.target as HTMLInputElement).value)} />
      </div>
      <ul class="fr-raw-list">${e.sessions.map((s) => this.row(s))}</ul>
      <form novalidate @submit=${this.onAdd} aria-labelledby="new-session-title">
        <fieldset class="fr-fieldset">
          <legend class="fr-fieldset__legend" id="new-session-title">Ajouter une date (heures de Paris)</legend>
          ${this.fields(false)}
        </fieldset>
        <button class="fr-btn fr-btn--secondary" type="submit" ?disabled=${this.busy}>Ajouter la date</button>
      </form>`;
  }
}

customElements.define('mai-event-sessions-editor', MaiEventSessionsEditor);
