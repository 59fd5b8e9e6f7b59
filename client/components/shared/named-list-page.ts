/**
 * The base of the admin pages that keep a short list of names others choose from (sectors, applications,
 * centres of interest): the list, « Renommer » in place, an add form, and « Supprimer » (with a
 * confirmation) where the list allows it. Subclasses give their words and their API calls.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { ApiError } from '../../api/http.js';
import { errorMessage } from '../../api/messages.js';
import type { Api } from '../../api/index.js';
import { apiContext } from '../../controllers/contexts.js';
import { askConfirmation, type ConfirmOptions } from './confirm-dialog.js';
import { noticeAlert, textField, type Notice } from './fields.js';
import { focusAfter, focusErrorAlert } from './focus.js';

export interface NamedListSetup<T extends { id: number }> {
  /** Prefix of the element ids (`sector` → #sector-name, #sector-rename-3…). */
  idPrefix: string;
  title: string;
  intro?: string;
  /** The item's name, and the field the API names in its errors (`name`, `label`). */
  nameOf: (item: T) => string;
  field: string;
  words: {
    missing: string;
    none: string;
    addLabel: string;
    addButton: string;
    added: (name: string) => string;
    renamed: (name: string) => string;
    removed?: (name: string) => string;
  };
  load: (api: Api) => Promise<T[]>;
  add: (api: Api, name: string) => Promise<T>;
  rename: (api: Api, id: number, name: string) => Promise<T>;
  /** Lists whose items may go: the question asked first, then the call. */
  remove?: { confirm: (name: string) => ConfirmOptions; run: (api: Api, id: number) => Promise<void> };
  /** Keep the list in alphabetical order after an addition. */
  sorted?: boolean;
}

export abstract class NamedListPage<T extends { id: number }> extends LitElement {
  static properties = {
    items: { state: true },
    name: { state: true },
    error: { state: true },
    notice: { state: true },
    renaming: { state: true },
  };

  items: T[] = [];
  name = '';
  error = '';
  notice: Notice | null = null;
  renaming = 0;
  private api = new ContextConsumer(this, { context: apiContext });
  protected abstract readonly setup: NamedListSetup<T>;

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    void this.setup.load(this.api.value!).then(
      (items) => (this.items = items),
      (err) => (this.notice = { kind: 'error', text: errorMessage(err) }),
    );
  }

  private elId(part: string) {
    return `${this.setup.idPrefix}-${part}`;
  }

  private failed(err: unknown) {
    this.notice = { kind: 'error', text: errorMessage(err) };
    void focusErrorAlert(this);
  }

  private async add(e: Event) {
    e.preventDefault();
    const { words, nameOf } = this.setup;
    this.error = this.name.trim().length < 2 ? words.missing : '';
    if (this.error) return void focusAfter(this, `#${this.elId('name')}`);
    try {
      const item = await this.setup.add(this.api.value!, this.name.trim());
      const items = [...this.items, item];
      this.items = this.setup.sorted ? items.sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'fr')) : items;
      this.name = '';
      this.notice = { kind: 'success', text: words.added(nameOf(item)) };
      void focusAfter(this, `#${this.elId('name')}`, this.notice.text);
    } catch (err) {
      // A refused name (taken, too long) stays in the field with its message; anything else goes over the page.
      this.error = (err instanceof ApiError && err.fieldErrors[this.setup.field]) || '';
      if (this.error) return void focusAfter(this, `#${this.elId('name')}`);
      this.failed(err);
    }
  }

  private async rename(e: Event, item: T) {
    e.preventDefault();
    const name = ((e.target as HTMLFormElement).elements.namedItem('name') as HTMLInputElement).value.trim();
    try {
      const updated = await this.setup.rename(this.api.value!, item.id, name);
      this.items = this.items.map((x) => (x.id === item.id ? updated : x));
      this.renaming = 0;
      this.notice = { kind: 'success', text: this.setup.words.renamed(this.setup.nameOf(updated)) };
      void focusAfter(this, `#${this.elId(`rename-${item.id}`)}`, this.notice.text);
    } catch (err) {
      this.failed(err);
    }
  }

  private async removeItem(item: T) {
    const { remove, nameOf, words } = this.setup;
    if (!remove || !(await askConfirmation(remove.confirm(nameOf(item))))) return;
    try {
      await remove.run(this.api.value!, item.id);
      this.items = this.items.filter((x) => x.id !== item.id);
      this.notice = { kind: 'success', text: (words.removed ?? words.renamed)(nameOf(item)) };
      void focusAfter(this, 'h1', this.notice.text);
    } catch (err) {
      this.failed(err);
    }
  }

  private row(item: T) {
    const name = this.setup.nameOf(item);
    if (this.renaming === item.id) {
      return html`<li><form novalidate aria-label=${`Renommer ${name}`} @submit=${(e: Event) => this.rename(e, item)}>
        ${textField({ id: this.elId(`new-${item.id}`), name: 'name', label: `Nouveau nom de « ${name} »`, value: name })}
        <button class="fr-btn fr-btn--sm" type="submit">Enregistrer</button>
        <button class="fr-btn fr-btn--sm fr-btn--tertiary" type="button"
          @click=${() => ((this.renaming = 0), void focusAfter(this, `#${this.elId(`rename-${item.id}`)}`))}>Annuler</button>
      </form></li>`;
    }
    return html`<li>${name}
      <button class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" id=${this.elId(`rename-${item.id}`)} type="button"
        @click=${() => ((this.renaming = item.id), void focusAfter(this, `#${this.elId(`new-${item.id}`)}`))}>Renommer<span class="fr-sr-only"> ${name}</span></button>
      ${
        this.setup.remove
          ? html`<button class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" type="button" @click=${() => this.removeItem(item)}>Supprimer<span class="fr-sr-only"> ${name}</span></button>`
          : nothing
      }</li>`;
  }

  render() {
    const { title, intro, words } = this.setup;
    return html`<h1 tabindex="-1">${title}</h1>
      ${intro ? html`<p>${intro}</p>` : nothing}
      ${noticeAlert(this.notice)}
      <ul>${this.items.map((item) => this.row(item))}</ul>
      ${this.items.length ? nothing : html`<p>${words.none}</p>`}
      <form novalidate aria-label=${words.addButton} @submit=${this.add} @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)}>
        ${textField({ id: this.elId('name'), name: 'name', label: words.addLabel, value: this.name, error: this.error })}
        <button class="fr-btn" type="submit">${words.addButton}</button>
      </form>`;
  }
}
