/** <mai-channel-browser>: the thematic channels, to join or leave; animators and admins also create, edit, archive, restore. */
import { LitElement, html, nothing } from 'lit';
import type { Channel } from '../../api/chat.js';
import { fold } from '../../state/channels-store.js';
import { hubErrorText } from './format.js';
import type { ThematicInput } from './mai-thematic-form.js';
import './mai-thematic-form.js';

/** What an animator or admin asks the page to do. */
export type ManageAction =
  | { kind: 'create'; input: ThematicInput }
  | { kind: 'update'; channelId: number; changes: Partial<ThematicInput> & { archived?: boolean } };

/** A row: a channel, with its member count when the viewer manages them. */
type Row = Channel & { memberCount?: number };

/**
 * Leaf: `channels`, `busyId`, `error`, `manage` (null for members) in;
 * `mai-join` / `mai-leave` `{ channelId }` out. `manage` runs an action and rejects with the error to show.
 */
export class MaiChannelBrowser extends LitElement {
  static properties = {
    channels: { attribute: false },
    busyId: { type: Number },
    error: {},
    manage: { attribute: false },
    filter: { state: true },
    creating: { state: true },
    editingId: { state: true },
    confirmingId: { state: true },
    busyKey: { state: true },
    failure: { state: true },
  };

  channels: Row[] = [];
  busyId: number | null = null;
  error = '';
  manage: ((a: ManageAction) => Promise<void>) | null = null;
  filter = '';
  creating = false;
  editingId: number | null = null;
  confirmingId: number | null = null;
  /** 'create', `edit-<id>` or `archive-<id>` while the server works. */
  busyKey: string | null = null;
  failure: { key: string; text: string } | null = null;

  createRenderRoot() {
    return this;
  }

  private fire(name: 'mai-join' | 'mai-leave', channelId: number) {
    this.dispatchEvent(new CustomEvent(name, { detail: { channelId }, bubbles: true }));
  }

  private errorFor(key: string): string {
    return this.failure?.key === key ? this.failure.text : '';
  }

  /** Runs an action; on success closes what was open and gives focus back somewhere sensible. */
  private async run(key: string, action: ManageAction, done: () => void, focus: string) {
    if (!this.manage) return;
    this.busyKey = key;
    this.failure = null;
    try {
      await this.manage(action);
      done();
      await this.updateComplete;
      this.querySelector<HTMLElement>(focus)?.focus();
    } catch (e) {
      this.failure = { key, text: hubErrorText(e) };
    } finally {
      this.busyKey = null;
    }
  }

  private create(input: ThematicInput) {
    void this.run('create', { kind: 'create', input }, () => (this.creating = false), '#mai-browser-new');
  }

  private edit(c: Row, input: ThematicInput) {
    void this.run(`edit-${c.id}`, { kind: 'update', channelId: c.id, changes: input }, () => (this.editingId = null), `#mai-edit-${c.id}`);
  }

  private archive(c: Row) {
    const changes = { archived: !c.archived };
    void this.run(
      `archive-${c.id}`,
      { kind: 'update', channelId: c.id, changes },
      () => (this.confirmingId = null),
      `#mai-archive-${c.id}`,
    );
  }

  private joinButton(c: Row) {
    const busy = this.busyId === c.id;
    if (c.joined) {
      return html`<button class="fr-btn fr-btn--sm fr-btn--secondary" type="button" ?disabled=${busy}
        @click=${() => this.fire('mai-leave', c.id)}>${busy ? 'Un instant…' : 'Quitter'}<span class="fr-sr-only"> ${c.name}</span></button>`;
    }
    if (c.archived) return nothing;
    return html`<button class="fr-btn fr-btn--sm" type="button" ?disabled=${busy}
      @click=${() => this.fire('mai-join', c.id)}>${busy ? 'Un instant…' : 'Rejoindre'}<span class="fr-sr-only"> ${c.name}</span></button>`;
  }

  private staffTools(c: Row) {
    const key = `archive-${c.id}`;
    const busy = this.busyKey === key;
    const verb = c.archived ? 'Restaurer' : 'Archiver';
    if (this.confirmingId === c.id) {
      return html`<div class="mai-browser__confirm fr-mt-1w" role="group" aria-label="${verb} ${c.name}">
        <p class="fr-text--sm fr-mb-1w">${
          c.archived
            ? 'Restaurer ce salon ? On pourra de nouveau le rejoindre et y écrire.'
            : 'Archiver ce salon ? Ses membres pourront le lire mais plus y écrire, et personne ne pourra le rejoindre.'
        }</p>
        <div role="alert">${this.errorFor(key) ? html`<p class="fr-error-text fr-mt-0">${this.errorFor(key)}</p>` : nothing}</div>
        <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
          <li><button class="fr-btn ${c.archived ? '' : 'fr-btn--tertiary'}" type="button" id="mai-confirm-${c.id}" ?disabled=${busy}
            @click=${() => this.archive(c)}>${busy ? 'Un instant…' : `Oui, ${verb.toLowerCase()}`}</button></li>
          <li><button class="fr-btn fr-btn--secondary" type="button" ?disabled=${busy} @click=${() => (this.confirmingId = null)}>Annuler</button></li>
        </ul>
      </div>`;
    }
    return html`<ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-mt-1w">
      <li><button class="fr-btn fr-btn--tertiary" type="button" id="mai-edit-${c.id}"
        @click=${() => {
          this.editingId = c.id;
          this.failure = null;
        }}>Modifier<span class="fr-sr-only"> ${c.name}</span></button></li>
      <li><button class="fr-btn fr-btn--tertiary" type="button" id="mai-archive-${c.id}"
        @click=${async () => {
          this.confirmingId = c.id;
          this.failure = null;
          await this.updateComplete;
          this.querySelector<HTMLElement>(`#mai-confirm-${c.id}`)?.focus();
        }}
        >${verb}<span class="fr-sr-only"> ${c.name}</span></button></li>
    </ul>`;
  }

  private row(c: Row) {
    if (this.editingId === c.id) {
      const key = `edit-${c.id}`;
      return html`<li class="mai-browser__item"><div style="flex:1">
        <h2 class="fr-h6 fr-mb-1w">Modifier « ${c.name} »</h2>
        <mai-thematic-form .formId=${`mai-edit-form-${c.id}`} .name=${c.name} .description=${c.description} submitLabel="Enregistrer"
          .busy=${this.busyKey === key} .error=${this.errorFor(key)}
          @mai-submit=${(e: CustomEvent<ThematicInput>) => this.edit(c, e.detail)}
          @mai-cancel=${() => {
            this.editingId = null;
            this.failure = null;
          }}></mai-thematic-form>
      </div></li>`;
    }
    return html`<li class="mai-browser__item">
      <div>
        <h2 class="fr-h6 fr-mb-1v">
          ${c.joined ? html`<a href="/discussions/${c.id}">${c.name}</a>` : c.name}
          ${c.joined ? html`<span class="fr-badge fr-badge--sm fr-badge--success fr-ml-1w">Rejoint</span>` : nothing}
          ${c.archived ? html`<span class="fr-badge fr-badge--sm fr-badge--warning fr-ml-1w">Archivé</span>` : nothing}
        </h2>
        ${c.description ? html`<p class="fr-text--sm fr-mb-0">${c.description}</p>` : nothing}
        ${c.memberCount !== undefined ? html`<p class="fr-text--xs fr-mb-0 mai-muted">${c.memberCount} membre${c.memberCount > 1 ? 's' : ''}</p>` : nothing}
        ${this.manage ? this.staffTools(c) : nothing}
      </div>
      ${this.joinButton(c)}
    </li>`;
  }

  private createZone() {
    if (!this.manage) return nothing;
    if (!this.creating) {
      return html`<button class="fr-btn fr-btn--icon-left fr-icon-add-line fr-mb-2w" type="button" id="mai-browser-new"
        @click=${() => {
          this.creating = true;
          this.failure = null;
        }}>Nouveau salon thématique</button>`;
    }
    return html`<section class="fr-p-2w fr-mb-2w mai-browser__create" aria-labelledby="mai-browser-new-title">
      <h2 class="fr-h5" id="mai-browser-new-title">Nouveau salon thématique</h2>
      <mai-thematic-form formId="mai-new-thematic" submitLabel="Créer le salon" .busy=${this.busyKey === 'create'} .error=${this.errorFor('create')}
        @mai-submit=${(e: CustomEvent<ThematicInput>) => this.create(e.detail)}
        @mai-cancel=${() => {
          this.creating = false;
          this.failure = null;
        }}></mai-thematic-form>
    </section>`;
  }

  render() {
    const needle = fold(this.filter.trim());
    const shown = this.channels.filter((c) => !needle || fold(`${c.name} ${c.description ?? ''}`).includes(needle));
    return html`<div class="mai-browser">
      <h1 tabindex="-1" class="fr-h3">Salons thématiques</h1>
      <p>Rejoignez les salons qui vous intéressent ; vous pouvez les quitter à tout moment.</p>
      ${this.createZone()}
      <div class="fr-input-group">
        <label class="fr-label" for="mai-browser-filter">Filtrer les salons</label>
        <input class="fr-input" id="mai-browser-filter" type="search" .value=${this.filter}
          @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} />
      </div>
      <div role="alert">${this.error ? html`<div class="fr-alert fr-alert--error fr-alert--sm fr-mb-2w"><p>${this.error}</p></div>` : nothing}</div>
      ${
        shown.length
          ? html`<ul class="mai-browser__list">${shown.map((c) => this.row(c))}</ul>`
          : html`<p>Aucun salon thématique ne correspond.</p>`
      }
    </div>`;
  }
}

customElements.define('mai-channel-browser', MaiChannelBrowser);
