/** <mai-group-members>: the members of a group; its owners and admins change roles and remove members. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { Group, GroupMember, GroupRole } from '../../api/groups.js';
import { apiContext, sessionContext } from '../../controllers/contexts.js';
import { PagedList } from '../../controllers/paged-list.js';
import { StoreController } from '../../controllers/store-controller.js';
import { noticeAlert, type Notice } from '../shared/fields.js';
import { loadingLine, moreButton } from '../shared/list-states.js';
import { groupAction } from './group-action.js';
import { GROUP_ROLE_LABELS, plural, when } from './labels.js';
import { askConfirmation } from '../shared/confirm-dialog.js';

/** Container: `group` in. */
export class MaiGroupMembers extends LitElement {
  static properties = {
    group: { attribute: false },
    busy: { state: true },
    notice: { state: true },
  };

  group!: Group;
  busy: ReadonlySet<number> = new Set();
  notice: Notice | null = null;
  private api = new ContextConsumer(this, { context: apiContext });
  private session = new StoreController(this, sessionContext);
  private members = new PagedList<GroupMember>(
    this,
    (cursor) => this.api.value!.groups.members(this.group.id, 'member', cursor),
    (err) => (this.notice = { kind: 'error', text: errorMessage(err) }),
  );

  createRenderRoot() {
    return this;
  }

  protected willUpdate(changed: PropertyValues<this>) {
    if (changed.has('group') && (changed.get('group') as Group | undefined)?.id !== this.group.id) void this.load();
  }

  private async load(more = false) {
    await this.members.load(more);
  }

  private async run(userId: number, fn: () => Promise<unknown>, done: string) {
    this.busy = new Set([...this.busy, userId]);
    try {
      await groupAction(this, fn, done, () => this.load());
    } finally {
      this.busy = new Set([...this.busy].filter((x) => x !== userId));
    }
  }

  private setRole(m: GroupMember, role: GroupRole) {
    void this.run(
      m.user.id,
      () => this.api.value!.groups.setRole(this.group.id, m.user.id, role),
      `${m.user.displayName} est maintenant ${GROUP_ROLE_LABELS[role].toLowerCase()} du groupe.`,
    );
  }

  private async removeMember(m: GroupMember) {
    if (
      !(await askConfirmation({
        title: 'Retirer ce membre ?',
        body: `Retirer ${m.user.displayName} du groupe ?`,
        confirmLabel: 'Retirer du groupe',
      }))
    )
      return;
    void this.run(
      m.user.id,
      () => this.api.value!.groups.removeMember(this.group.id, m.user.id),
      `${m.user.displayName} a été retiré(e) du groupe.`,
    );
  }

  private row(m: GroupMember) {
    const manage = !!this.group.canManage && m.user.id !== this.session.value?.user?.id;
    const busy = this.busy.has(m.user.id);
    const id = `role-${m.user.id}`;
    return html`<tr>
      <td><a href=${`/membres/${m.user.id}`}>${m.user.displayName}</a>
        <span class="fr-hint-text">${[m.user.jobTitle, m.user.employer].filter(Boolean).join(' — ')}</span></td>
      <td>${m.user.departmentCode}</td>
      <td>${
        manage
          ? html`<label class="fr-sr-only" for=${id}>Rôle de ${m.user.displayName}</label>
            <select class="fr-select" id=${id} ?disabled=${busy} @change=${(e: Event) => this.setRole(m, (e.target as HTMLSelectElement).value as GroupRole)}>
              ${(Object.keys(GROUP_ROLE_LABELS) as GroupRole[]).map((r) => html`<option value=${r} ?selected=${r === m.role}>${GROUP_ROLE_LABELS[r]}</option>`)}
            </select>`
          : GROUP_ROLE_LABELS[m.role]
      }</td>
      <td>${when(m.joinedAt)}</td>
      ${
        this.group.canManage
          ? html`<td>${
              manage
                ? html`<button class="fr-btn fr-btn--sm fr-btn--tertiary" type="button" ?disabled=${busy} @click=${() => this.removeMember(m)}>Retirer</button>`
                : nothing
            }</td>`
          : nothing
      }
    </tr>`;
  }

  render() {
    if (!this.group) return nothing;
    return html`<h2 class="fr-h4">Membres <span class="mai-muted fr-text--md">(${plural(this.group.memberCount, 'membre')})</span></h2>
      <div aria-live="polite">${noticeAlert(this.notice)}</div>
      <div class="fr-table fr-table--no-caption"><div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
        <table>
          <caption>Membres du groupe ${this.group.name}</caption>
          <thead><tr><th scope="col">Nom</th><th scope="col">Département</th><th scope="col">Rôle dans le groupe</th><th scope="col">Membre depuis</th>
            ${this.group.canManage ? html`<th scope="col"><span class="fr-sr-only">Actions</span></th>` : nothing}</tr></thead>
          <tbody>${this.members.items.map((m) => this.row(m))}</tbody>
        </table>
      </div></div></div></div>
      ${this.members.loading ? loadingLine('Chargement…') : nothing}
      ${this.members.cursor ? moreButton('Afficher plus de membres', () => this.load(true)) : nothing}`;
  }
}

customElements.define('mai-group-members', MaiGroupMembers);
