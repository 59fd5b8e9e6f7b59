/**
 * <mai-group-suggestions>: « On vous propose », up to 6 groups to join (same
 * département, my contacts' groups…), with member counts, one-click
 * « Adhérer » (or « Demander » for a moderated group) and « Ne plus proposer »
 * (remembered by the server). Container (API context).
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { GroupSuggestion } from '../../api/communities.js';
import { apiContext } from '../../controllers/contexts.js';
import { noticeAlert, type Notice } from '../shared/fields.js';
import { focusAfter } from '../shared/focus.js';
import { plural } from '../groups/labels.js';

function reasonText(s: GroupSuggestion): string {
  const parts = s.reasons.map((r) =>
    r === 'contacts'
      ? s.contactCount > 1
        ? `${s.contactCount} de vos contacts y participent`
        : 'un de vos contacts y participe'
      : r === 'departement'
        ? 'des membres de votre département'
        : 'des membres partagent vos centres d’intérêt',
  );
  return parts.length ? parts.join(' · ') : 'un groupe actif du réseau';
}

export class MaiGroupSuggestions extends LitElement {
  static properties = {
    items: { state: true },
    done: { state: true },
    busy: { state: true },
    notice: { state: true },
  };

  items: GroupSuggestion[] | null = null;
  /** What became of the groups I acted on (joined, requested). */
  done = new Map<number, string>();
  busy = new Set<number>();
  notice: Notice | null = null;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.items = (await this.api.value!.communities.suggestions()).items;
    } catch (err) {
      this.items = [];
      this.notice = { kind: 'error', text: errorMessage(err) };
    }
  }

  private async join(s: GroupSuggestion) {
    const id = s.group.id;
    this.busy = new Set([...this.busy, id]);
    this.notice = null;
    try {
      const { status } = await this.api.value!.groups.join(id, null);
      this.done = new Map([...this.done, [id, status === 'member' ? 'Vous êtes membre' : 'Demande envoyée']]);
      this.notice = {
        kind: 'success',
        text:
          status === 'member'
            ? `Vous êtes membre de « ${s.group.name} ».`
            : `Votre demande pour « ${s.group.name} » est envoyée à ses responsables.`,
      };
      void focusAfter(this, `#suggestion-${id}-title a`);
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
    } finally {
      this.busy = new Set([...this.busy].filter((x) => x !== id));
    }
  }

  private async dismiss(s: GroupSuggestion, index: number) {
    this.notice = null;
    try {
      await this.api.value!.communities.dismiss(s.group.id);
      this.items = (this.items ?? []).filter((x) => x.group.id !== s.group.id);
      this.notice = { kind: 'success', text: `« ${s.group.name} » ne vous sera plus proposé.` };
      // The next proposal (or the section's title when none is left) takes the focus.
      const next = this.items[index] ?? this.items[index - 1];
      void focusAfter(this, next ? `#suggestion-${next.group.id}-title a` : '#suggestions-title');
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
    }
  }

  render() {
    if (this.items && !this.items.length && !this.notice) return nothing;
    return html`<section class="mai-suggestions fr-mb-4w" aria-labelledby="suggestions-title">
      <h2 class="fr-h4" id="suggestions-title" tabindex="-1">On vous propose</h2>
      <div aria-live="polite">${noticeAlert(this.notice)}</div>
      <ul class="mai-card-list">
        ${(this.items ?? []).map((s, i) => {
          const g = s.group;
          const done = this.done.get(g.id);
          const busy = this.busy.has(g.id);
          return html`<li>
            <article class="mai-group-card" aria-labelledby=${`suggestion-${g.id}-title`}>
              <h3 class="fr-h6 fr-mb-1v" id=${`suggestion-${g.id}-title`}><a href=${`/groupes/${g.id}`}>${g.name}</a></h3>
              <p class="fr-text--sm fr-mb-1w mai-muted">${plural(g.memberCount, 'membre')}${g.isCommunity ? ' · communauté' : ''}${g.parent ? ` · dans ${g.parent.name}` : ''}</p>
              <p class="fr-text--sm fr-mb-1w">${reasonText(s)}</p>
              <div class="mai-group-card__actions">
                ${
                  done
                    ? html`<p class="fr-badge fr-badge--success fr-badge--no-icon">${done}</p>`
                    : html`<button class="fr-btn fr-btn--sm ${g.visibility === 'public' ? '' : 'fr-btn--secondary'}" type="button" ?disabled=${busy} @click=${() => this.join(s)}>
                        ${busy ? 'Patientez…' : g.visibility === 'public' ? 'Adhérer' : 'Demander'}<span class="fr-sr-only"> : ${g.name}</span></button>
                      <button class="fr-btn fr-btn--sm fr-btn--tertiary-no-outline fr-icon-close-line fr-btn--icon-left" type="button" @click=${() => this.dismiss(s, i)}>
                        Ne plus proposer<span class="fr-sr-only"> : ${g.name}</span></button>`
                }
              </div>
            </article>
          </li>`;
        })}
      </ul>
    </section>`;
  }
}

customElements.define('mai-group-suggestions', MaiGroupSuggestions);
