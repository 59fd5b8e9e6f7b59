/** <mai-group-card>: one group in a list, with its join button and state. Leaf: `group`, `busy` in; events out. */
import { LitElement, html, nothing } from 'lit';
import type { Group } from '../../api/groups.js';
import { VISIBILITY_LABELS, plural } from './labels.js';

/**
 * Events: `mai-join` `{ groupId, motive }` (Adhérer, or Demander à rejoindre
 * with an optional motive), `mai-leave` `{ groupId }` (also withdraws a
 * request), `mai-accept` / `mai-decline` `{ groupId }` for an invitation.
 */
export class MaiGroupCard extends LitElement {
  static properties = {
    group: { attribute: false },
    busy: { type: Boolean },
    asking: { state: true },
    motive: { state: true },
  };

  group!: Group;
  busy = false;
  asking = false;
  motive = '';

  createRenderRoot() {
    return this;
  }

  private fire(name: string, detail: Record<string, unknown> = {}) {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail: { groupId: this.group.id, ...detail } }));
  }

  private sendRequest(e: Event) {
    e.preventDefault();
    this.fire('mai-join', { motive: this.motive.trim() || null });
    this.asking = false;
  }

  private actions() {
    const g = this.group;
    const busy = this.busy;
    if (g.myStatus === 'member') {
      return html`<p class="fr-badge fr-badge--success fr-badge--no-icon">Membre${g.myRole && g.myRole !== 'member' ? ` · ${g.myRole === 'owner' ? 'propriétaire' : 'administrateur'}` : ''}</p>
        <a class="fr-btn fr-btn--sm" href=${`/groupes/${g.id}`}>Ouvrir le groupe</a>`;
    }
    if (g.myStatus === 'pending') {
      return html`<p class="fr-badge fr-badge--info fr-badge--no-icon">Demande en attente</p>
        <button class="fr-btn fr-btn--sm fr-btn--tertiary" type="button" ?disabled=${busy} @click=${() => this.fire('mai-leave')}>
          ${busy ? 'Annulation…' : 'Annuler la demande'}
        </button>`;
    }
    if (g.myStatus === 'invited') {
      return html`<p class="fr-badge fr-badge--new fr-badge--no-icon">Invitation reçue</p>
        <button class="fr-btn fr-btn--sm" type="button" ?disabled=${busy} @click=${() => this.fire('mai-accept')}>${busy ? 'Patientez…' : 'Accepter l’invitation'}</button>
        <button class="fr-btn fr-btn--sm fr-btn--tertiary" type="button" ?disabled=${busy} @click=${() => this.fire('mai-decline')}>Refuser</button>`;
    }
    if (g.visibility === 'public') {
      return html`<button class="fr-btn fr-btn--sm" type="button" ?disabled=${busy} @click=${() => this.fire('mai-join', { motive: null })}>
        ${busy ? 'Adhésion…' : 'Adhérer'}
      </button>`;
    }
    if (this.asking) {
      const id = `motive-${g.id}`;
      return html`<form class="mai-group-card__ask" @submit=${this.sendRequest}>
        <div class="fr-input-group">
          <label class="fr-label" for=${id}>Motif de votre demande (facultatif)
            <span class="fr-hint-text">Les responsables du groupe le liront avant de décider.</span></label>
          <textarea class="fr-input" id=${id} rows="2" maxlength="1000" .value=${this.motive}
            @input=${(e: Event) => (this.motive = (e.target as HTMLTextAreaElement).value)}></textarea>
        </div>
        <div class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
          <button class="fr-btn" type="submit" ?disabled=${busy}>${busy ? 'Envoi…' : 'Envoyer la demande'}</button>
          <button class="fr-btn fr-btn--tertiary" type="button" @click=${() => (this.asking = false)}>Annuler</button>
        </div>
      </form>`;
    }
    return html`<button class="fr-btn fr-btn--sm fr-btn--secondary" type="button" ?disabled=${busy} @click=${() => (this.asking = true)}>
      Demander à rejoindre
    </button>`;
  }

  render() {
    const g = this.group;
    if (!g) return nothing;
    const title =
      g.myStatus === 'member' || g.myStatus === 'invited' || g.visibility !== 'private'
        ? html`<a href=${`/groupes/${g.id}`}>${g.name}</a>`
        : g.name;
    return html`<article class="mai-group-card" aria-labelledby=${`group-${g.id}-title`}>
      <h3 class="fr-h6 fr-mb-1v" id=${`group-${g.id}-title`}>${title}</h3>
      <p class="fr-text--sm fr-mb-1w mai-muted">
        <span class="fr-badge fr-badge--sm fr-badge--no-icon ${g.visibility === 'private' ? 'fr-badge--purple-glycine' : g.visibility === 'moderated' ? 'fr-badge--yellow-tournesol' : 'fr-badge--green-menthe'}">${VISIBILITY_LABELS[g.visibility]}</span>
        ${plural(g.memberCount, 'membre')}${g.parent ? html` · sous-groupe de <a href=${`/groupes/${g.parent.id}`}>${g.parent.name}</a>` : nothing}
      </p>
      ${g.description ? html`<p class="fr-text--sm fr-mb-1w">${g.description}</p>` : nothing}
      <div class="mai-group-card__actions">${this.actions()}</div>
    </article>`;
  }
}

customElements.define('mai-group-card', MaiGroupCard);

declare global {
  interface HTMLElementTagNameMap {
    'mai-group-card': MaiGroupCard;
  }
}
