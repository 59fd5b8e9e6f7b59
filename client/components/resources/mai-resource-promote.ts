/**
 * <mai-resource-promote>: a group's moderator copies a document of the bank
 * into the library (type and access to choose; the title, description and
 * file come from the document, which stays linked as its source).
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { ContentAccess, PromoteBody, ResourceDraft } from '../../../server/protocol/index.js';
import { apiContext } from '../../controllers/contexts.js';
import { alertBox, fieldRow, radioGroup, selectField, withField } from '../shared/fields.js';
import { focusAfter } from '../shared/focus.js';
import { TYPE_OPTIONS } from './resource-view.js';

export class MaiResourcePromote extends LitElement {
  static properties = {
    documentId: { type: Number },
    values: { state: true },
    error: { state: true },
    done: { state: true },
    busy: { state: true },
  };

  documentId = 0;
  values = { type: '', access: 'pro' };
  error = '';
  done: ResourceDraft | null = null;
  busy = false;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  private async promote(e: Event) {
    e.preventDefault();
    if (!this.values.type) {
      this.error = 'Choisissez un type de ressource.';
      return void focusAfter(this, '#promote-type');
    }
    this.busy = true;
    this.error = '';
    try {
      const body: PromoteBody = { type: this.values.type as PromoteBody['type'], access: this.values.access as ContentAccess };
      this.done = await this.api.value!.resources.promote(this.documentId, body);
      void focusAfter(this, '#promote-done', 'Le document est versé à la ressourcerie.');
    } catch (err) {
      this.error = errorMessage(err);
      void focusAfter(this, '#promote-error');
    } finally {
      this.busy = false;
    }
  }

  render() {
    if (this.done) {
      return html`<div id="promote-done" tabindex="-1">${alertBox('success', 'Le document est versé à la ressourcerie.')}
        <p><a class="fr-link" href=${`/ressources/${this.done.id}`}>Voir la ressource « ${this.done.title} »</a></p></div>`;
    }
    return html`<details class="fr-mt-2w">
      <summary>Verser à la ressourcerie</summary>
      <form novalidate aria-label="Verser le document à la ressourcerie" @submit=${this.promote}
        @change=${(e: Event) => (this.values = withField(this.values, e))}>
        ${this.error ? html`<div id="promote-error" tabindex="-1">${alertBox('error', this.error)}</div>` : nothing}
        ${fieldRow(selectField({ id: 'promote-type', name: 'type', label: 'Type de ressource', value: this.values.type, placeholder: 'Choisir un type', options: TYPE_OPTIONS }))}
        ${fieldRow(
          radioGroup({
            id: 'promote-access',
            name: 'access',
            label: 'Qui peut la consulter ?',
            value: this.values.access,
            options: [
              { value: 'public', label: 'Tout le monde (page publique)' },
              { value: 'pro', label: 'Les membres du réseau' },
            ],
          }),
        )}
        <button class="fr-btn fr-btn--secondary" type="submit" ?disabled=${this.busy}>Verser à la ressourcerie</button>
      </form>
    </details>`;
  }
}

customElements.define('mai-resource-promote', MaiResourcePromote);
