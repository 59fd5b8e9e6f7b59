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
import '../help/mai-help-page.js';
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
import '../booking/mai-booking-page.js';
import '../booking/mai-my-appointment-page.js';
import '../booking/mai-booking-settings-page.js';
import '../organisations/mai-organisations-page.js';
import '../organisations/mai-organisation-request-page.js';
import '../organisations/mai-organisation-requests-page.js';
import '../organisations/mai-invitation-page.js';
import '../publishing/mai-news-page.js';
import '../resources/mai-resources-page.js';
import '../resources/mai-resource-page.js';
import '../resources/mai-resource-editor.js';
import '../resources/mai-resource-applications-page.js';
import '../publishing/mai-my-contents-page.js';
import '../publishing/mai-moderation-page.js';
import '../publishing/mai-sectors-page.js';
import '../admin/mai-account-types-page.js';
import '../accounts/mai-email-confirm-page.js';
import '../search/mai-search-page.js';
import '../admin/mai-signup-rules-page.js';
import '../favorites/mai-favorites-page.js';
import '../projects/mai-projects-page.js';
import '../projects/mai-orientation-page.js';
import '../workshops/mai-workshop-form-page.js';
import '../workshops/mai-event-edit-page.js';
import '../workshops/mai-organised-events-page.js';
import '../workshops/mai-public-event-page.js';
import '../workshops/mai-public-events-page.js';
import '../workshops/mai-my-registration-page.js';
import '../suggestions/mai-suggestions-page.js';
import '../interests/mai-welcome-page.js';
import '../interests/mai-my-interests-page.js';
import '../interests/mai-interest-themes-page.js';
import '../newsletters/mai-newsletters-page.js';
import '../newsletters/mai-newsletter-page.js';
import '../newsletters/mai-unsubscribe-page.js';

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
  '/confirmer-adresse': {
    title: 'Confirmation de votre nouvelle adresse',
    access: 'public',
    render: () => html`<mai-email-confirm-page></mai-email-confirm-page>`,
  },
  '/activer': { title: 'Activer votre compte', access: 'public', render: () => html`<mai-invitation-page></mai-invitation-page>` },
  '/demande-organisation': {
    title: 'Demander l’accès pour votre organisation',
    access: 'public',
    render: () => html`<mai-organisation-request-page></mai-organisation-request-page>`,
  },
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
  '/aide': { title: 'Centre d’aide', access: 'public', render: () => html`<mai-help-page></mai-help-page>` },
  '/mentions-legales': { title: 'Mentions légales', access: 'public', render: () => html`<mai-legal-notice-page></mai-legal-notice-page>` },
  '/actualites': {
    title: 'Actualités',
    access: 'public',
    render: ([id]) =>
      id ? html`<mai-article-page .articleId=${Number(id) || 0}></mai-article-page>` : html`<mai-news-page></mai-news-page>`,
  },
  '/ressources': {
    title: 'Ressources',
    access: 'public',
    render: ([id, sub]) =>
      // One template for both editor paths: saving a new one moves to its own address without losing the page.
      id === 'nouvelle' || (id && sub === 'modifier')
        ? html`<mai-resource-editor .resourceId=${Number(id) || 0}></mai-resource-editor>`
        : id
          ? html`<mai-resource-page .resourceId=${Number(id) || 0}></mai-resource-page>`
          : html`<mai-resources-page></mai-resources-page>`,
  },
  '/admin/applications': {
    title: 'Applications des ressources',
    access: 'admin',
    render: () => html`<mai-resource-applications-page></mai-resource-applications-page>`,
  },
  '/': { title: 'Accueil', access: 'user', render: () => html`<mai-home-page></mai-home-page>` },
  '/discussions': { title: 'Discussions', access: 'user', render: (params) => html`<mai-chat-page .params=${params}></mai-chat-page>` },
  '/groupes': { title: 'Groupes', access: 'user', render: (params) => groupsRoute(params) },
  '/documents': {
    title: 'Documents',
    access: 'user',
    render: ([id]) => html`<mai-documents-page .documentId=${Number(id) || 0}></mai-documents-page>`,
  },
  '/agenda': { title: 'Agenda', access: 'user', render: () => html`<mai-agenda-page></mai-agenda-page>` },
  '/agenda/disponibilites': {
    title: 'Mes disponibilités',
    access: 'user',
    render: () => html`<mai-booking-settings-page></mai-booking-settings-page>`,
  },
  '/rendez-vous': {
    title: 'Prendre rendez-vous',
    access: 'public',
    render: ([slug]) => html`<mai-booking-page .slug=${slug ?? ''}></mai-booking-page>`,
  },
  '/evenements-publics': {
    title: 'Événements',
    access: 'public',
    render: ([id]) =>
      id
        ? html`<mai-public-event-page .eventId=${Number(id) || 0}></mai-public-event-page>`
        : html`<mai-public-events-page></mai-public-events-page>`,
  },
  '/mon-inscription': {
    title: 'Mon inscription',
    access: 'public',
    render: () => html`<mai-my-registration-page></mai-my-registration-page>`,
  },
  '/mes-evenements': {
    title: 'Mes événements — inscriptions',
    access: 'user',
    render: () => html`<mai-organised-events-page></mai-organised-events-page>`,
  },
  '/mon-rendez-vous': {
    title: 'Mon rendez-vous',
    access: 'public',
    render: () => html`<mai-my-appointment-page></mai-my-appointment-page>`,
  },
  '/evenements': {
    title: 'Événement',
    access: 'user',
    render: ([id, sub]) =>
      id === 'nouveau'
        ? html`<mai-workshop-form-page></mai-workshop-form-page>`
        : sub === 'modifier'
          ? html`<mai-event-edit-page .eventId=${Number(id) || 0}></mai-event-edit-page>`
          : html`<mai-event-page .eventId=${Number(id) || 0}></mai-event-page>`,
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
  '/favoris': { title: 'Mes favoris', access: 'user', render: () => html`<mai-favorites-page></mai-favorites-page>` },
  '/recherche': { title: 'Recherche', access: 'user', render: () => html`<mai-search-page></mai-search-page>` },
  '/notifications': { title: 'Notifications', access: 'user', render: () => html`<mai-notifications-page></mai-notifications-page>` },
  '/organisations': {
    title: 'Organisations',
    access: 'user',
    render: ([id, sub]) =>
      !id
        ? html`<mai-organisations-page></mai-organisations-page>`
        : sub === 'membres'
          ? html`<mai-organisation-members-page .organisationId=${Number(id) || 0}></mai-organisation-members-page>`
          : html`<mai-organisation-page .organisationId=${Number(id) || 0}></mai-organisation-page>`,
  },
  '/mes-contenus': {
    title: 'Mes contenus',
    access: 'user',
    render: ([id]) =>
      id === 'nouveau' || /^\d+$/.test(id ?? '')
        ? html`<mai-article-editor .articleId=${Number(id) || 0}></mai-article-editor>`
        : html`<mai-my-contents-page></mai-my-contents-page>`,
  },
  '/moderation': { title: 'Modération', access: 'user', render: () => html`<mai-moderation-page></mai-moderation-page>` },
  '/admin/types-de-compte': {
    title: 'Types de compte',
    access: 'admin',
    render: () => html`<mai-account-types-page></mai-account-types-page>`,
  },
  '/admin/secteurs': { title: 'Secteurs des contenus', access: 'admin', render: () => html`<mai-sectors-page></mai-sectors-page>` },
  '/admin/organisations': {
    title: 'Demandes d’accès des organisations',
    access: 'admin',
    render: () => html`<mai-organisation-requests-page></mai-organisation-requests-page>`,
  },
  '/admin/inscriptions': {
    title: 'Règles d’inscription',
    access: 'admin',
    render: () => html`<mai-signup-rules-page></mai-signup-rules-page>`,
  },
  '/admin': { title: 'Administration', access: 'admin', render: () => html`<mai-admin-users-page></mai-admin-users-page>` },
  '/projets': { title: 'Projets', access: 'user', render: (params) => html`<mai-projects-page .params=${params}></mai-projects-page>` },
  '/accompagnements': {
    title: 'Mes accompagnements',
    access: 'user',
    render: () => html`<mai-projects-page .params=${[]}></mai-projects-page>`,
  },
  '/orientation': {
    title: 'Orientation des créateurs',
    access: 'public',
    render: () => html`<mai-orientation-page></mai-orientation-page>`,
  },
  '/suggestions': { title: 'Suggestions', access: 'user', render: () => html`<mai-suggestions-page></mai-suggestions-page>` },
  '/bienvenue': { title: 'Bienvenue : vos centres d’intérêt', access: 'user', render: () => html`<mai-welcome-page></mai-welcome-page>` },
  '/profil/centres-d-interet': {
    title: 'Centres d’intérêt et lettres d’information',
    access: 'user',
    render: () => html`<mai-my-interests-page></mai-my-interests-page>`,
  },
  '/admin/centres-d-interet': {
    title: 'Centres d’intérêt',
    access: 'admin',
    render: () => html`<mai-interest-themes-page></mai-interest-themes-page>`,
  },
  '/lettres': {
    title: 'Lettres d’information',
    access: 'user',
    render: ([id]) =>
      id === 'nouvelle' || /^\d+$/.test(id ?? '')
        ? html`<mai-newsletter-page .issueId=${Number(id) || 0}></mai-newsletter-page>`
        : html`<mai-newsletters-page></mai-newsletters-page>`,
  },
  '/lettres/desabonnement': {
    title: 'Se désabonner des lettres d’information',
    access: 'public',
    render: ([token]) => html`<mai-unsubscribe-page .token=${token ?? ''}></mai-unsubscribe-page>`,
  },
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
