/** Template helpers of the report form (DSFR radios, checkboxes and counters; plain functions, light DOM). */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Choice } from '../../../server/protocol/report-catalog.js';

/** A DSFR radio group (fieldset + legend), inline on wide screens. */
export function radioGroup(o: {
  id: string;
  legend: string;
  choices: readonly Choice[];
  value: string;
  error?: string;
  onPick: (key: string) => void;
}): TemplateResult {
  return html`<fieldset class="fr-fieldset ${o.error ? 'fr-fieldset--error' : ''}" id=${o.id} aria-labelledby="${o.id}-legend ${o.error ? `${o.id}-error` : ''}">
    <legend class="fr-fieldset__legend" id="${o.id}-legend">${o.legend}</legend>
    ${o.choices.map(
      (c) => html`<div class="fr-fieldset__element fr-fieldset__element--inline">
        <div class="fr-radio-group">
          <input type="radio" id="${o.id}-${c.key}" name=${o.id} value=${c.key} .checked=${live(o.value === c.key)} @change=${() => o.onPick(c.key)} />
          <label class="fr-label" for="${o.id}-${c.key}">${c.label}</label>
        </div>
      </div>`,
    )}
    ${o.error ? html`<div class="fr-messages-group"><p class="fr-message fr-message--error" id="${o.id}-error">${o.error}</p></div>` : nothing}
  </fieldset>`;
}

/** Counters of people per band (ages or statuses), with what is left to spread. */
export function countGroup(o: {
  id: string;
  legend: string;
  choices: readonly Choice[];
  counts: Record<string, number>;
  participants: number;
  error?: string;
  onCount: (key: string, n: number) => void;
  fillKey?: string;
  onFill?: () => void;
}): TemplateResult {
  const sum = Object.values(o.counts).reduce((a, b) => a + b, 0);
  const rest = o.participants - sum;
  const state = rest === 0 ? 'Le compte est bon.' : rest > 0 ? `Reste ${rest} personne(s) à répartir.` : `${-rest} personne(s) de trop.`;
  return html`<fieldset class="fr-fieldset ${o.error ? 'fr-fieldset--error' : ''}" id=${o.id} aria-labelledby="${o.id}-legend">
    <legend class="fr-fieldset__legend" id="${o.id}-legend">${o.legend}
      <span class="fr-hint-text">Nombre de personnes : le total doit être égal au nombre de participants (${o.participants}).</span></legend>
    <div class="mai-report-counts">
      ${o.choices.map(
        (c) => html`<div class="fr-input-group mai-report-count">
          <label class="fr-label" for="${o.id}-${c.key}">${c.label}</label>
          <input class="fr-input" type="number" inputmode="numeric" min="0" max="500" id="${o.id}-${c.key}" .value=${live(String(o.counts[c.key] ?? 0))}
            @input=${(e: Event) => o.onCount(c.key, Number((e.target as HTMLInputElement).value))} />
        </div>`,
      )}
    </div>
    <p class="fr-message ${rest === 0 ? 'fr-message--valid' : 'fr-message--info'}" aria-live="polite" id="${o.id}-rest">${state}</p>
    ${
      o.onFill && rest > 0
        ? html`<button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm" @click=${o.onFill}>Compter les ${rest} restante(s) en « ${o.choices.find((c) => c.key === o.fillKey)?.label} »</button>`
        : nothing
    }
    ${o.error ? html`<p class="fr-message fr-message--error" id="${o.id}-error">${o.error}</p>` : nothing}
  </fieldset>`;
}

/** The themes as checkboxes, several allowed. */
export function themeGroup(o: {
  choices: readonly Choice[];
  value: string[];
  error?: string;
  onToggle: (key: string) => void;
}): TemplateResult {
  return html`<fieldset class="fr-fieldset ${o.error ? 'fr-fieldset--error' : ''}" id="report-themes" aria-labelledby="report-themes-legend">
    <legend class="fr-fieldset__legend" id="report-themes-legend">Thèmes de l'accompagnement <span class="fr-hint-text">Un ou plusieurs.</span></legend>
    <div class="mai-report-themes">
      ${o.choices.map(
        (c) => html`<div class="fr-checkbox-group fr-checkbox-group--sm">
          <input type="checkbox" id="report-theme-${c.key}" .checked=${live(o.value.includes(c.key))} @change=${() => o.onToggle(c.key)} />
          <label class="fr-label" for="report-theme-${c.key}">${c.label}</label>
        </div>`,
      )}
    </div>
    ${o.error ? html`<p class="fr-message fr-message--error" id="report-themes-error">${o.error}</p>` : nothing}
  </fieldset>`;
}
