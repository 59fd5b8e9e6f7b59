/** The text of the terms of use (conditions générales d'utilisation). */
import { html } from 'lit';

/** Version shown to users; bump it when the text changes. */
export const TERMS_VERSION = '23 novembre 2026';

/** The terms, as a template (headings start at h2). */
export function termsText() {
  return html`<div class="mai-terms">
    <p class="fr-text--sm">Version du ${TERMS_VERSION}</p>

    <h2 class="fr-h4">1. Objet du service</h2>
    <p>
      Maillage est un espace de travail en ligne réservé aux professionnels du service public et à
      leurs partenaires. Il permet d'échanger par messagerie instantanée, de participer à des
      groupes, de partager des documents, de s'inscrire à des événements et de solliciter une
      assistance (hotline). Les présentes conditions fixent les règles d'utilisation du service ;
      les accepter est nécessaire pour y accéder.
    </p>

    <h2 class="fr-h4">2. Compte utilisateur</h2>
    <p>
      Le compte est personnel. Vous vous engagez à fournir des informations exactes (identité,
      employeur, fonction, département) et à les tenir à jour depuis la page « Mon profil ». Vous
      êtes responsable de la confidentialité de votre mot de passe et de l'usage fait de votre
      compte. Signalez sans délai toute utilisation frauduleuse à l'équipe d'administration.
    </p>

    <h2 class="fr-h4">3. Règles de conduite</h2>
    <ul>
      <li>Les échanges restent professionnels, courtois et respectueux de chacun.</li>
      <li>
        Sont interdits les propos injurieux, diffamatoires, discriminatoires ou haineux, le
        harcèlement, la publicité et la propagande.
      </li>
      <li>
        Ne publiez pas de données personnelles sensibles sur les usagers que vous accompagnez, ni
        d'informations couvertes par le secret professionnel.
      </li>
      <li>Ne partagez que des documents que vous avez le droit de diffuser.</li>
      <li>Respectez le caractère privé des groupes et des conversations auxquels vous participez.</li>
    </ul>

    <h2 class="fr-h4">4. Données personnelles</h2>
    <p>
      Les données de votre compte (identité, coordonnées professionnelles, photo) et vos
      contributions sont traitées pour fournir le service, conformément au Règlement général sur
      la protection des données (RGPD) et à la loi « Informatique et Libertés ». Elles sont
      visibles des autres membres dans la limite nécessaire aux échanges, ne sont jamais cédées à
      des tiers et sont conservées le temps de l'utilisation du service, puis supprimées ou
      anonymisées après la clôture du compte.
    </p>
    <p>
      Vous disposez d'un droit d'accès, de rectification, d'effacement, de limitation et
      d'opposition. Vous pouvez les exercer auprès de l'équipe d'administration ou du délégué à la
      protection des données de l'organisme qui opère le service, et introduire une réclamation
      auprès de la CNIL.
    </p>

    <h2 class="fr-h4">5. Modération</h2>
    <p>
      Les animateurs et administrateurs veillent au respect de ces règles. Ils peuvent masquer ou
      supprimer un contenu contraire aux présentes conditions et, en cas de manquement grave ou
      répété, suspendre ou désactiver un compte. Tout membre peut signaler un contenu qui lui
      paraît inapproprié.
    </p>

    <h2 class="fr-h4">6. Évolution des conditions</h2>
    <p>
      Ces conditions peuvent évoluer. En cas de modification importante, elles vous seront
      présentées de nouveau et devront être acceptées pour continuer à utiliser le service.
    </p>
  </div>`;
}
