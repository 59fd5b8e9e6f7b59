/**
 * <mai-stats-page> (/statistiques): "Mes statistiques" over a period, and for
 * a manager their team's, for animators and admins a département's, a
 * région's or the nation's (aggregates only, small cells shown "< 5").
 * Every chart has the table of its numbers beside it. Exports for mine and team.
 */
import { LitElement, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { apiContext, departmentsContext, sessionContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { ReportStatsStore, type PeriodPreset } from '../../state/reports-store.js';
import type { ReportStats, StatScope } from '../../api/reports.js';
import { formatCount } from './mai-bar-chart.js';
import './mai-bar-chart.js';
import { helpLink } from '../shared/help-link.js';
import { HELP_TOPICS } from '../help/guides.js';

const SCOPES: { key: StatScope; label: string; who: 'all' | 'team' | 'territory' }[] = [
  { key: 'mine', label: 'Mes accompagnements', who: 'all' },
  { key: 'team', label: 'Mon équipe', who: 'team' },
  { key: 'department', label: 'Un département', who: 'territory' },
  { key: 'region', label: 'Une région', who: 'territory' },
  { key: 'national', label: 'France entière', who: 'territory' },
];
const PRESETS: { key: PeriodPreset; label: string }[] = [
  { key: 'month', label: 'Ce mois-ci' },
  { key: 'last_month', label: 'Le mois dernier' },
  { key: 'quarter', label: 'Les trois derniers mois' },
  { key: 'year', label: 'Les douze derniers mois' },
  { key: 'custom', label: 'Dates choisies' },
];
const frDate = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString('fr-FR');

export class MaiStatsPage extends LitElement {
  static properties = { isManager: { state: true }, regions: { state: true } };
  private isManager = false;
  private regions: { code: string; name: string }[] = [];
  private api = new ContextConsumer(this, { context: apiContext });
  private session = new StoreController(this, sessionContext);
  private departments = new StoreController(this, departmentsContext);
  private stats: StoreController<ReportStatsStore> | null = null;

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    const api = this.api.value!;
    this.stats = new StoreController(this, new ReportStatsStore(api));
    void this.stats.value!.load();
    void api.reports.teams().then(
      (t) => (this.isManager = t.items.some((x) => x.manager.id === this.session.value?.user?.id)),
      () => undefined,
    );
    if (this.territorial) {
      void this.departments.value?.load();
      void api.reports.regions().then(
        (r) => (this.regions = r),
        () => undefined,
      );
    }
  }

  private get territorial() {
    const role = this.session.value?.user?.role;
    return role === 'animator' || role === 'admin';
  }

  private get store() {
    return this.stats!.value!;
  }

  private filters() {
    const s = this.store;
    const f = s.filter;
    const scopes = SCOPES.filter(
      (x) => x.who === 'all' || (x.who === 'team' && this.isManager) || (x.who === 'territory' && this.territorial),
    );
    const depts = this.departments.value?.items ?? [];
    return html`<form class="mai-stats-filters" @submit=${(e: Event) => e.preventDefault()}>
      ${
        scopes.length > 1
          ? html`<div class="fr-select-group">
            <label class="fr-label" for="stats-scope">Périmètre</label>
            <select class="fr-select" id="stats-scope" @change=${(e: Event) => {
              const scope = (e.target as HTMLSelectElement).value as StatScope;
              void s.setFilter({
                scope,
                code: scope === 'department' ? (depts[0]?.code ?? null) : scope === 'region' ? (this.regions[0]?.code ?? null) : null,
              });
            }}>
              ${scopes.map((x) => html`<option value=${x.key} ?selected=${f.scope === x.key}>${x.label}</option>`)}
            </select>
          </div>`
          : nothing
      }
      ${
        f.scope === 'department' || f.scope === 'region'
          ? html`<div class="fr-select-group">
            <label class="fr-label" for="stats-code">${f.scope === 'department' ? 'Département' : 'Région'}</label>
            <select class="fr-select" id="stats-code" @change=${(e: Event) => void s.setFilter({ code: (e.target as HTMLSelectElement).value })}>
              ${(f.scope === 'department' ? depts.map((d) => ({ code: d.code, name: `${d.code} – ${d.name}` })) : this.regions).map(
                (t) => html`<option value=${t.code} ?selected=${f.code === t.code}>${t.name}</option>`,
              )}
            </select>
          </div>`
          : nothing
      }
      <div class="fr-select-group">
        <label class="fr-label" for="stats-period">Période</label>
        <select class="fr-select" id="stats-period" @change=${(e: Event) => void s.setPreset((e.target as HTMLSelectElement).value as PeriodPreset)}>
          ${PRESETS.map((p) => html`<option value=${p.key} ?selected=${s.preset === p.key}>${p.label}</option>`)}
        </select>
      </div>
      <div class="fr-input-group">
        <label class="fr-label" for="stats-from">Du</label>
        <input class="fr-input" type="date" id="stats-from" .value=${f.from} @change=${(e: Event) => void s.setFilter({ from: (e.target as HTMLInputElement).value })} />
      </div>
      <div class="fr-input-group">
        <label class="fr-label" for="stats-to">Au</label>
        <input class="fr-input" type="date" id="stats-to" .value=${f.to} @change=${(e: Event) => void s.setFilter({ to: (e.target as HTMLInputElement).value })} />
      </div>
    </form>`;
  }

  private figures(st: ReportStats) {
    const card = (label: string, n: number | null) =>
      html`<div class="mai-stats-figure"><p class="mai-stats-figure__value">${formatCount(n)}</p><p>${label}</p></div>`;
    const cells = (c: { label: string; count: number | null }[]) => c.map((x) => ({ label: x.label, count: x.count }));
    const rank = (lines: NonNullable<ReportStats['departments']>) => lines.map((l) => ({ label: l.label, count: l.reports }));
    return html`<h2 class="fr-h4 fr-mt-3w" id="stats-title" tabindex="-1">${st.territory}, du ${frDate(st.from)} au ${frDate(st.to)}</h2>
      ${st.masked ? html`<p class="fr-text--sm mai-muted">Vues agrégées : une case de moins de 5 comptes rendus est affichée « &lt; 5 », pour qu'aucune personne ne soit reconnaissable.</p>` : nothing}
      <div class="mai-stats-figures">
        ${card('accompagnements', st.reports)} ${card('personnes accompagnées', st.participants)} ${card('orientations vers une autre structure', st.redirected)}
      </div>
      <div class="mai-stats-grid">
        <mai-bar-chart caption=${`Évolution par ${st.groupBy === 'week' ? 'semaine' : 'mois'} (accompagnements)`} vertical
          .bars=${st.trend.map((p) => ({ label: st.groupBy === 'week' ? `Semaine du ${frDate(p.start)}` : new Date(`${p.start}T12:00:00Z`).toLocaleDateString('fr-FR', { month: 'long', year: 'numeric' }), count: p.reports }))}></mai-bar-chart>
        <mai-bar-chart caption="Activité" .bars=${cells(st.activities)}></mai-bar-chart>
        <mai-bar-chart caption="Canal" .bars=${cells(st.canals)}></mai-bar-chart>
        <mai-bar-chart caption="Durée" .bars=${cells(st.durations)}></mai-bar-chart>
        <mai-bar-chart caption="Thèmes les plus fréquents" .bars=${cells(st.themes)}></mai-bar-chart>
        <mai-bar-chart caption="Tranches d'âge" unit="Personnes" .bars=${cells(st.ages)}></mai-bar-chart>
        <mai-bar-chart caption="Statut des personnes" unit="Personnes" .bars=${cells(st.statuses)}></mai-bar-chart>
        <mai-bar-chart caption="Communes les plus accompagnées" .bars=${cells(st.communes)}></mai-bar-chart>
        ${st.departments ? html`<mai-bar-chart caption="Classement des départements" .bars=${rank(st.departments)}></mai-bar-chart>` : nothing}
        ${st.people ? html`<mai-bar-chart caption="Accompagnements par personne" .bars=${rank(st.people)}></mai-bar-chart>` : nothing}
      </div>`;
  }

  render() {
    if (!this.stats?.value) return nothing;
    const s = this.store;
    const f = s.filter;
    const exportable = f.scope === 'mine' || f.scope === 'team';
    return html`<h1 tabindex="-1">${this.territorial ? 'Statistiques' : 'Mes statistiques'}</h1>
      <p>${helpLink(HELP_TOPICS.reports, 'les statistiques')}</p>
      <p><a class="fr-btn fr-btn--icon-left fr-icon-add-line" href="/comptes-rendus/nouveau">Enregistrer un accompagnement</a></p>
      ${this.filters()}
      ${
        exportable
          ? html`<ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
            <li><a class="fr-btn fr-btn--secondary fr-icon-download-line" href=${s.exportUrl('csv')} download>Exporter en CSV</a></li>
            <li><a class="fr-btn fr-btn--secondary fr-icon-download-line" href=${s.exportUrl('xlsx')} download>Exporter en tableur (XLSX)</a></li>
          </ul>`
          : nothing
      }
      <div aria-live="polite" aria-busy=${s.loading ? 'true' : 'false'}>
        ${s.error ? html`<div class="fr-alert fr-alert--error"><p>${s.error}</p></div>` : nothing}
        ${s.stats ? this.figures(s.stats) : s.loading ? html`<p>Chargement…</p>` : nothing}
      </div>`;
  }
}

customElements.define('mai-stats-page', MaiStatsPage);
