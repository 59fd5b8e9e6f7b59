/** <mai-group-requests>: for a group's owners and admins: join requests (pending, then decided with who and when), invitations. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { Group, Invitation, JoinRequest, Member } from '../../api/groups.js';
import { apiContext } from '../../controllers/contexts.js';
import { noticeAlert, type Notice } from '../shared/fields.js';
import { groupAction } from './group-action.js';
import { when } from './labels.js';

const DECISION_LABELS: Record<JoinRequest['status'], string> = {
  pending: 'En attente',
  approved: 'Acceptée',
  rejected: 'Refusée',
  cancelled: 'Annulée par le demandeur',
};

/** Container: `group` in. */
export class MaiGroupRequests extends LitElement {
  static properties = {
    group: { attribute: false },
    requests: { state: true },
    invitations: { state: true },
    busy: { state: true },
    notice: { state: true },
    inviteQuery: { state: true },
    found: { state: true },
    email: { state: true },
  };

  group!: Group;
  requests: JoinRequest[] = [];
  invitations: Invitation[] = [];
  busy = false;
  notice: Notice | null = null;
  inviteQuery = '';
  found: Member[] = [];
  email = '';
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  protected willUpdate(changed: PropertyValues<this>) {
    if (changed.has('group') && (changed.get('group') as Group | undefined)?.id !== this.group.id) void this.load();
  }

  private async load() {
    try {
      const api = this.api.value!.groups;
      const [r, i] = await Promise.all([api.requests(this.group.id), api.invitations(this.group.id)]);
      this.requests = r.items;
      this.invitations = i.items;
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
    }
  }

  private async run(fn: () => Promise<unknown>, done: string) {
    this.busy = true;
    try {
      await groupAction(this, fn, done, () => this.load());
    } finally {
      this.busy = false;
    }
  }

  private decide(r: JoinRequest, approve: boolean) {
    void this.run(
      () => this.api.value!.groups.decide(this.group.id, r.user.id, approve),
      approve ? `${r.user.displayName} est maintenant membre du groupe.` : `La demande de ${r.user.displayName} est refusée.`,
    );
  }

  private async search(q: string) {
    this.inviteQuery = q;
    this.found =
      q.trim().length < 2 ? [] : (await this.api.value!.groups.directory({ q }).catch(() => ({ items: [] as Member[] }))).items.slice(0, 6);
  }

  private inviteEmail(e: Event) {
    e.preventDefault();
    const email = this.email.trim();
    if (!email) return;
    void this.run(async () => {
      await this.api.value!.groups.invite(this.group.id, { email });
      this.email = '';
    }, `Invitation envoyée à ${email}. Sans compte Maillage, cette personne reçoit un lien pour s’inscrire.`);
  }

  private pending() {
    const pending = this.requests.filter((r) => r.status === 'pending');
    if (!pending.length) return html`<p class="mai-muted">Aucune demande en attente.</p>`;
    return html`<ul class="mai-card-list">${pending.map(
      (r) => html`<li class="mai-request">
      <p class="fr-mb-1v"><a href=${`/membres/${r.user.id}`}><strong>${r.user.displayName}</strong></a> · demandé le ${when(r.createdAt)}</p>
      <blockquote class="mai-post-quote">${r.motive ? r.motive : html`<em>Pas de motif indiqué.</em>`}</blockquote>
      <div class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
        <button class="fr-btn" type="button" ?disabled=${this.busy} @click=${() => this.decide(r, true)}>Accepter</button>
        <button class="fr-btn fr-btn--secondary" type="button" ?disabled=${this.busy} @click=${() => this.decide(r, false)}>Refuser</button>
      </div>
    </li>`,
    )}</ul>`;
  }

  private history() {
    const decided = this.requests.filter((r) => r.status !== 'pending');
    if (!decided.length) return nothing;
    return html`<div class="fr-table"><div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content"><table>
      <caption>Demandes traitées</caption>
      <thead><tr><th scope="col">Demandeur</th><th scope="col">Motif</th><th scope="col">Décision</th><th scope="col">Par</th><th scope="col">Le</th></tr></thead>
      <tbody>${decided.map(
        (r) => html`<tr><td>${r.user.displayName}</td><td>${r.motive ?? '—'}</td><td>${DECISION_LABELS[r.status]}</td>
        <td>${r.decidedBy?.displayName ?? '—'}</td><td>${when(r.decidedAt)}</td></tr>`,
      )}</tbody>
    </table></div></div></div></div>`;
  }

  private inviteForms() {
    return html`<div class="fr-grid-row fr-grid-row--gutters">
      <div class="fr-col-12 fr-col-md-6">
        <div class="fr-input-group">
          <label class="fr-label" for="invite-member">Inviter un membre du réseau<span class="fr-hint-text">Tapez au moins deux lettres de son nom.</span></label>
          <input class="fr-input" id="invite-member" type="search" autocomplete="off" .value=${this.inviteQuery} @input=${(e: Event) => this.search((e.target as HTMLInputElement).value)} />
        </div>
        <ul class="fr-btns-group fr-btns-group--sm">${this.found.map(
          (m) => html`<li><button class="fr-btn fr-btn--secondary" type="button" ?disabled=${this.busy}
          @click=${() => this.run(() => this.api.value!.groups.invite(this.group.id, { userId: m.id }), `${m.displayName} est invité(e).`)}>Inviter ${m.displayName}</button></li>`,
        )}</ul>
      </div>
      <form class="fr-col-12 fr-col-md-6" @submit=${this.inviteEmail}>
        <div class="fr-input-group">
          <label class="fr-label" for="invite-email">Inviter par adresse e-mail<span class="fr-hint-text">Une personne sans compte reçoit un lien d’inscription.</span></label>
          <input class="fr-input" id="invite-email" type="email" autocomplete="off" .value=${this.email} @input=${(e: Event) => (this.email = (e.target as HTMLInputElement).value)} />
        </div>
        <button class="fr-btn fr-btn--sm" type="submit" ?disabled=${this.busy || !this.email.trim()}>Envoyer l’invitation</button>
      </form>
    </div>`;
  }

  render() {
    if (!this.group) return nothing;
    return html`<div aria-live="polite">${noticeAlert(this.notice)}</div>
      <section aria-labelledby="requests-title">
        <h2 id="requests-title" class="fr-h4">Demandes d’adhésion</h2>
        ${this.group.visibility === 'moderated' || this.requests.length ? html`${this.pending()}${this.history()}` : html`<p class="mai-muted">Ce groupe n’est pas modéré : on y adhère librement ou sur invitation.</p>`}
      </section>
      <section class="fr-mt-4w" aria-labelledby="invitations-title">
        <h2 id="invitations-title" class="fr-h4">Invitations</h2>
        ${this.inviteForms()}
        ${
          this.invitations.length
            ? html`<ul class="fr-mt-2w">${this.invitations.map(
                (i) => html`<li>${i.user?.displayName ?? i.email} — invitation envoyée le ${when(i.createdAt)}
              ${
                i.user
                  ? html`<button class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" type="button" ?disabled=${this.busy}
                @click=${() => this.run(() => this.api.value!.groups.removeMember(this.group.id, i.user!.id), 'Invitation retirée.')}>Retirer l’invitation</button>`
                  : nothing
              }</li>`,
              )}</ul>`
            : html`<p class="mai-muted fr-mt-2w">Aucune invitation en attente.</p>`
        }
      </section>`;
  }
}

customElements.define('mai-group-requests', MaiGroupRequests);
