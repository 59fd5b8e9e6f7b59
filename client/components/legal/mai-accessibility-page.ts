/** <mai-accessibility-page> (/accessibilite): the accessibility statement, in the RGAA 4.1 model. */
import { LitElement, html } from 'lit';

/** Static page: says what is checked and how, without claiming an audit that was not done. */
export class MaiAccessibilityPage extends LitElement {
  createRenderRoot() {
    return this;
  }

  render() {
    return html`<div class="fr-grid-row fr-grid-row--center"><div class="fr-col-12 fr-col-lg-10">
      <h1 tabindex="-1">Déclaration d’accessibilité</h1>
      <p>
        L’organisme qui exploite cette instance de Maillage s’engage à rendre ses services numériques accessibles,
        conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration s’applique à Maillage.
      </p>
      <h2>État de conformité</h2>
      <p>
        Maillage est <strong>non conforme</strong> avec le référentiel général d’amélioration de l’accessibilité (RGAA 4.1) :
        aucun audit complet des 106 critères n’a encore été réalisé par un auditeur.
      </p>
      <h2>Ce qui est vérifié, et comment</h2>
      <ul>
        <li>
          À chaque version, un test automatique passe axe-core (règles WCAG 2.1 niveaux A et AA) sur chaque page de
          l’application, sans être connecté puis connecté, sur écran d’ordinateur (1 280 px) et de téléphone (390 px) :
          aucune anomalie grave ou critique n’est tolérée.
        </li>
        <li>Les titres se suivent dans l’ordre et chaque bouton, lien ou champ a un nom (RGAA thèmes 9 et 11).</li>
        <li>
          Des parcours entièrement au clavier sont testés dans un navigateur (connexion, discussions, formulaires de groupe,
          d’événement et d’inscription, profil, hotline, centre d’aide, fenêtres de confirmation) : le lien d’évitement
          « Contenu » mène au contenu, le focus reste visible, après une erreur il va au premier champ à corriger, il reste
          dans une fenêtre de dialogue tant qu’elle est ouverte et revient à son point de départ quand elle se ferme.
        </li>
        <li>
          Les lecteurs d’écran sont prévenus par des zones de message (« live regions ») : erreurs des formulaires, résultats
          de recherche, nouveaux messages d’un salon.
        </li>
        <li>
          La vérification anti-robot ne demande ni image ni énigme : le navigateur fait un calcul tout seul, et son état
          (« Vérification en cours… », « Vérification réussie ») est donné en texte, en français.
        </li>
        <li>Aucune page ne défile horizontalement sur un écran de 390 px (RGAA critère 10.11).</li>
      </ul>
      <p>
        Ces vérifications automatiques ne couvrent qu’une partie des critères : elles ne remplacent pas un audit (contrastes
        des contenus déposés, alternatives des images publiées par les membres, compréhension des contenus…).
      </p>
      <h2>Contenus non accessibles et dérogations</h2>
      <ul>
        <li>Les documents déposés par les membres (PDF, bureautique) ne sont pas vérifiés : leur accessibilité dépend de leurs auteurs.</li>
        <li>Aucune dérogation pour charge disproportionnée n’est invoquée.</li>
      </ul>
      <h2>Établissement de cette déclaration</h2>
      <p>Cette déclaration a été établie en décembre 2026. Technologies utilisées : HTML, CSS (Système de design de l’État), JavaScript (Lit), WAI-ARIA.</p>
      <h2>Retour d’information et contact</h2>
      <p>
        Si vous n’arrivez pas à accéder à un contenu ou à un service, écrivez à l’équipe de la hotline depuis
        <a href="/hotline">la hotline</a> ou à l’adresse de contact de l’organisme exploitant : vous serez orienté vers une
        alternative accessible.
      </p>
      <h2>Voies de recours</h2>
      <p>
        Si vous avez signalé un défaut d’accessibilité sans obtenir de réponse satisfaisante, vous pouvez écrire au Défenseur
        des droits (formulaire en ligne sur defenseurdesdroits.fr), contacter son délégué dans votre région, ou lui écrire
        gratuitement : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.
      </p>
    </div></div>`;
  }
}

customElements.define('mai-accessibility-page', MaiAccessibilityPage);
