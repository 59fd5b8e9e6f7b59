/**
 * <mai-workshop-form-page> (/evenements/nouveau): propose an event with its
 * dates (each with its places), address with a commune or an online link,
 * contact, categories and access. Organisers publish at once; anyone else's
 * event goes to the moderators. The form keeps what was typed on an error
 * and focus goes to the first field in error. Given an `event`, the same
 * fields edit its content (PATCH …/content; dates, image and files are
 * edited beside it by <mai-event-edit-page>) and `mai-event-saved` fires.
 */
import { ContextConsumer } from '@lit/context';
import { html, nothing } from 'lit';
import { apiContext, routerContext } from '../../controllers/contexts.js';
import type { Group } from '../../api/groups.js';
import type { AgendaEvent } from '../../api/events.js';
import type { CommuneView } from '../../api/reports.js';
import { EVENT_PRICES, EVENT_TYPES, PROJECT_SIZES } from '../../api/workshops.js';
import { fromLocalInput } from '../../state/calendar.js';
import { alertBox, fieldRow, radioGroup, selectField, textArea, textRows, withField } from '../shared/fields.js';
import { MaiFormPage } from '../shared/form-page.js';
import { focusAfter } from '../shared/focus.js';
import '../reports/mai-commune-field.js';

const EMPTY = {
  groupId: '',
  title: '',
  description: '',
  access: 'public',
  eventType: 'atelier',
  price: 'gratuit',
  projectSize: '',
  placeName: '',
  street: '',
  postalCode: '',
  videoUrl: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  contactWebsite: '',
};
type Values = typeof EMPTY;
interface SessionDraft {
  startsAt: string;
  endsAt: string;
  capacity: string;
  prescriptionCapacity: string;
}
const newSession = (): SessionDraft => ({ startsAt: '', endsAt: '', capacity: '', prescriptionCapacity: '' });
const options = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

export class MaiWorkshopFormPage extends MaiFormPage {
  static properties = {
    groups: { state: true },
    values: { state: true },
    sessions: { state: true },
    commune: { state: true },
    errors: { state: true },
    event: { attribute: false },
    saved: { state: true },
  };
  /** The event being edited (edit mode), else null (creation). */
  event: AgendaEvent | null = null;
  saved = false;
  private filledFrom: number | null = null;
  groups: Group[] | null = null;
  values: Values = { ...EMPTY };
  sessions: SessionDraft[] = [newSession()];
  commune: CommuneView | null = null;
  errors: Record<string, string> = {};
  private api = new ContextConsumer(this, { context: apiContext });
  private router = new ContextConsumer(this, { context: routerContext });

  connectedCallback() {
    super.connectedCallback();
    if (this.event) return;
    void this.api.value?.groups.list('mine').then((p) => {
      this.groups = p.items.filter((g) => g.myStatus === 'member');
      if (this.groups.length === 1) this.values = { ...this.values, groupId: String(this.groups[0]!.id) };
    });
  }

  willUpdate() {
    // Edit mode: the fields start from the event once (later saves must not wipe what is being typed).
    const e = this.event;
    if (!e || this.filledFrom === e.id) return;
    this.filledFrom = e.id;
    const t = (s: string | null | undefined) => s ?? '';
    this.values = {
      groupId: String(e.groupId),
      title: e.title,
      description: t(e.description),
      access: e.access,
      eventType: t(e.eventType),
      price: t(e.price),
      projectSize: t(e.projectSize),
      placeName: t(e.placeName),
      street: t(e.street),
      postalCode: t(e.postalCode),
      videoUrl: t(e.videoUrl),
      contactName: t(e.contact.name),
      contactEmail: t(e.contact.email),
      contactPhone: t(e.contact.phone),
      contactWebsite: t(e.contact.website),
    };
    this.commune = e.commune;
    this.sessions = [];
  }

  private validate(): Record<string, string> {
    const v = this.values;
    const errors: Record<string, string> = {};
    if (!v.groupId && !this.event) errors.groupId = 'Choisissez le groupe qui organise.';
    if (!v.title.trim()) errors.title = 'Indiquez le titre.';
    if (!this.commune && !v.videoUrl.trim() && !v.placeName.trim())
      errors.communeCode = 'Indiquez une commune ou un lien pour suivre en ligne.';
    this.sessions.forEach((s, i) => {
      if (!fromLocalInput(s.startsAt)) errors[`session-${i}-start`] = 'Indiquez le début.';
      else if (!fromLocalInput(s.endsAt) || new Date(s.endsAt) <= new Date(s.startsAt))
        errors[`session-${i}-end`] = 'La fin doit suivre le début.';
      if (s.capacity && !(Number(s.capacity) >= 1)) errors[`session-${i}-capacity`] = 'Un nombre de places d’au moins 1, ou vide.';
    });
    return errors;
  }

  private async onSubmit(e: Event) {
    e.preventDefault();
    this.errors = this.validate();
    await this.submitFields(
      this.errors,
      (fields) => (this.errors = fields),
      () => this.send(),
    );
  }

  private async send() {
    const v = this.values;
    const opt = (s: string) => s.trim() || null;
    const content = {
      title: v.title.trim(),
      description: opt(v.description),
      access: v.access as 'public' | 'pro',
      eventType: (v.eventType || null) as never,
      price: (v.price || null) as never,
      projectSize: (v.projectSize || null) as never,
      placeName: opt(v.placeName),
      street: opt(v.street),
      postalCode: opt(v.postalCode),
      communeCode: this.commune?.code ?? null,
      videoUrl: opt(v.videoUrl),
      contactName: opt(v.contactName),
      contactEmail: opt(v.contactEmail),
      contactPhone: opt(v.contactPhone),
      contactWebsite: opt(v.contactWebsite),
      departmentCodes: this.commune ? [this.commune.departmentCode] : [],
    };
    this.saved = false;
    if (this.event) {
      const updated = await this.api.value!.workshops.editContent(this.event.id, content);
      this.saved = true;
      this.dispatchEvent(new CustomEvent('mai-event-saved', { detail: updated, bubbles: true }));
      await focusAfter(this, '#workshop-saved');
      return;
    }
    const made = await this.api.value!.workshops.create({
      ...content,
      groupId: Number(v.groupId),
      sessions: this.sessions.map((s) => ({
        startsAt: fromLocalInput(s.startsAt)!,
        endsAt: fromLocalInput(s.endsAt)!,
        capacity: s.capacity ? Number(s.capacity) : null,
        prescriptionCapacity: s.prescriptionCapacity ? Number(s.prescriptionCapacity) : null,
      })),
    });
    this.router.value?.navigate(`/mes-evenements#evenement-${made.id}`);
  }

  private setSession(i: number, key: keyof SessionDraft, value: string) {
    this.sessions = this.sessions.map((s, j) => (j === i ? { ...s, [key]: value } : s));
  }

  private async addSession() {
    this.sessions = [...this.sessions, newSession()];
    await focusAfter(this, `#session-${this.sessions.length - 1}-start`);
  }

  private async removeSession(i: number) {
    this.sessions = this.sessions.filter((_, j) => j !== i);
    await focusAfter(this, '#sessions-title');
  }

  private sessionRow(s: SessionDraft, i: number) {
    const err = this.errors;
    const input = (key: keyof SessionDraft, label: string, type: string, hint = '') => {
      const id = `session-${i}-${key === 'startsAt' ? 'start' : key === 'endsAt' ? 'end' : key === 'capacity' ? 'capacity' : 'prescription'}`;
      const error = err[id];
      return html`<div class="fr-input-group ${error ? 'fr-input-group--error' : ''}">
        <label class="fr-label" for=${id}>${label}${hint ? html`<span class="fr-hint-text">${hint}</span>` : nothing}</label>
        <input class="fr-input" id=${id} type=${type} min=${type === 'number' ? '1' : nothing} .value=${s[key]}
          aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing}
          @input=${(e: Event) => this.setSession(i, key, (e.target as HTMLInputElement).value)} />
        ${error ? html`<p class="fr-error-text" id=${`${id}-error`}>${error}</p>` : nothing}
      </div>`;
    };
    return html`<fieldset class="fr-fieldset" aria-label=${`Date ${i + 1}`}>
      <legend class="fr-fieldset__legend fr-text--bold">Date ${i + 1}</legend>
      <div class="fr-fieldset__element">${input('startsAt', 'Début', 'datetime-local')}</div>
      <div class="fr-fieldset__element">${input('endsAt', 'Fin', 'datetime-local')}</div>
      <div class="fr-fieldset__element">${input('capacity', 'Places (inscription directe)', 'number', 'Vide : sans limite.')}</div>
      <div class="fr-fieldset__element">${input('prescriptionCapacity', 'Places sur prescription (facultatif)', 'number', 'Vide : pas de liste sur prescription.')}</div>
      ${
        this.sessions.length > 1
          ? html`<div class="fr-fieldset__element"><button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm" @click=${() => this.removeSession(i)}>Retirer la date ${i + 1}</button></div>`
          : nothing
      }
    </fieldset>`;
  }

  render() {
    const err = this.errors;
    const field = textRows('workshop', this.values, err);
    const groups = this.groups ?? [];
    const editing = !!this.event;
    return html`${
      editing
        ? html`<h2 class="fr-h4" id="workshop-content-title" tabindex="-1">Contenu</h2>`
        : html`<h1 tabindex="-1">Proposer un événement</h1>
            <p class="fr-text--sm">Sauf mention contraire, tous les champs sont obligatoires. Heures de Paris. Les responsables du groupe et les animateurs publient directement ; sinon l’événement est publié après validation.</p>`
    }
      ${this.formError ? alertBox('error', this.formError) : nothing}
      ${this.saved && !this.formError ? html`<div id="workshop-saved" tabindex="-1">${alertBox('success', 'Modifications enregistrées.')}</div>` : nothing}
      <form novalidate @input=${(e: Event) => this.onField(e)} @change=${(e: Event) => this.onField(e)} @submit=${this.onSubmit} aria-label=${editing ? 'Modifier le contenu de l’événement' : 'Proposer un événement'}>
        ${editing ? nothing : fieldRow(selectField({ id: 'workshop-groupId', name: 'groupId', label: 'Groupe organisateur', value: this.values.groupId, error: err.groupId, placeholder: this.groups ? 'Choisissez un groupe' : 'Chargement…', options: groups.map((g) => ({ value: String(g.id), label: g.name })) }))}
        ${field('title', 'Titre', { maxlength: 200 })}
        ${fieldRow(textArea({ id: 'workshop-description', name: 'description', label: 'Présentation', optional: true, value: this.values.description, error: err.description, maxlength: 10000 }))}
        ${fieldRow(
          radioGroup({
            id: 'workshop-access',
            name: 'access',
            label: 'Accès',
            value: this.values.access,
            error: err.access,
            options: [
              { value: 'public', label: 'Public : visible par tous, inscription sans compte' },
              { value: 'pro', label: 'Professionnels : réservé aux membres' },
            ],
          }),
        )}
        ${fieldRow(selectField({ id: 'workshop-eventType', name: 'eventType', label: 'Type d’événement', value: this.values.eventType, error: err.eventType, options: options(EVENT_TYPES) }))}
        ${fieldRow(selectField({ id: 'workshop-price', name: 'price', label: 'Tarif', value: this.values.price, error: err.price, options: options(EVENT_PRICES) }))}
        ${fieldRow(selectField({ id: 'workshop-projectSize', name: 'projectSize', label: 'Taille du projet (facultatif)', value: this.values.projectSize, error: err.projectSize, placeholder: 'Tous les projets', options: options(PROJECT_SIZES) }))}
        ${
          editing
            ? nothing
            : html`<h2 class="fr-h5" id="sessions-title" tabindex="-1">Dates</h2>
              ${this.sessions.map((s, i) => this.sessionRow(s, i))}
              <button type="button" class="fr-btn fr-btn--secondary fr-mb-3w" @click=${this.addSession}>Ajouter une date</button>`
        }
        <h2 class="fr-h5">Lieu</h2>
        ${field('placeName', 'Nom du lieu', { optional: true })}
        ${field('street', 'Adresse', { optional: true, autocomplete: 'street-address' })}
        ${field('postalCode', 'Code postal', { optional: true, inputmode: 'numeric', maxlength: 5 })}
        ${fieldRow(html`<mai-commune-field .api=${this.api.value?.reports ?? null} label="Commune" .value=${this.commune} error=${err.communeCode ?? ''}
          @mai-commune=${(e: CustomEvent) => (this.commune = e.detail.commune)}></mai-commune-field>`)}
        ${field('videoUrl', 'Lien pour suivre en ligne', { optional: true, type: 'url', hint: 'Format attendu : https://…' })}
        <h2 class="fr-h5">Contact</h2>
        ${field('contactName', 'Nom du contact', { optional: true })}
        ${field('contactEmail', 'Adresse électronique du contact', { optional: true, type: 'email' })}
        ${field('contactPhone', 'Téléphone du contact', { optional: true, type: 'tel' })}
        ${field('contactWebsite', 'Site internet', { optional: true, type: 'url', hint: 'Format attendu : https://…' })}
        <button class="fr-btn" type="submit" ?disabled=${this.busy}>${this.busy ? 'Enregistrement…' : editing ? 'Enregistrer les modifications' : 'Enregistrer l’événement'}</button>
      </form>`;
  }

  private onField(e: Event) {
    const target = e.target as HTMLElement;
    if (target.id.startsWith('session-') || target.closest('mai-commune-field')) return;
    this.values = withField(this.values, e);
  }
}

customElements.define('mai-workshop-form-page', MaiWorkshopFormPage);
