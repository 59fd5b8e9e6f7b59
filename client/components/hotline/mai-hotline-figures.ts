/** <mai-hotline-figures> (/hotline/chiffres): open tickets, medians per agent, category and département, CSV export. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { hotlineApi, type FigureGroup, type HotlineFigures } from '../../api/hotline.js';
import { apiContext } from '../../controllers/contexts.js';
import { alertBox } from '../shared/fields.js';
import { actionError, formatMinutes } from './format.js';

const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const pct = (n: number | null) => (n === null ? '—' : `${String(n).replace('.', ',')} %`);
const num = (n: number | null) => (n === null ? '—' : String(n).replace('.', ','));

/** Container over GET /api/hotline/figures. */
export class MaiHotlineFigures extends LitElement {
  static properties = {
    from: { state: true },
    to: { state: true },
    figures: { state: true },
    loading: { state: true },
    error: { state: true },
  };

  from = day(new Date(Date.now() - 29 * 86_400_000));
  to = day(new Date());
  figures: HotlineFigures | null = null;
  loading = false;
  error = '';
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private get rest() {
    return hotlineApi(this.api.value!.http);
  }

  private async load(e?: Event) {
    e?.preventDefault();
    this.loading = true;
    this.error = '';
    try {
      this.figures = await this.rest.figures(this.from, this.to);
    } catch (err) {
      this.error = actionError(err);
    } finally {
      this.loading = false;
    }
  }

  private table(title: string, first: string, groups: FigureGroup[]) {
    return html`<div class="fr-table fr-table--layout-fixed fr-mt-3w">
      <table>
        <caption>${title}</caption>
        <thead><tr>
          <th scope="col">${first}</th><th scope="col">Demandes</th><th scope="col">Résolues</th><th scope="col">En cours</th>
          <th scope="col">Médiane 1re réponse</th><th scope="col">Médiane résolution</th><th scope="col">Dans le délai</th><th scope="col">Note moyenne</th>
        </tr></thead>
        <tbody>
          ${groups.length ? nothing : html`<tr><td colspan="8">Aucune demande sur la période.</td></tr>`}
          ${groups.map(
            (g) => html`<tr>
            <th scope="row">${g.label}</th><td>${g.tickets}</td><td>${g.resolved}</td><td>${g.unresolved}</td>
            <td>${formatMinutes(g.medianFirstResponseMinutes)}</td><td>${formatMinutes(g.medianResolutionMinutes)}</td>
            <td>${pct(g.firstResponseOnTimeRate)}</td><td>${num(g.averageRating)}</td>
          </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private tile(label: string, value: string) {
    return html`<div class="fr-col-6 fr-col-md-3"><div class="fr-tile fr-tile--sm mai-hotline-tile">
      <div class="fr-tile__body"><p class="fr-tile__title fr-h3 fr-mb-0">${value}</p><p class="fr-tile__desc">${label}</p></div>
    </div></div>`;
  }

  render() {
    const f = this.figures;
    return html`<form class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom" @submit=${this.load} aria-label="Période">
        <div class="fr-col-6 fr-col-md-3 fr-input-group">
          <label class="fr-label" for="figures-from">Du</label>
          <input class="fr-input" type="date" id="figures-from" .value=${this.from} @change=${(e: Event) => (this.from = (e.target as HTMLInputElement).value)} required />
        </div>
        <div class="fr-col-6 fr-col-md-3 fr-input-group">
          <label class="fr-label" for="figures-to">Au (inclus)</label>
          <input class="fr-input" type="date" id="figures-to" .value=${this.to} @change=${(e: Event) => (this.to = (e.target as HTMLInputElement).value)} required />
        </div>
        <div class="fr-col-12 fr-col-md-6 fr-mb-3w">
          <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
            <li><button class="fr-btn" type="submit" ?disabled=${this.loading}>${this.loading ? 'Calcul en cours…' : 'Afficher'}</button></li>
            <li><a class="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left" href=${this.rest.figuresCsvUrl(this.from, this.to)}>Exporter en CSV</a></li>
          </ul>
        </div>
      </form>
      ${this.error ? alertBox('error', this.error) : nothing}
      ${
        f
          ? html`<div class="fr-grid-row fr-grid-row--gutters" role="status">
              ${this.tile('demandes non résolues aujourd’hui', String(f.openTickets))}
              ${this.tile('demandes ouvertes sur la période', String(f.total.tickets))}
              ${this.tile('médiane de la 1re réponse', formatMinutes(f.total.medianFirstResponseMinutes))}
              ${this.tile('médiane de résolution', formatMinutes(f.total.medianResolutionMinutes))}
            </div>
            <p class="fr-text--sm fr-mt-2w">Première réponse dans le délai : ${pct(f.total.firstResponseOnTimeRate)} · note moyenne : ${num(f.total.averageRating)} / 5 ·
              ${f.waitingTickets} demande${f.waitingTickets > 1 ? 's' : ''} en attente d’un agent en ce moment.</p>
            ${this.table('Par agent', 'Agent', f.byAgent)}
            ${this.table('Par catégorie', 'Catégorie', f.byCategory)}
            ${this.table('Par département', 'Département', f.byDepartment)}`
          : nothing
      }`;
  }
}

customElements.define('mai-hotline-figures', MaiHotlineFigures);
