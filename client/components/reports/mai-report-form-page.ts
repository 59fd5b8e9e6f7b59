/**
 * <mai-report-form-page> (/comptes-rendus/nouveau, /comptes-rendus/<id>):
 * "Enregistrer un accompagnement". The draft survives a reload; on an error
 * the form keeps everything and focus goes to the first field in error; on
 * success focus goes to the confirmation, which offers the next steps.
 */
import { LitElement, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { apiContext, sessionContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { ReportFormStore } from '../../state/reports-store.js';
import type { ReportView } from '../../api/reports.js';
import { ACTIVITIES, AGE_BANDS, CANALS, DURATIONS, STATUSES, THEMES } from '../../../server/protocol/report-catalog.js';
import { textField } from '../shared/fields.js';
import { countGroup, radioGroup, themeGroup } from './report-form-parts.js';
import './mai-commune-field.js';

/** Field names of the server's errors → the id to focus. */
const FOCUS: Record<string, string> = {
  date: 'report-date',
  communeCode: 'mai-commune-input',
  canal: 'report-canal-home_base',
  activity: 'report-activity-individual',
  participants: 'report-participants',
  ages: 'report-ages-under_12',
  statuses: 'report-statuses-student',
  themes: 'report-theme-equipment',
  durationBand: 'report-duration-under_30',
  durationMinutes: 'report-minutes',
  redirectedTo: 'report-redirected-to',
};

export class MaiReportFormPage extends LitElement {
  static properties = { reportId: { type: Number }, saved: { state: true }, loadError: { state: true } };
  reportId = 0;
  private saved: ReportView | null = null;
  private loadError = '';
  private api = new ContextConsumer(this, { context: apiContext });
  private session = new ContextConsumer(this, { context: sessionContext });
  private form: StoreController<ReportFormStore> | null = null;

  createRenderRoot() {
    return this;
  }

  willUpdate(changed: Map<string, unknown>) {
    if (!this.form || changed.has('reportId')) this.setUp();
  }

  private setUp() {
    const api = this.api.value;
    if (!api) return;
    const key = `maillage.report-draft.${this.session.value?.user?.id ?? 0}.${this.reportId || 'new'}`;
    this.form = new StoreController(this, new ReportFormStore(api, window.localStorage, key, this.reportId || null));
    if (!this.reportId) void this.prefill(new URLSearchParams(window.location.search));
    if (this.reportId) {
      api.reports.get(this.reportId).then(
        (r) => this.form?.value?.startFrom(r),
        (e) => (this.loadError = (e as Error).message),
      );
    }
  }

  /**
   * A new report opened from an appointment ("Rédiger le compte rendu"):
   * `?date=YYYY-MM-DD&canal=<key>&theme=<key>&commune=<INSEE>` fill those fields
   * (unknown values are ignored); an individual accompaniment of one person.
   */
  private async prefill(q: URLSearchParams) {
    const store = this.form?.value;
    if (!store || !['date', 'canal', 'theme', 'commune'].some((k) => q.has(k))) return;
    const date = q.get('date') ?? '';
    const canal = q.get('canal') ?? '';
    const theme = q.get('theme') ?? '';
    store.update({
      activity: 'individual',
      ...(/^\d{4}-\d{2}-\d{2}$/.test(date) ? { date } : {}),
      ...(CANALS.some((c) => c.key === canal) ? { canal } : {}),
      ...(THEMES.some((t) => t.key === theme) ? { themes: [theme] } : {}),
    });
    const code = q.get('commune');
    if (code && /^[0-9AB]{5}$/.test(code)) {
      const found = (await this.api.value!.reports.communes(code).catch(() => ({ items: [] }))).items.find((c) => c.code === code);
      if (found) store.update({ commune: found });
    }
  }

  private get store() {
    return this.form!.value!;
  }

  private async submit(e: Event) {
    e.preventDefault();
    const saved = await this.store.save();
    await this.updateComplete;
    if (saved) {
      this.saved = saved;
      await this.updateComplete;
      this.querySelector<HTMLElement>('#report-saved')?.focus();
      return;
    }
    const first = Object.keys(this.store.errors)[0]?.split('.')[0];
    const target = (first && FOCUS[first]) || 'report-error';
    this.querySelector<HTMLElement>(`#${target}`)?.focus();
  }

  private another() {
    this.saved = null;
    this.store.reset();
    void this.updateComplete.then(() => this.querySelector<HTMLElement>('#report-date')?.focus());
  }

  private done() {
    const r = this.saved!;
    return html`<div class="fr-alert fr-alert--success fr-mb-3w" id="report-saved" tabindex="-1">
        <h2 class="fr-alert__title">Accompagnement enregistré</h2>
        <p>${r.participants} personne(s) le ${new Date(`${r.date}T12:00:00Z`).toLocaleDateString('fr-FR')} à ${r.commune.name}.</p>
      </div>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        ${this.reportId ? nothing : html`<li><button class="fr-btn" @click=${this.another}>Enregistrer un autre accompagnement</button></li>`}
        <li><a class="fr-btn fr-btn--secondary" href="/statistiques">Voir mes statistiques</a></li>
        <li><a class="fr-btn fr-btn--tertiary" href="/comptes-rendus">Mes comptes rendus</a></li>
      </ul>`;
  }

  render() {
    const title = this.reportId ? 'Modifier un accompagnement' : 'Enregistrer un accompagnement';
    if (this.loadError) return html`<h1 tabindex="-1">${title}</h1><div class="fr-alert fr-alert--error"><p>${this.loadError}</p></div>`;
    if (!this.form?.value) return html`<h1 tabindex="-1">${title}</h1>`;
    if (this.saved) return html`<h1 tabindex="-1">${title}</h1>${this.done()}`;
    const s = this.store;
    const d = s.draft;
    const err = s.errors;
    return html`<h1 tabindex="-1">${title}</h1>
      <div class="fr-notice fr-notice--info fr-mb-3w"><div class="fr-notice__body"><p class="fr-notice__title">
        Aucune donnée personnelle : ne notez ni nom, ni coordonnées, ni situation des personnes accompagnées. Seuls des nombres sont enregistrés.
      </p></div></div>
      ${s.message ? html`<div class="fr-alert fr-alert--error fr-mb-3w" id="report-error" tabindex="-1"><p>${s.message}</p></div>` : nothing}
      <form class="mai-report-form" novalidate @submit=${this.submit}>
        <div @input=${(e: Event) => (e.target as HTMLInputElement).id === 'report-date' && s.update({ date: (e.target as HTMLInputElement).value })}>
          ${textField({ id: 'report-date', name: 'date', label: "Date de l'accompagnement", type: 'date', value: d.date, error: err.date, hint: 'Au plus tôt il y a un an, jamais dans le futur.' })}
        </div>
        <mai-commune-field .api=${this.api.value!.reports} .value=${d.commune} error=${err.communeCode ?? ''}
          @mai-commune=${(e: CustomEvent) => s.update({ commune: e.detail.commune })}></mai-commune-field>
        ${radioGroup({ id: 'report-canal', legend: "Par quel canal l'accompagnement a-t-il eu lieu ?", choices: CANALS, value: d.canal, error: err.canal, onPick: (canal) => s.update({ canal }) })}
        ${radioGroup({ id: 'report-activity', legend: 'Activité', choices: ACTIVITIES, value: d.activity, error: err.activity, onPick: (activity) => s.update({ activity }) })}
        <div class="fr-input-group ${err.participants ? 'fr-input-group--error' : ''}">
          <label class="fr-label" for="report-participants">Nombre de participants
            <span class="fr-hint-text">1 pour un accompagnement individuel, au moins 2 pour un atelier collectif.</span></label>
          <input class="fr-input" type="number" inputmode="numeric" min="1" max="500" id="report-participants" .value=${String(d.participants)}
            ?disabled=${d.activity === 'individual'} @change=${(e: Event) => s.update({ participants: Number((e.target as HTMLInputElement).value) })} />
          ${err.participants ? html`<p class="fr-error-text">${err.participants}</p>` : nothing}
        </div>
        ${countGroup({ id: 'report-ages', legend: "Tranches d'âge", choices: AGE_BANDS, counts: d.ages, participants: d.participants, error: err.ages, onCount: (k, n) => s.setCount('ages', k, n) })}
        ${countGroup({
          id: 'report-statuses',
          legend: 'Statut des personnes',
          choices: STATUSES,
          counts: d.statuses,
          participants: d.participants,
          error: err.statuses,
          onCount: (k, n) => s.setCount('statuses', k, n),
          fillKey: 'unknown',
          onFill: () => s.fillRest('statuses', 'unknown'),
        })}
        ${themeGroup({ choices: THEMES, value: d.themes, error: err.themes, onToggle: (k) => s.toggleTheme(k) })}
        ${radioGroup({
          id: 'report-duration',
          legend: 'Durée',
          choices: DURATIONS,
          value: d.durationMinutes ? '' : d.durationBand,
          error: err.durationBand,
          onPick: (durationBand) => s.update({ durationBand, durationMinutes: '' }),
        })}
        <div @input=${(e: Event) => s.update({ durationMinutes: (e.target as HTMLInputElement).value })}>
          ${textField({ id: 'report-minutes', name: 'durationMinutes', label: 'Ou la durée exacte en minutes', type: 'number', inputmode: 'numeric', value: d.durationMinutes, optional: true, error: err.durationMinutes })}
        </div>
        <div class="fr-checkbox-group fr-mb-2w">
          <input type="checkbox" id="report-redirected" .checked=${d.redirected} @change=${(e: Event) => s.update({ redirected: (e.target as HTMLInputElement).checked })} />
          <label class="fr-label" for="report-redirected">La personne a été orientée vers une autre structure</label>
        </div>
        ${
          d.redirected
            ? html`<div @input=${(e: Event) => s.update({ redirectedTo: (e.target as HTMLInputElement).value })}>
              ${textField({ id: 'report-redirected-to', name: 'redirectedTo', label: 'Structure', hint: 'Le nom de la structure (par exemple « France services de Brest »), jamais celui de la personne.', value: d.redirectedTo, maxlength: 200, error: err.redirectedTo })}
            </div>`
            : nothing
        }
        <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
          <li><button class="fr-btn" type="submit" ?disabled=${s.saving}>${this.reportId ? 'Enregistrer les modifications' : "Enregistrer l'accompagnement"}</button></li>
          <li><button class="fr-btn fr-btn--tertiary" type="button" @click=${() => s.reset()}>Effacer le formulaire</button></li>
        </ul>
      </form>`;
  }
}

customElements.define('mai-report-form-page', MaiReportFormPage);
