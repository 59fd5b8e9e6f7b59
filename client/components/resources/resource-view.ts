/** How a resource is named and tagged wherever it shows (library, its page, "Mes contenus"). */
import { html, nothing, type TemplateResult } from 'lit';
import { RESOURCE_FORMATS, RESOURCE_THEMES, RESOURCE_TYPES } from '../../../server/protocol/resource-catalog.js';
import type { ResourceFile, ResourceSummary } from '../../../server/protocol/index.js';

const labelIn = (list: readonly { key: string; label: string }[], key: string) => list.find((x) => x.key === key)?.label ?? key;
export const typeLabel = (key: string) => labelIn(RESOURCE_TYPES, key);
export const formatLabel = (key: string) => labelIn(RESOURCE_FORMATS, key);
export const themeLabel = (key: string) => labelIn(RESOURCE_THEMES, key);

export const TYPE_OPTIONS = RESOURCE_TYPES.map((t) => ({ value: t.key, label: t.label }));
export const FORMAT_OPTIONS = RESOURCE_FORMATS.map((t) => ({ value: t.key, label: t.label }));
export const THEME_OPTIONS = RESOURCE_THEMES.map((t) => ({ value: t.key, label: t.label }));

/** « 1,2 Mo » */
export function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} Ko`;
  return `${(bytes / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}

/** What opening it does, as the button says it. */
export function openLabel(r: { format: string; file: ResourceFile | null }): string {
  if (r.format === 'file' && r.file) return `Télécharger (${r.file.name}, ${sizeLabel(r.file.size)})`;
  return r.format === 'video' ? 'Voir la vidéo' : 'Ouvrir le lien';
}

/** The tags of a resource: type, format, application, themes, départements, sectors. */
export function resourceTags(
  r: Pick<ResourceSummary, 'type' | 'format' | 'application' | 'themes' | 'departmentCodes' | 'sectors'>,
): TemplateResult {
  return html`<ul class="fr-tags-group">
    <li><p class="fr-tag fr-tag--sm">${typeLabel(r.type)}</p></li>
    <li><p class="fr-tag fr-tag--sm">${formatLabel(r.format)}</p></li>
    ${r.application ? html`<li><p class="fr-tag fr-tag--sm">${r.application.name}</p></li>` : nothing}
    ${r.themes.map((t) => html`<li><p class="fr-tag fr-tag--sm">${themeLabel(t)}</p></li>`)}
    ${r.departmentCodes.map((c) => html`<li><p class="fr-tag fr-tag--sm">Département ${c}</p></li>`)}
    ${r.sectors.map((s) => html`<li><p class="fr-tag fr-tag--sm">${s.name}</p></li>`)}
  </ul>`;
}
