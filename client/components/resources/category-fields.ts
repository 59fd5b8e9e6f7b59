/** The categories of a resource as form fields: themes and sectors as checkboxes, départements as a multiple choice list. */
import { html, type TemplateResult } from 'lit';
import type { Sector } from '../../../server/protocol/index.js';

export interface Categories {
  themes: string[];
  departmentCodes: string[];
  sectorIds: number[];
}

const toggled = <T>(list: T[], v: T, on: boolean) => (on ? [...list, v] : list.filter((x) => x !== v));

function checkboxes<T extends string | number>(
  id: string,
  legend: string,
  options: { value: T; label: string }[],
  chosen: T[],
  set: (v: T[]) => void,
) {
  return html`<fieldset class="fr-fieldset" aria-labelledby=${`${id}-legend`}>
    <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id=${`${id}-legend`}>${legend} (facultatif)</legend>
    ${options.map(
      (o) => html`<div class="fr-fieldset__element"><div class="fr-checkbox-group fr-checkbox-group--sm">
        <input type="checkbox" id=${`${id}-${o.value}`} .checked=${chosen.includes(o.value)}
          @change=${(e: Event) => set(toggled(chosen, o.value, (e.target as HTMLInputElement).checked))} />
        <label class="fr-label" for=${`${id}-${o.value}`}>${o.label}</label>
      </div></div>`,
    )}
  </fieldset>`;
}

export function categoryFields(o: {
  themes: { value: string; label: string }[];
  departments: { code: string; name: string }[];
  sectors: Sector[];
  value: Categories;
  onChange: (c: Categories) => void;
}): TemplateResult {
  const v = o.value;
  return html`<div class="fr-grid-row fr-grid-row--gutters">
    <div class="fr-col-12 fr-col-md-6">
      ${checkboxes('resource-theme', 'Thèmes', o.themes, v.themes, (themes) => o.onChange({ ...v, themes }))}
    </div>
    <div class="fr-col-12 fr-col-md-6">
      <div class="fr-select-group">
        <label class="fr-label" for="resource-departments">Départements (facultatif)<span class="fr-hint-text">Ctrl ou Maj pour en choisir plusieurs.</span></label>
        <select class="fr-select" id="resource-departments" multiple size="6"
          @change=${(e: Event) => o.onChange({ ...v, departmentCodes: [...(e.target as HTMLSelectElement).selectedOptions].map((x) => x.value) })}>
          ${o.departments.map((d) => html`<option value=${d.code} ?selected=${v.departmentCodes.includes(d.code)}>${d.code} — ${d.name}</option>`)}
        </select>
      </div>
      ${checkboxes(
        'resource-sector',
        'Secteurs',
        o.sectors.map((s) => ({ value: s.id, label: s.name })),
        v.sectorIds,
        (sectorIds) => o.onChange({ ...v, sectorIds }),
      )}
    </div>
  </div>`;
}
