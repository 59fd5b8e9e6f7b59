/**
 * <mai-orientation-page> (/orientation, public): a few questions about the
 * project, then the matching public events and resources, each with why it
 * was chosen. A signed-in créateur finds the answers of their latest sheet
 * already filled in.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import type { OrientationItem, OrientationResult, Sector } from '../../../server/protocol/index.js';
import { errorMessage } from '../../api/messages.js';
import { apiContext, departmentsContext, sessionContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { noticeAlert, radioGroup, selectField, type Notice } from '../shared/fields.js';
import { focusAfter } from '../shared/focus.js';
import { NEEDS, SIZES, STAGES } from './labels.js';

interface Answers {
  stage: string;
  sectorId: string;
  departmentCode: string;
  size: string;
  needs: string[];
}

const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Paris' });

export class MaiOrientationPage extends LitElement {
  static properties = {
    answers: { state: true },
    sectors: { state: true },
    result: { state: true },
    notice: { state: true },
    busy: { state: true },
    prefilled: { state: true },
  };

  answers: Answers = { stage: '', sectorId: '', departmentCode: '', size: '', needs: [] };
  sectors: Sector[] = [];
  result: OrientationResult | null = null;
  notice: Notice | null = null;
  busy = false;
  prefilled = '';
  private api = new ContextConsumer(this, { context: apiContext });
  private session = new StoreController(this, sessionContext);
  private departments = new StoreController(this, departmentsContext);

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.departments.value?.load();
    const api = this.api.value!;
    void api.articles.sectors().then(
      (r) => (this.sectors = r.items),
      () => undefined,
    );
    if (this.session.value?.user?.accountType === 'createur') void this.prefill();
  }

  /** The créateur's latest sheet answers the questions (they may still change them). */
  private async prefill() {
    try {
      const [latest] = (await this.api.value!.projectSheets.mine()).items;
      if (!latest) return;
      const s = await this.api.value!.projectSheets.get(latest.id);
      this.answers = {
        stage: s.stage,
        sectorId: s.sectorId ? String(s.sectorId) : '',
        departmentCode: s.departmentCode ?? '',
        size: s.projectSize ?? '',
        needs: [...s.needs],
      };
      this.prefilled = s.title;
    } catch {
      // Nothing to prefill: the questions stay empty.
    }
  }

  private onInput(e: Event) {
    const t = e.target as HTMLInputElement;
    if (t.name === 'need') {
      const needs = t.checked ? [...this.answers.needs, t.value] : this.answers.needs.filter((n) => n !== t.value);
      this.answers = { ...this.answers, needs };
    } else if (t.name) this.answers = { ...this.answers, [t.name]: t.value };
  }

  private async search(e: Event) {
    e.preventDefault();
    this.busy = true;
    this.notice = null;
    const a = this.answers;
    try {
      this.result = await this.api.value!.projectSheets.orientation({
        stage: (a.stage || undefined) as never,
        sectorId: a.sectorId ? Number(a.sectorId) : undefined,
        departmentCode: a.departmentCode || undefined,
        size: (a.size || undefined) as never,
        needs: a.needs as never,
      });
      const n = this.result.events.length + this.result.resources.length;
      void focusAfter(this, '#orientation-results', `${n} suggestion${n > 1 ? 's' : ''} pour votre projet.`);
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
      void focusAfter(this, '.fr-alert--error');
    } finally {
      this.busy = false;
    }
  }

  private item(i: OrientationItem) {
    return html`<li class="fr-mb-3w mai-orientation-item">
      <h3 class="fr-h6 fr-mb-1v"><a href=${i.href}>${i.title}</a></h3>
      ${i.startsAt ? html`<p class="fr-text--sm fr-mb-0">${when.format(new Date(i.startsAt))}</p>` : nothing}
      <p class="fr-text--sm fr-mb-0 mai-muted">${i.place}</p>
      ${i.summary ? html`<p class="fr-text--sm fr-mb-0">${i.summary}</p>` : nothing}
      <p class="fr-text--sm fr-mb-0 mai-because"><span class="fr-icon-check-line" aria-hidden="true"></span> ${i.because}</p>
    </li>`;
  }

  render() {
    const a = this.answers;
    const r = this.result;
    return html`<h1 tabindex="-1">Orientation : les ateliers et ressources pour votre projet</h1>
      <p>Répondez à quelques questions (toutes facultatives) : nous vous proposons les événements et ressources qui correspondent à votre projet de création d’entreprise.</p>
      ${this.prefilled ? html`<p class="fr-alert fr-alert--info fr-alert--sm">Réponses reprises de votre fiche « ${this.prefilled} ». Vous pouvez les changer.</p>` : nothing}
      ${noticeAlert(this.notice)}
      <form novalidate @input=${this.onInput} @change=${this.onInput} @submit=${this.search}>
        ${radioGroup({ id: 'orientation-stage', name: 'stage', label: 'Où en est votre projet ?', value: a.stage, optional: true, options: STAGES })}
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-6">
            ${selectField({ id: 'orientation-sector', name: 'sectorId', label: 'Secteur d’activité', value: a.sectorId, optional: true, placeholder: 'Tous les secteurs', options: this.sectors.map((s) => ({ value: String(s.id), label: s.name })) })}
          </div>
          <div class="fr-col-12 fr-col-md-6">
            ${selectField({ id: 'orientation-department', name: 'departmentCode', label: 'Département', value: a.departmentCode, optional: true, placeholder: 'Tous les départements', options: (this.departments.value?.items ?? []).map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` })) })}
          </div>
        </div>
        ${radioGroup({ id: 'orientation-size', name: 'size', label: 'Taille du projet', value: a.size, optional: true, options: SIZES })}
        <fieldset class="fr-fieldset" aria-labelledby="orientation-needs-legend">
          <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="orientation-needs-legend">Vos besoins (facultatif)</legend>
          ${NEEDS.map(
            (n) => html`<div class="fr-fieldset__element"><div class="fr-checkbox-group">
              <input type="checkbox" id=${`orientation-need-${n.value}`} name="need" value=${n.value} .checked=${a.needs.includes(n.value)} />
              <label class="fr-label" for=${`orientation-need-${n.value}`}>${n.label}</label>
            </div></div>`,
          )}
        </fieldset>
        <button class="fr-btn" type="submit" ?disabled=${this.busy}>${this.busy ? 'Recherche…' : 'Voir les suggestions'}</button>
      </form>
      ${
        r
          ? html`<section class="fr-mt-4w" aria-labelledby="orientation-results">
            <h2 id="orientation-results" tabindex="-1">Pour votre projet</h2>
            <h3>Événements et ateliers</h3>
            ${r.events.length ? html`<ul class="mai-plain-list" aria-label="Événements suggérés">${r.events.map((i) => this.item(i))}</ul>` : html`<p class="mai-muted">Aucun événement à venir ne correspond pour l’instant.</p>`}
            <h3>Ressources</h3>
            ${r.resources.length ? html`<ul class="mai-plain-list" aria-label="Ressources suggérées">${r.resources.map((i) => this.item(i))}</ul>` : html`<p class="mai-muted">Aucune ressource ne correspond pour l’instant.</p>`}
          </section>`
          : nothing
      }`;
  }
}

customElements.define('mai-orientation-page', MaiOrientationPage);
