/**
 * <mai-group-gear>: the gear of a group: my notification rhythm for it (the
 * values of the notification settings page, saved in the same settings), mute
 * (the rhythm « Jamais »: no notification from this group at all) and leave.
 * Container (API context); `mai-leave` out for the page to confirm.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { errorMessage } from '../../api/messages.js';
import type { Group } from '../../api/groups.js';
import type { Rhythm } from '../../api/communities.js';
import { apiContext } from '../../controllers/contexts.js';
import { noticeAlert, type Notice } from '../shared/fields.js';
import { focusAfter } from '../shared/focus.js';
import { RHYTHMS } from './labels.js';

export class MaiGroupGear extends LitElement {
  static properties = {
    group: { attribute: false },
    expanded: { state: true },
    rhythm: { state: true },
    busy: { state: true },
    notice: { state: true },
  };

  group!: Group;
  expanded = false;
  /** My rhythm for the group; '' follows my general setting. */
  rhythm: Rhythm | '' | null = null;
  busy = false;
  notice: Notice | null = null;
  private api = new ContextConsumer(this, { context: apiContext });

  createRenderRoot() {
    return this;
  }

  private async toggle() {
    this.expanded = !this.expanded;
    if (!this.expanded) return;
    this.notice = null;
    try {
      const s = await this.api.value!.communities.settings();
      this.rhythm = s.groups[String(this.group.id)]?.frequency ?? '';
      void focusAfter(this, '#gear-rhythm');
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
    }
  }

  private async save(next: Rhythm | '') {
    this.busy = true;
    this.notice = null;
    try {
      const s = await this.api.value!.communities.setRhythm(this.group.id, next || null);
      this.rhythm = s.groups[String(this.group.id)]?.frequency ?? '';
      const label =
        this.rhythm === 'never'
          ? 'Groupe en sourdine : plus aucune notification de ce groupe.'
          : `Rythme enregistré : ${RHYTHMS.find((r) => r.value === this.rhythm)?.label}.`;
      this.notice = { kind: 'success', text: label };
    } catch (err) {
      this.notice = { kind: 'error', text: errorMessage(err) };
    } finally {
      this.busy = false;
    }
  }

  private panel() {
    const muted = this.rhythm === 'never';
    return html`<div class="mai-gear-panel fr-p-2w fr-mb-2w" id="group-gear-panel">
      <div aria-live="polite">${noticeAlert(this.notice)}</div>
      ${
        this.rhythm === null
          ? nothing
          : html`<div class="fr-select-group">
                <label class="fr-label" for="gear-rhythm">Mes notifications pour ce groupe
                  <span class="fr-hint-text">Le même réglage que dans <a href="/profil/notifications">vos réglages de notification</a>.</span></label>
                <select class="fr-select" id="gear-rhythm" ?disabled=${this.busy || muted}
                  @change=${(e: Event) => this.save((e.target as HTMLSelectElement).value as Rhythm | '')}>
                  ${RHYTHMS.map((r) => html`<option value=${r.value} ?selected=${(muted ? '' : this.rhythm) === r.value}>${r.label}</option>`)}
                </select>
              </div>
              <div class="fr-checkbox-group fr-mb-2w">
                <input type="checkbox" id="gear-mute" .checked=${muted} ?disabled=${this.busy}
                  @change=${(e: Event) => this.save((e.target as HTMLInputElement).checked ? 'never' : '')} />
                <label class="fr-label" for="gear-mute">Mettre le groupe en sourdine
                  <span class="fr-hint-text">Plus aucune notification ni courriel de ce groupe ; vous en restez membre.</span></label>
              </div>`
      }
      <button class="fr-btn fr-btn--sm fr-btn--tertiary fr-icon-logout-box-r-line fr-btn--icon-left" type="button"
        @click=${() => this.dispatchEvent(new CustomEvent('mai-leave', { bubbles: true, composed: true }))}>Quitter le groupe</button>
    </div>`;
  }

  render() {
    return html`<button class="fr-btn fr-btn--sm fr-btn--tertiary fr-icon-settings-5-line fr-btn--icon-left" type="button"
        aria-expanded=${this.expanded ? 'true' : 'false'} aria-controls="group-gear-panel" @click=${() => this.toggle()}>Mes réglages pour ce groupe</button>
      ${this.expanded ? this.panel() : nothing}`;
  }
}

customElements.define('mai-group-gear', MaiGroupGear);
