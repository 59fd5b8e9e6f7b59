/** How an article looks once published (its page, and the moderators' preview): title, summary, body as safe Markdown. */
import { html, nothing, type TemplateResult } from 'lit';
import type { ContentAccess, ContentStatus, Sector } from '../../../server/protocol/index.js';
import { renderMarkdown } from '../chat/markdown.js';
import { selectField } from '../shared/fields.js';

export const ACCESS_LABELS: Record<ContentAccess, string> = { public: 'Public', pro: 'Réservé aux membres' };
export const STATUS_LABELS: Record<ContentStatus, string> = {
  draft: 'Brouillon',
  submitted: 'En attente de modération',
  published: 'Publié',
  returned: 'À modifier',
  rejected: 'Refusé',
};
const STATUS_BADGES: Record<ContentStatus, string> = {
  draft: '',
  submitted: 'fr-badge--new',
  published: 'fr-badge--success',
  returned: 'fr-badge--warning',
  rejected: 'fr-badge--error',
};

export const statusBadge = (s: ContentStatus) =>
  html`<span class="fr-badge fr-badge--sm fr-badge--no-icon ${STATUS_BADGES[s]}">${STATUS_LABELS[s]}</span>`;
export const accessBadge = (a: ContentAccess) =>
  html`<span class="fr-badge fr-badge--sm fr-badge--no-icon ${a === 'public' ? 'fr-badge--info' : ''}">${ACCESS_LABELS[a]}</span>`;

const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });
export const publishedOn = (iso: string | null) => (iso ? dateFormat.format(new Date(iso)) : '');

/** The categories as tags. */
export function categoryTags(departmentCodes: string[], sectors: Sector[]): TemplateResult | typeof nothing {
  if (!departmentCodes.length && !sectors.length) return nothing;
  return html`<ul class="fr-tags-group">
    ${departmentCodes.map((c) => html`<li><p class="fr-tag fr-tag--sm">Département ${c}</p></li>`)}
    ${sectors.map((s) => html`<li><p class="fr-tag fr-tag--sm">${s.name}</p></li>`)}
  </ul>`;
}

/** The article's text; `headingLevel` 1 on its own page, 2 inside a list (the moderation queue). */
export function articleText(
  a: { title: string; summary: string; body: string; access: ContentAccess; imageUrl?: string | null; imageAlt?: string | null },
  o: { headingLevel: 1 | 2; byline?: string; categories?: TemplateResult | typeof nothing },
): TemplateResult {
  const title = o.headingLevel === 1 ? html`<h1 tabindex="-1">${a.title}</h1>` : html`<h2 class="fr-h3">${a.title}</h2>`;
  return html`<article class="mai-article">
    ${title}
    <p class="mai-article__meta">${accessBadge(a.access)} ${o.byline ? html`<span class="fr-text--sm">${o.byline}</span>` : nothing}</p>
    ${o.categories ?? nothing}
    <p class="fr-text--lead">${a.summary}</p>
    ${a.imageUrl ? html`<img class="mai-article__image" src=${a.imageUrl} alt=${a.imageAlt ?? ''} />` : nothing}
    <div class="mai-article__body">${renderMarkdown(a.body)}</div>
  </article>`;
}

/** The département and sector selects of a list's filters (ids `<prefix>-department`, `<prefix>-sector`). */
export function categoryFilterFields(
  prefix: string,
  values: { department: string; sector: string },
  departments: { code: string; name: string }[],
  sectors: Sector[],
): TemplateResult {
  return html`<div class="fr-col-12 fr-col-md-4">
      ${selectField({
        id: `${prefix}-department`,
        name: 'department',
        label: 'Département',
        value: values.department,
        optional: true,
        markOptional: false,
        placeholder: 'Tous',
        options: departments.map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` })),
      })}
    </div>
    <div class="fr-col-12 fr-col-md-4">
      ${selectField({
        id: `${prefix}-sector`,
        name: 'sector',
        label: 'Secteur',
        value: values.sector,
        optional: true,
        markOptional: false,
        placeholder: 'Tous',
        options: sectors.map((s) => ({ value: String(s.id), label: s.name })),
      })}
    </div>`;
}
