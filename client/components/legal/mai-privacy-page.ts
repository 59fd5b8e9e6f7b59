/** <mai-privacy-page> (/confidentialite): what Maillage keeps about people, why, how long, and their rights (RGPD). */
import { LitElement, html } from 'lit';

const KEPT: [string, string, string][] = [
  [
    'Compte : nom, prénom, adresse électronique, département, fonction, employeur, photo',
    'Vous identifier auprès des autres membres et vous rattacher au salon de votre territoire',
    'Tant que le compte existe ; effacés 14 jours après une demande de suppression',
  ],
  [
    'Sessions : date, adresse IP, navigateur, niveau d’authentification ProConnect',
    'Sécurité des connexions, déconnexion à distance',
    'Durée de la session (30 jours par défaut), puis effacées avec le compte',
  ],
  [
    'Messages, publications, commentaires, documents déposés',
    'Le service lui-même : échanger au sein du réseau',
    'Tant que le salon ou le groupe existe ; après suppression du compte, ils restent signés « Compte supprimé »',
  ],
  ['Notifications et réglages de notification', 'Vous prévenir de ce qui vous concerne', 'Effacés avec le compte'],
  [
    'Demandes à la hotline',
    'Vous répondre et suivre la qualité du service',
    'Conservées, rattachées à « Compte supprimé » après suppression',
  ],
  ['Courriels envoyés (copie locale sans serveur SMTP)', 'Diagnostic de l’envoi', 'Selon la durée de conservation réglée par l’exploitant'],
];

/** Static page. */
export class MaiPrivacyPage extends LitElement {
  createRenderRoot() {
    return this;
  }

  render() {
    return html`<div class="fr-grid-row fr-grid-row--center"><div class="fr-col-12 fr-col-lg-10">
      <h1 tabindex="-1">Politique de confidentialité</h1>
      <p>
        Maillage traite les données personnelles de ses membres pour leur permettre de travailler en réseau. Le responsable
        de traitement est l’organisme qui exploite cette instance de Maillage (voir les <a href="/mentions-legales">mentions légales</a>).
        Aucune donnée n’est transmise à des tiers ni utilisée à des fins publicitaires ; aucun service tiers n’est appelé par
        votre navigateur.
      </p>
      <h2>Ce que nous conservons, pourquoi et combien de temps</h2>
      <div class="fr-table fr-table--no-caption"><div class="fr-table__wrapper"><div class="fr-table__container" tabindex="0" role="region" aria-label="Données conservées (tableau défilant)"><div class="fr-table__content">
        <table>
          <caption>Données conservées</caption>
          <thead><tr><th scope="col">Données</th><th scope="col">Finalité</th><th scope="col">Durée de conservation</th></tr></thead>
          <tbody>${KEPT.map(([what, why, how]) => html`<tr><td>${what}</td><td>${why}</td><td>${how}</td></tr>`)}</tbody>
        </table>
      </div></div></div></div>
      <h2>Vos droits</h2>
      <ul>
        <li>Accès et portabilité : dans <a href="/profil">Mon profil</a>, « Télécharger mes données » fournit une archive de tout ce qui vous concerne.</li>
        <li>Rectification : modifiez votre profil à tout moment.</li>
        <li>Effacement : « Supprimer mon compte », dans Mon profil ; la suppression a lieu 14 jours plus tard, sauf si vous vous reconnectez entre-temps.</li>
        <li>Pour toute autre demande, écrivez au délégué à la protection des données de l’organisme exploitant ; vous pouvez aussi saisir la CNIL (www.cnil.fr).</li>
      </ul>
      <h2>Cookies</h2>
      <p>
        Maillage ne dépose qu’un cookie de session, strictement nécessaire à la connexion (et, le temps d’une connexion par
        ProConnect, un cookie technique de 10 minutes). Aucun cookie de mesure d’audience ni de publicité.
      </p>
    </div></div>`;
  }
}

customElements.define('mai-privacy-page', MaiPrivacyPage);
