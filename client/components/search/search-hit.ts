/** How a search result looks, wherever it is listed (results page, chat panel). */
import { html, nothing, type TemplateResult } from 'lit';
import type { SearchHit, SearchSegment, SearchType } from '../../api/search.js';
import { fullLabel } from '../chat/format.js';

/** The types' names, plural (tabs, section titles) and as a one-word label. */
export const SEARCH_TYPE_LABELS: Record<SearchType, string> = {
  messages: 'Messages',
  posts: 'Publications',
  comments: 'Commentaires',
  documents: 'Documents',
  resources: 'Ressources',
  events: 'Événements',
  groups: 'Groupes',
  people: 'Personnes',
};

/** The excerpt, every piece rendered as text; the words found in <mark>. */
export function excerpt(segments: SearchSegment[]): TemplateResult {
  return html`${segments.map((s) => (s.match ? html`<mark class="mai-mark">${s.text}</mark>` : s.text))}`;
}

/** One result as a list item: its title as the link, where and when, the excerpt. */
export function hitItem(hit: SearchHit, o: { onOpen?: (hit: SearchHit, e: Event) => void } = {}): TemplateResult {
  const meta = [
    hit.context,
    hit.type !== 'messages' && hit.author ? hit.author.displayName : null,
    hit.createdAt ? fullLabel(hit.createdAt) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return html`<li class="mai-hit">
    <p class="mai-hit__title fr-mb-0">
      <a href=${hit.href} @click=${o.onOpen ? (e: Event) => o.onOpen!(hit, e) : nothing}>${hit.title}</a>
    </p>
    ${meta ? html`<p class="fr-text--xs fr-mb-1v mai-muted">${meta}</p>` : nothing}
    <p class="fr-text--sm fr-mb-0 mai-hit__excerpt">${excerpt(hit.excerpt)}</p>
  </li>`;
}
