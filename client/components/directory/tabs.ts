/** The tabs shared by "Mes contacts" and the member directory. */
import { html, nothing } from 'lit';

/** Two links styled as tabs; `current` is the page shown. */
export function directoryTabs(current: 'contacts' | 'directory') {
  return html`<nav class="mai-tabs" aria-label="Contacts et annuaire">
    <ul>
      <li><a href="/contacts" aria-current=${current === 'contacts' ? 'page' : nothing}>Mes contacts</a></li>
      <li><a href="/annuaire" aria-current=${current === 'directory' ? 'page' : nothing}>Annuaire des membres</a></li>
    </ul>
  </nav>`;
}
