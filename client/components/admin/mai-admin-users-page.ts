/** <mai-admin-users-page> (/admin): search, change role, disable/enable and create users. */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import type { AdminCreateUserInput, UserSearch } from '../../api/admin-users.js';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { Role, User } from '../../../server/protocol/index.js';
import { apiContext, departmentsContext, sessionContext } from '../../controllers/contexts.js';
import { PagedList } from '../../controllers/paged-list.js';
import { StoreController } from '../../controllers/store-controller.js';
import { noticeAlert, selectField, textField, withField, type Notice } from '../shared/fields.js';
import { moreButton } from '../shared/list-states.js';
import { ROLE_LABELS, ROLE_OPTIONS, STATUS_LABELS } from '../shared/labels.js';
import type { MaiAdminUserCreate } from './mai-admin-user-create.js';
import './mai-admin-user-create.js';
import './mai-admin-user-table.js';
import { askConfirmation } from '../shared/confirm-dialog.js';
import { focusAfter, focusErrorAlert } from '../shared/focus.js';

/** Container over /api/admin/users. */
export class MaiAdminUsersPage extends LitElement {
  static properties = {
    filters: { state: true },
    busyIds: { state: true },
    notice: { state: true },
    showCreate: { state: true },
    creating: { state: true },
    createErrors: { state: true },
  };

  filters: Required<Omit<UserSearch, 'cursor'>> = { q: '', role: '', status: '' };
  busyIds: ReadonlySet<number> = new Set();
  notice: Notice | null = null;
  showCreate = false;
  creating = false;
  createErrors: Record<string, string> = {};
  private api = new ContextConsumer(this, { context: apiContext });
  private session = new StoreController(this, sessionContext);
  private departments = new StoreController(this, departmentsContext);
  private users = new PagedList<User>(
    this,
    (cursor) => this.api.value!.adminUsers.search({ ...this.filters, cursor }),
    (err) => (this.notice = { kind: 'error', text: errorMessage(err) }),
  );

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.departments.value?.load();
    void this.search();
  }

  private search(more = false) {
    return this.users.load(more);
  }

  /** Applies `patch`; the focus then goes back to `focusId` in the user's row (the button was disabled meanwhile), or to the error. */
  private async patchUser(id: number, patch: { role?: Role; disabled?: boolean }, done: (u: User) => string, focusId: string) {
    this.notice = null;
    this.busyIds = new Set([...this.busyIds, id]);
    let ok = false;
    try {
      const user = await this.api.value!.adminUsers.update(id, patch);
      this.users.set(this.users.items.map((u) => (u.id === id ? user : u)));
      this.notice = { kind: 'success', text: done(user) };
      ok = true;
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
    } finally {
      this.busyIds = new Set([...this.busyIds].filter((x) => x !== id));
    }
    if (ok) void focusAfter(this, `#${focusId}`, this.notice?.text);
    else void focusErrorAlert(this);
  }

  private onRole(e: CustomEvent<{ id: number; role: Role }>) {
    const { id, role } = e.detail;
    void this.patchUser(id, { role }, (u) => `${u.displayName} a maintenant le rôle « ${ROLE_LABELS[u.role]} ».`, `admin-role-${id}`);
  }

  private async onDisable(e: CustomEvent<{ id: number; disabled: boolean }>) {
    const { id, disabled } = e.detail;
    const who = this.users.items.find((u) => u.id === id)?.displayName ?? 'cette personne';
    // Disabling signs the person out everywhere at once: asked first.
    if (
      disabled &&
      !(await askConfirmation({
        title: 'Désactiver ce compte ?',
        body: `${who} sera déconnecté(e) de toutes ses sessions et ne pourra plus se connecter tant que le compte n’est pas réactivé.`,
        confirmLabel: 'Désactiver le compte',
      }))
    )
      return;
    void this.patchUser(
      id,
      { disabled },
      (u) => (disabled ? `Le compte de ${u.displayName} est désactivé.` : `Le compte de ${u.displayName} est réactivé.`),
      `admin-status-${id}`,
    );
  }

  /** A pending account's welcome mail again: a fresh link, the previous one dies. */
  private async onWelcome(e: CustomEvent<{ id: number }>) {
    const u = this.users.items.find((x) => x.id === e.detail.id);
    this.notice = null;
    try {
      await this.api.value!.adminUsers.resendWelcome(e.detail.id);
      this.notice = {
        kind: 'success',
        text: `Un nouveau lien d’activation est envoyé à ${u?.email ?? 'la personne'} (valable 7 jours ; le précédent ne fonctionne plus).`,
      };
      void focusAfter(this, `#admin-welcome-${e.detail.id}`, this.notice.text);
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
      void focusErrorAlert(this);
    }
  }

  /** Deletion erases the person's data at once (messages stay, signed « Compte supprimé »): asked first. */
  private async onDelete(e: CustomEvent<{ id: number }>) {
    const { id } = e.detail;
    const who = this.users.items.find((u) => u.id === id)?.displayName ?? 'cette personne';
    const ok = await askConfirmation({
      title: `Supprimer le compte de ${who} ?`,
      body: 'Ses données personnelles seront effacées tout de suite ; ses messages et publications resteront, signés « Compte supprimé ». Cette action est définitive.',
      confirmLabel: 'Supprimer le compte',
    });
    if (!ok) return;
    this.notice = null;
    try {
      await this.api.value!.adminUsers.remove(id);
      this.users.set(this.users.items.filter((u) => u.id !== id));
      this.notice = { kind: 'success', text: `Le compte de ${who} est supprimé.` };
      void focusAfter(this, 'h1', this.notice.text);
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
      void focusErrorAlert(this);
    }
  }

  private async onCreate(e: CustomEvent<{ input: AdminCreateUserInput }>) {
    this.notice = null;
    this.createErrors = {};
    this.creating = true;
    try {
      const user = await this.api.value!.adminUsers.create(e.detail.input);
      this.users.set([user, ...this.users.items.filter((u) => u.id !== user.id)]);
      this.querySelector<MaiAdminUserCreate>('mai-admin-user-create')?.reset();
      this.showCreate = false;
      this.notice = {
        kind: 'success',
        text: `Le compte de ${user.displayName} a été créé : un courriel de bienvenue lui a été envoyé à ${user.email ?? 'son adresse'} avec un lien pour choisir son mot de passe (valable 7 jours).`,
      };
      void focusAfter(this, '.fr-alert', this.notice.text);
    } catch (err) {
      const fields = err instanceof ApiError ? err.fieldErrors : {};
      if (Object.keys(fields).length) this.createErrors = fields;
      else this.notice = { kind: 'error', text: errorMessage(err) };
    } finally {
      this.creating = false;
    }
  }

  private onFilter(e: Event) {
    this.filters = withField(this.filters, e);
  }

  render() {
    const deps = this.departments.value?.items ?? [];
    const f = this.filters;
    return html`<h1 tabindex="-1">Administration des utilisateurs</h1>
      ${noticeAlert(this.notice)}
      <form class="mai-admin-filters" role="search" aria-label="Rechercher des utilisateurs" novalidate
        @input=${this.onFilter} @change=${this.onFilter}
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.search();
        }}>
        <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div class="fr-col-12 fr-col-md-5">
            ${textField({ id: 'admin-q', name: 'q', label: 'Nom, adresse ou identifiant', type: 'search', value: f.q ?? '', optional: true, markOptional: false })}
          </div>
          <div class="fr-col-6 fr-col-md-2">
            ${selectField({ id: 'admin-filter-role', name: 'role', label: 'Rôle', value: f.role ?? '', optional: true, markOptional: false, placeholder: 'Tous', options: ROLE_OPTIONS })}
          </div>
          <div class="fr-col-6 fr-col-md-3">
            ${selectField({
              id: 'admin-filter-status',
              name: 'status',
              label: 'Statut',
              value: f.status ?? '',
              optional: true,
              markOptional: false,
              placeholder: 'Tous',
              options: Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })),
            })}
          </div>
          <div class="fr-col-12 fr-col-md-2 fr-mb-3w">
            <button class="fr-btn" type="submit" ?disabled=${this.users.loading}>${this.users.loading ? 'Recherche en cours…' : 'Rechercher'}</button>
          </div>
        </div>
      </form>
      <mai-admin-user-table
        .users=${this.users.items}
        .departments=${deps}
        .busyIds=${this.busyIds}
        .selfId=${this.session.value?.user?.id ?? 0}
        @mai-user-role=${this.onRole}
        @mai-user-disable=${this.onDisable}
        @mai-user-delete=${this.onDelete}
        @mai-user-welcome=${this.onWelcome}
      ></mai-admin-user-table>
      ${this.users.cursor ? moreButton('Afficher plus', () => this.search(true), { loading: this.users.loading, loadingLabel: 'Chargement en cours…' }) : nothing}
      <section class="fr-mt-6w" aria-labelledby="admin-create-title">
        <h2 id="admin-create-title">Créer un compte</h2>
        <button class="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left" type="button"
          aria-expanded=${this.showCreate ? 'true' : 'false'} aria-controls="admin-create"
          @click=${() => (this.showCreate = !this.showCreate)}>
          ${this.showCreate ? 'Masquer le formulaire' : 'Nouveau compte'}
        </button>
        <div id="admin-create" class="fr-mt-3w" ?hidden=${!this.showCreate}>
          <mai-admin-user-create
            .departments=${deps}
            .busy=${this.creating}
            .errors=${this.createErrors}
            @mai-user-create=${this.onCreate}
          ></mai-admin-user-create>
        </div>
      </section>`;
  }
}

customElements.define('mai-admin-users-page', MaiAdminUsersPage);
