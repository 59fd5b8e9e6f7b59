/**
 * <mai-public-event-page> (/evenements-publics/<id>, no account needed): a
 * published public event with its dates, and the registration form of
 * visitors (date, name, e-mail, optional phone, consent, anti-robot check).
 * On an error the form keeps everything and focus goes to the first field in
 * error; after registering, the confirmation takes the focus.
 */
import { ContextConsumer } from '@lit/context';
import { html, nothing } from 'lit';
import { apiContext } from '../../controllers/contexts.js';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { PublicEvent } from '../../api/events.js';
import { alertBox, checkbox, fieldRow, fieldValue, radioGroup, textRows, withField } from '../shared/fields.js';
import { MaiFormPage } from '../shared/form-page.js';
import { focusAfter } from '../shared/focus.js';
import { categoryTags, practical, sessionPlaces, sessionWhen } from './workshop-format.js';
import '../shared/mai-anti-robot.js';

const EMPTY = { sessionId: '', name: '', email: '', phone: '', consent: false as boolean };
type Values = typeof EMPTY;

export class MaiPublicEventPage extends MaiFormPage {
  static properties = {
    eventId: { type: Number },
    event: { state: true },
    loadError: { state: true },
    values: { state: true },
    errors: { state: true },
    done: { state: true },
  };
  eventId = 0;
  event: PublicEvent | null = null;
  loadError = '';
  values: Values = { ...EMPTY };
  errors: Record<string, string> = {};
  done: { status: 'registered' | 'waitlisted'; position: number | null; when: string; email: string } | null = null;
  private api = new ContextConsumer(this, { context: apiContext });

  willUpdate(changed: Map<string, unknown>) {
    if (changed.has('eventId')) void this.load();
  }

  private async load() {
    if (!this.api.value) return;
    try {
      this.event = await this.api.value.workshops.publicEvent(this.eventId);
      document.title = `${this.event.title} — Maillage`;
      const open = this.event.sessions.filter((s) => s.registrationOpen);
      if (open.length === 1 && !this.values.sessionId) this.values = { ...this.values, sessionId: String(open[0]!.id) };
    } catch (e) {
      this.loadError = e instanceof ApiError && e.status === 404 ? 'Cet événement n’existe pas ou n’est pas public.' : errorMessage(e);
    }
  }

  private validate(): Record<string, string> {
    const v = this.values;
    const errors: Record<string, string> = {};
    if (!v.sessionId) errors.sessionId = 'Choisissez une date.';
    if (v.name.trim().length < 2) errors.name = 'Indiquez vos nom et prénom.';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) errors.email = 'Le format attendu est nom@domaine.fr.';
    if (!v.consent) errors.consent = 'Votre accord est nécessaire pour vous inscrire.';
    return errors;
  }

  private async onSubmit(e: Event) {
    e.preventDefault();
    this.errors = this.validate();
    await this.submitFields(
      this.errors,
      (fields) => (this.errors = fields),
      () => this.send(),
      (err, fields) => {
        if (err instanceof ApiError && err.code === 'already_registered') fields.email = err.message;
      },
    );
  }

  private async send() {
    const v = this.values;
    const altcha = (await this.antiRobotAnswer())!;
    const answer = await this.api.value!.workshops.registerVisitor(this.eventId, {
      sessionId: Number(v.sessionId),
      name: v.name.trim(),
      email: v.email.trim(),
      phone: v.phone.trim() || null,
      consent: true,
      altcha,
    });
    const session = answer.event.sessions.find((s) => s.id === Number(v.sessionId))!;
    this.event = answer.event;
    this.done = { status: answer.status, position: answer.position, when: sessionWhen(session), email: v.email.trim() };
    this.values = { ...EMPTY };
    await focusAfter(this, '#registration-done');
  }

  private form(e: PublicEvent) {
    const open = e.sessions.filter((s) => s.registrationOpen);
    if (!open.length) return alertBox('info', 'Les inscriptions à cet événement sont closes.');
    const err = this.errors;
    const field = textRows('visitor', this.values as unknown as Record<'name' | 'email' | 'phone', string>, err);
    return html`<h2 id="register-title">S’inscrire</h2>
      <p class="fr-text--sm">Sauf mention contraire, tous les champs sont obligatoires. Aucun compte n’est nécessaire.</p>
      ${this.formError ? alertBox('error', this.formError) : nothing}
      <form novalidate aria-labelledby="register-title" @input=${(ev: Event) => this.onField(ev)} @change=${(ev: Event) => this.onField(ev)} @submit=${this.onSubmit}>
        ${fieldRow(radioGroup({ id: 'visitor-sessionId', name: 'sessionId', label: 'Date', value: this.values.sessionId, error: err.sessionId, options: open.map((s) => ({ value: String(s.id), label: `${sessionWhen(s)} — ${sessionPlaces(s)}` })) }))}
        ${field('name', 'Nom et prénom', { autocomplete: 'name' })}
        ${field('email', 'Adresse électronique', { type: 'email', autocomplete: 'email', hint: 'La confirmation et le lien pour annuler y seront envoyés. Format attendu : nom@domaine.fr' })}
        ${field('phone', 'Téléphone', { type: 'tel', autocomplete: 'tel', optional: true, hint: 'Format attendu : 06 12 34 56 78' })}
        ${fieldRow(checkbox({ id: 'visitor-consent', name: 'consent', label: 'J’accepte que mes nom, adresse électronique et téléphone soient transmis aux organisateurs de cet événement pour gérer mon inscription ; ils sont supprimés un mois après l’événement.', checked: this.values.consent, error: err.consent }))}
        ${fieldRow(html`<mai-anti-robot input-id="visitor-altcha" .error=${err.altcha ?? ''}></mai-anti-robot>`)}
        <button class="fr-btn" type="submit" ?disabled=${this.busy}>${this.busy ? 'Inscription en cours…' : 'M’inscrire'}</button>
      </form>`;
  }

  render() {
    if (this.loadError) return html`<h1 tabindex="-1">Événement</h1>${alertBox('error', this.loadError)}`;
    const e = this.event;
    if (!e) return html`<h1 tabindex="-1">Événement</h1><p>Chargement…</p>`;
    const d = this.done;
    return html`<h1 tabindex="-1">${e.title}</h1>
      ${categoryTags(e)}
      ${e.image ? html`<img class="fr-responsive-img fr-mb-2w" src=${e.image.url} alt=${e.image.alt} style="max-height:20rem;object-fit:cover" />` : nothing}
      ${e.description ? html`<p style="white-space:pre-line">${e.description}</p>` : nothing}
      ${practical(e)}
      <h2>Dates</h2>
      <ul>${e.sessions.map((s) => html`<li>${sessionWhen(s)} — ${sessionPlaces(s)}</li>`)}</ul>
      ${
        d
          ? html`<div class="fr-alert fr-alert--success fr-mb-3w" id="registration-done" tabindex="-1">
            <h2 class="fr-alert__title">${d.status === 'registered' ? 'Inscription confirmée' : `Vous êtes sur la liste d’attente (rang ${d.position})`}</h2>
            <p>${d.when}. Un courriel vous a été envoyé à ${d.email}, avec l’événement à ajouter à votre agenda et un lien pour annuler.</p>
          </div>`
          : nothing
      }
      ${this.form(e)}`;
  }

  private onField(e: Event) {
    const kv = fieldValue(e);
    if (kv?.[0] === 'consent') this.values = { ...this.values, consent: kv[1] === true };
    else this.values = withField(this.values, e);
  }
}

customElements.define('mai-public-event-page', MaiPublicEventPage);
