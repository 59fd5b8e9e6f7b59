/** The route table: path → page element, title and who may see it. */
import { html, type TemplateResult } from 'lit';
import type { Access } from '../../state/guards.js';
import '../admin/mai-admin-users-page.js';
import '../agenda/mai-agenda-page.js';
import '../agenda/mai-event-page.js';
import '../accounts/mai-confirm-page.js';
import '../directory/mai-contacts-page.js';
import '../chat/mai-chat-page.js';
import '../documents/mai-documents-page.js';
import '../accounts/mai-forgot-page.js';
import { groupsRoute } from '../groups/mai-groups-page.js';
import '../directory/mai-directory-page.js';
import '../directory/mai-member-page.js';
import '../hotline/mai-hotline-page.js';
import '../accounts/mai-login-page.js';
import '../accounts/mai-oidc-signup-page.js';
import './mai-not-found-page.js';
import '../legal/mai-privacy-page.js';
import '../legal/mai-legal-notice-page.js';
import '../legal/mai-accessibility-page.js';
import '../accounts/mai-profile-page.js';
import '../accounts/mai-register-page.js';
import '../accounts/mai-reset-page.js';
import '../accounts/mai-terms-page.js';
import '../notifications/mai-notifications-page.js';
import '../notifications/mai-notification-settings-page.js';
import '../home/mai-home-page.js';
import '../reports/mai-report-form-page.js';
import '../reports/mai-reports-page.js';
import '../reports/mai-stats-page.js';

/** One page of the app. */
export interface Route {
  title: string;
  access: Access;
  /** `params` are the path segments after the route's own path (e.g. `/groupes/12` → `['12']`). */
  render: (params: string[]) => TemplateResult;
}

export const ROUTES: Record<string, Route> = {
  '/connexion': { title: 'Connexion', access: 'guest', render: () => html`<mai-login-page></mai-login-page>` },
  '/connexion/proconnect': {
    title: 'Première connexion avec ProConnect',
    access: 'guest',
    render: () => html`<mai-oidc-signup-page></mai-oidc-signup-page>`,
  },
  '/inscription': { title: 'Créer un compte', access: 'guest', render: () => html`<mai-register-page></mai-register-page>` },
  '/mot-de-passe-oublie': { title: 'Mot de passe oublié', access: 'guest', render: () => html`<mai-forgot-page></mai-forgot-page>` },
  '/confirmer': { title: 'Confirmation de votre adresse', access: 'public', render: () => html`<mai-confirm-page></mai-confirm-page>` },
  '/reinitialiser': { title: 'Nouveau mot de passe', access: 'public', render: () => html`<mai-reset-page></mai-reset-page>` },
  '/conditions': { title: "Conditions générales d'utilisation", access: 'public', render: () => html`<mai-terms-page></mai-terms-page>` },
  '/confidentialite': {
    title: 'Politique de confidentialité',
    access: 'public',
    render: () => html`<mai-privacy-page></mai-privacy-page>`,
  },
  '/accessibilite': {
    title: 'Déclaration d’accessibilité',
    access: 'public',
    render: () => html`<mai-accessibility-page></mai-accessibility-page>`,
  },
  '/mentions-legales': { title: 'Mentions légales', access: 'public', render: () => html`<mai-legal-notice-page></mai-legal-notice-page>` },
  '/': { title: 'Accueil', access: 'user', render: () => html`<mai-home-page></mai-home-page>` },
  '/discussions': { title: 'Discussions', access: 'user', render: (params) => html`<mai-chat-page .params=${params}></mai-chat-page>` },
  '/groupes': { title: 'Groupes', access: 'user', render: (params) => groupsRoute(params) },
  '/documents': {
    title: 'Documents',
    access: 'user',
    render: ([id]) => html`<mai-documents-page .documentId=${Number(id) || 0}></mai-documents-page>`,
  },
  '/agenda': { title: 'Agenda', access: 'user', render: () => html`<mai-agenda-page></mai-agenda-page>` },
  '/evenements': {
    title: 'Événement',
    access: 'user',
    render: ([id]) => html`<mai-event-page .eventId=${Number(id) || 0}></mai-event-page>`,
  },
  '/contacts': { title: 'Contacts', access: 'user', render: () => html`<mai-contacts-page></mai-contacts-page>` },
  '/annuaire': { title: 'Annuaire des membres', access: 'user', render: () => html`<mai-directory-page></mai-directory-page>` },
  '/membres': {
    title: 'Profil d’un membre',
    access: 'user',
    render: ([id]) => html`<mai-member-page .userId=${Number(id) || 0}></mai-member-page>`,
  },
  '/hotline': { title: 'Hotline', access: 'user', render: (params) => html`<mai-hotline-page .params=${params}></mai-hotline-page>` },
  '/profil': { title: 'Mon profil', access: 'user', render: () => html`<mai-profile-page></mai-profile-page>` },
  '/profil/notifications': {
    title: 'Notifications par courriel',
    access: 'user',
    render: () => html`<mai-notification-settings-page></mai-notification-settings-page>`,
  },
  '/comptes-rendus/nouveau': {
    title: 'Enregistrer un accompagnement',
    access: 'user',
    render: () => html`<mai-report-form-page .reportId=${0}></mai-report-form-page>`,
  },
  '/comptes-rendus': {
    title: 'Mes comptes rendus',
    access: 'user',
    render: ([id]) =>
      id === 'nouveau' || /^\d+$/.test(id ?? '')
        ? html`<mai-report-form-page .reportId=${Number(id) || 0}></mai-report-form-page>`
        : html`<mai-reports-page></mai-reports-page>`,
  },
  '/statistiques': { title: 'Mes statistiques', access: 'user', render: () => html`<mai-stats-page></mai-stats-page>` },
  '/notifications': { title: 'Notifications', access: 'user', render: () => html`<mai-notifications-page></mai-notifications-page>` },
  '/admin': { title: 'Administration', access: 'admin', render: () => html`<mai-admin-users-page></mai-admin-users-page>` },
};

export const NOT_FOUND: Route = {
  title: 'Page non trouvée',
  access: 'public',
  render: () => html`<mai-not-found-page></mai-not-found-page>`,
};

/**
 * The route for a path: an exact match, or the longest route path that is a
 * prefix of it, the rest being passed to `render` as parameters.
 */
export function findRoute(path: string): { route: Route; params: string[] } | null {
  if (ROUTES[path]) return { route: ROUTES[path]!, params: [] };
  const parts = path.split('/').filter(Boolean);
  for (let n = parts.length - 1; n >= 1; n--) {
    const base = `/${parts.slice(0, n).join('/')}`;
    const route = ROUTES[base];
    if (!route) continue;
    try {
      return { route, params: parts.slice(n).map(decodeURIComponent) };
    } catch {
      return null; // a malformed escape (`%E0`): treated as an unknown page
    }
  }
  return null;
}
