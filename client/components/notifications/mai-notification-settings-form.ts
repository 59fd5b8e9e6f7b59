/** <mai-notification-settings-form>: when and what to receive by e-mail, with per-group overrides. Leaf. */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import type { BatchMinutes, MailFrequency, MyGroup, NotificationSettings, NotificationType } from '../../api/notifications.js';

const FREQUENCIES: { value: MailFrequency; label: string; hint: string }[] = [
  {
    value: 'realtime',
    label: 'Au fil de l’eau',
    hint: 'Un courriel peu après chaque notification (ou un seul pour plusieurs, selon le délai choisi).',
  },
  { value: 'daily', label: 'Un résumé par jour', hint: 'Chaque matin vers 8 h, les notifications non lues de la veille.' },
  { value: 'weekly', label: 'Un résumé par semaine', hint: 'Le lundi vers 8 h, les notifications non lues de la semaine.' },
  { value: 'never', label: 'Jamais', hint: 'Les notifications restent visibles dans Maillage uniquement.' },
];

const BATCHES: { value: BatchMinutes; label: string }[] = [
  { value: 0, label: 'Tout de suite' },
  { value: 15, label: 'Après 15 minutes' },
  { value: 120, label: 'Après 2 heures' },
  { value: 240, label: 'Après 4 heures' },
];

const TYPES: { value: NotificationType; label: string; hint: string }[] = [
  { value: 'article', label: 'Publications', hint: 'Les publications qui vous sont adressées.' },
  { value: 'comment', label: 'Commentaires', hint: 'Les commentaires sur vos publications.' },
  { value: 'member', label: 'Vie des groupes', hint: 'Demandes d’adhésion à vos groupes, invitations et réponses à vos demandes.' },
  { value: 'event', label: 'Événements', hint: 'Invitations, changements, annulations, places libérées.' },
  { value: 'mention', label: 'Mentions', hint: 'Quand quelqu’un vous cite avec @ dans une discussion.' },
];

const GROUP_CHOICES: { value: MailFrequency | ''; label: string }[] = [
  { value: '', label: 'Comme le réglage général' },
  { value: 'realtime', label: 'Au fil de l’eau' },
  { value: 'daily', label: 'Résumé quotidien' },
  { value: 'weekly', label: 'Résumé hebdomadaire' },
  { value: 'never', label: 'Jamais' },
];

const copy = (s: NotificationSettings): NotificationSettings => ({ ...s, types: { ...s.types }, groups: { ...s.groups } });

/** `settings`, `groups`, `busy` in; `mai-settings-save` (detail: the settings) and `mai-settings-edit` out. */
export class MaiNotificationSettingsForm extends LitElement {
  static properties = {
    settings: { attribute: false },
    groups: { attribute: false },
    busy: { type: Boolean },
    draft: { state: true },
  };

  settings: NotificationSettings | null = null;
  groups: MyGroup[] = [];
  busy = false;
  draft: NotificationSettings | null = null;

  createRenderRoot() {
    return this;
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('settings') && this.settings) this.draft = copy(this.settings);
  }

  private change(update: (d: NotificationSettings) => void) {
    if (!this.draft) return;
    const next = copy(this.draft);
    update(next);
    this.draft = next;
    this.dispatchEvent(new CustomEvent('mai-settings-edit', { bubbles: true }));
  }

  private setGroup(groupId: number, value: string) {
    this.change((d) => {
      if (value) d.groups[String(groupId)] = { frequency: value as MailFrequency };
      else delete d.groups[String(groupId)];
    });
  }

  private submit(e: Event) {
    e.preventDefault();
    if (this.draft) this.dispatchEvent(new CustomEvent('mai-settings-save', { detail: copy(this.draft), bubbles: true }));
  }

  private frequency(d: NotificationSettings) {
    return html`<fieldset class="fr-fieldset" aria-labelledby="ns-frequency-legend">
      <legend class="fr-fieldset__legend" id="ns-frequency-legend">Quand recevoir un courriel ?</legend>
      ${FREQUENCIES.map(
        (f) => html`<div class="fr-fieldset__element">
          <div class="fr-radio-group">
            <input type="radio" id=${`ns-frequency-${f.value}`} name="frequency" value=${f.value} .checked=${live(d.frequency === f.value)}
              @change=${() => this.change((x) => (x.frequency = f.value))} />
            <label class="fr-label" for=${`ns-frequency-${f.value}`}>${f.label}<span class="fr-hint-text">${f.hint}</span></label>
          </div>
        </div>`,
      )}
    </fieldset>`;
  }

  private batch(d: NotificationSettings) {
    // The delay serves the general frequency and any group set to « Au fil de l’eau ».
    if (d.frequency !== 'realtime' && !Object.values(d.groups).some((g) => g.frequency === 'realtime')) return nothing;
    return html`<div class="fr-select-group">
      <label class="fr-label" for="ns-batch">Délai avant l’envoi
        <span class="fr-hint-text">Un seul courriel rassemble les notifications arrivées pendant ce délai ; celles que vous avez lues entre-temps dans Maillage ne sont pas envoyées.</span>
      </label>
      <select class="fr-select" id="ns-batch" name="batchMinutes"
        @change=${(e: Event) => this.change((x) => (x.batchMinutes = Number((e.target as HTMLSelectElement).value) as BatchMinutes))}>
        ${BATCHES.map((b) => html`<option value=${b.value} ?selected=${d.batchMinutes === b.value}>${b.label}</option>`)}
      </select>
    </div>`;
  }

  private types(d: NotificationSettings) {
    return html`<fieldset class="fr-fieldset" aria-labelledby="ns-types-legend">
      <legend class="fr-fieldset__legend" id="ns-types-legend">Quelles notifications recevoir par courriel ?</legend>
      ${TYPES.map(
        (t) => html`<div class="fr-fieldset__element">
          <div class="fr-checkbox-group">
            <input type="checkbox" id=${`ns-type-${t.value}`} name=${`type-${t.value}`} .checked=${live(d.types[t.value])}
              @change=${(e: Event) => this.change((x) => (x.types[t.value] = (e.target as HTMLInputElement).checked))} />
            <label class="fr-label" for=${`ns-type-${t.value}`}>${t.label}<span class="fr-hint-text">${t.hint}</span></label>
          </div>
        </div>`,
      )}
    </fieldset>`;
  }

  private perGroup(d: NotificationSettings) {
    if (!this.groups.length) return nothing;
    return html`<h2 class="fr-h5 fr-mt-4w">Réglage par groupe</h2>
      <p class="fr-text--sm mai-muted">Pour un groupe très actif ou au contraire essentiel, choisissez un rythme différent du réglage général.</p>
      <div class="fr-table fr-table--no-caption mai-notification-groups">
        <table>
          <caption>Courriels par groupe</caption>
          <thead><tr><th scope="col">Groupe</th><th scope="col">Courriels</th></tr></thead>
          <tbody>
            ${this.groups.map(
              (g) => html`<tr>
                <th scope="row"><a href=${`/groupes/${g.id}`}>${g.name}</a></th>
                <td>
                  <label class="fr-sr-only" for=${`ns-group-${g.id}`}>Courriels pour le groupe ${g.name}</label>
                  <select class="fr-select" id=${`ns-group-${g.id}`} name=${`group-${g.id}`}
                    @change=${(e: Event) => this.setGroup(g.id, (e.target as HTMLSelectElement).value)}>
                    ${GROUP_CHOICES.map((c) => html`<option value=${c.value} ?selected=${(d.groups[String(g.id)]?.frequency ?? '') === c.value}>${c.label}</option>`)}
                  </select>
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  render() {
    const d = this.draft;
    if (!d) return nothing;
    return html`<form @submit=${this.submit} novalidate>
      ${this.frequency(d)} ${this.batch(d)} ${this.types(d)} ${this.perGroup(d)}
      <button class="fr-btn fr-mt-3w" type="submit" ?disabled=${this.busy}>${this.busy ? 'Enregistrement…' : 'Enregistrer mes préférences'}</button>
    </form>`;
  }
}

customElements.define('mai-notification-settings-form', MaiNotificationSettingsForm);
