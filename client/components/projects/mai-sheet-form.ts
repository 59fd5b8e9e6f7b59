/**
 * <mai-sheet-form>: the fields of a project sheet, to create one or edit it.
 * Properties in (`sheet` to edit, `errors` from the server, `busy`); `mai-save`
 * out with the body. What was typed stays when the server refuses it.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html } from 'lit';
import type { ProjectSheet, SheetBody, Sector } from '../../../server/protocol/index.js';
import type { CommuneView } from '../../api/reports.js';
import { apiContext, departmentsContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { radioGroup, selectField, textArea, textField } from '../shared/fields.js';
import { focusFirstInvalid } from '../shared/focus.js';
import '../reports/mai-commune-field.js';
import { NEEDS, SIZES, STAGES } from './labels.js';

interface Values {
  title: string;
  summary: string;
  stage: string;
  sectorId: string;
  departmentCode: string;
  projectSize: string;
  legalForm: string;
  description: string;
}

export class MaiSheetForm extends LitElement {
  static properties = {
    sheet: { attribute: false },
    errors: { attribute: false },
    busy: { type: Boolean },
    submitLabel: { type: String },
    values: { state: true },
    needs: { state: true },
    commune: { state: true },
    sectors: { state: true },
  };

  sheet: ProjectSheet | null = null;
  errors: Record<string, string> = {};
  busy = false;
  submitLabel = 'Enregistrer';
  values: Values = {
    title: '',
    summary: '',
    stage: 'idee',
    sectorId: '',
    departmentCode: '',
    projectSize: '',
    legalForm: '',
    description: '',
  };
  needs = new Set<string>();
  commune: CommuneView | null = null;
  sectors: Sector[] = [];
  private api = new ContextConsumer(this, { context: apiContext });
  private departments = new StoreController(this, departmentsContext);

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.departments.value?.load();
    void this.api.value?.articles.sectors().then(
      (r) => (this.sectors = r.items),
      () => undefined,
    );
  }

  willUpdate(changed: Map<string, unknown>) {
    if (changed.has('sheet') && this.sheet) {
      const s = this.sheet;
      this.values = {
        title: s.title,
        summary: s.summary,
        stage: s.stage,
        sectorId: s.sectorId ? String(s.sectorId) : '',
        departmentCode: s.departmentCode ?? '',
        projectSize: s.projectSize ?? '',
        legalForm: s.legalForm ?? '',
        description: s.description,
      };
      this.needs = new Set(s.needs);
      this.commune = s.communeCode
        ? { code: s.communeCode, name: s.communeName ?? s.communeCode, postalCodes: [], departmentCode: s.departmentCode ?? '' }
        : null;
    }
    if (changed.has('errors') && Object.keys(this.errors).length) void focusFirstInvalid(this);
  }

  private onInput(e: Event) {
    const t = e.target as HTMLInputElement;
    if (!t.name) return;
    if (t.name === 'need') {
      const next = new Set(this.needs);
      if (t.checked) next.add(t.value);
      else next.delete(t.value);
      this.needs = next;
      return;
    }
    this.values = { ...this.values, [t.name]: t.value };
  }

  private submit(e: Event) {
    e.preventDefault();
    const v = this.values;
    const body: SheetBody = {
      title: v.title,
      summary: v.summary,
      stage: v.stage as SheetBody['stage'],
      sectorId: v.sectorId ? Number(v.sectorId) : null,
      departmentCode: v.departmentCode || this.commune?.departmentCode || null,
      communeCode: this.commune?.code ?? null,
      projectSize: (v.projectSize || null) as SheetBody['projectSize'],
      legalForm: v.legalForm || null,
      needs: [...this.needs] as SheetBody['needs'],
      description: v.description,
    };
    this.dispatchEvent(new CustomEvent('mai-save', { detail: body, bubbles: true, composed: true }));
  }

  render() {
    const v = this.values;
    const err = this.errors;
    return html`<form novalidate @input=${this.onInput} @change=${this.onInput} @submit=${this.submit}>
      ${textField({ id: 'sheet-title', name: 'title', label: 'Titre du projet', value: v.title, error: err.title, maxlength: 200 })}
      ${textArea({ id: 'sheet-summary', name: 'summary', label: 'Résumé en quelques lignes', value: v.summary, error: err.summary, optional: true, rows: 3, maxlength: 500 })}
      ${radioGroup({ id: 'sheet-stage', name: 'stage', label: 'Étape du projet', value: v.stage, error: err.stage, options: STAGES })}
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-6">
          ${selectField({
            id: 'sheet-sector',
            name: 'sectorId',
            label: 'Secteur d’activité',
            value: v.sectorId,
            error: err.sectorId,
            optional: true,
            placeholder: 'Choisir un secteur',
            options: this.sectors.map((s) => ({ value: String(s.id), label: s.name })),
          })}
        </div>
        <div class="fr-col-12 fr-col-md-6">
          ${selectField({
            id: 'sheet-department',
            name: 'departmentCode',
            label: 'Département',
            value: v.departmentCode,
            error: err.departmentCode,
            optional: true,
            placeholder: 'Choisir un département',
            options: (this.departments.value?.items ?? []).map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` })),
          })}
        </div>
      </div>
      <mai-commune-field .api=${this.api.value?.reports ?? null} label="Commune (facultatif)" .value=${this.commune} error=${err.communeCode ?? ''}
        @mai-commune=${(e: CustomEvent<{ commune: CommuneView | null }>) => (this.commune = e.detail.commune)}></mai-commune-field>
      ${radioGroup({ id: 'sheet-size', name: 'projectSize', label: 'Taille du projet', value: v.projectSize, error: err.projectSize, optional: true, options: SIZES })}
      ${textField({ id: 'sheet-legal', name: 'legalForm', label: 'Forme juridique envisagée', hint: 'Par exemple : micro-entreprise, SAS, SARL, association.', value: v.legalForm, error: err.legalForm, optional: true, maxlength: 80 })}
      <fieldset class="fr-fieldset" aria-labelledby="sheet-needs-legend">
        <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="sheet-needs-legend">Vos besoins (facultatif)</legend>
        ${NEEDS.map((n) => html`<div class="fr-fieldset__element">${checkboxWithValue(n.value, n.label, this.needs.has(n.value))}</div>`)}
      </fieldset>
      ${textArea({ id: 'sheet-description', name: 'description', label: 'Description libre', value: v.description, error: err.description, optional: true, rows: 8, maxlength: 20000 })}
      <button class="fr-btn" type="submit" ?disabled=${this.busy}>${this.busy ? 'Enregistrement…' : this.submitLabel}</button>
    </form>`;
  }
}

/** A checkbox carrying its need's key as value (the shared helper has no value). */
function checkboxWithValue(value: string, label: string, checked: boolean) {
  return html`<div class="fr-checkbox-group">
    <input type="checkbox" id=${`sheet-need-${value}`} name="need" value=${value} .checked=${checked} />
    <label class="fr-label" for=${`sheet-need-${value}`}>${label}</label>
  </div>`;
}

customElements.define('mai-sheet-form', MaiSheetForm);
