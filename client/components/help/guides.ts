/**
 * The getting-started guides of the help centre, one per role, in plain French: what Maillage does
 * today, step by step. Sections with an `id` are the targets of the "?" links of the main screens
 * (`/aide#aide-discussions`…): keep those ids when rewording.
 */

/** One topic of a guide: a title and its steps (plain text, rendered as text). */
export interface GuideSection {
  id?: string;
  title: string;
  steps: string[];
}

/** A guide for one role. */
export interface Guide {
  id: string;
  role: string;
  intro: string;
  sections: GuideSection[];
}

/** The ids the screens link to ("?" next to their title). */
export const HELP_TOPICS = {
  chat: 'aide-discussions',
  groups: 'aide-groupes',
  documents: 'aide-documents',
  agenda: 'aide-agenda',
  reports: 'aide-comptes-rendus',
  hotline: 'aide-hotline',
} as const;

export const GUIDES: Guide[] = [
  {
    id: 'guide-membre',
    role: 'Membre',
    intro: 'Vous venez de rejoindre Maillage : voici l’essentiel pour échanger avec le réseau et retrouver ses ressources.',
    sections: [
      {
        title: 'Créer son compte et se connecter',
        steps: [
          'Sur « Créer un compte », renseignez votre identité, votre département et un mot de passe ; une vérification anti-robot se fait toute seule pendant que vous remplissez le formulaire.',
          'Ouvrez le courriel reçu et cliquez sur le lien de confirmation (valable 48 heures), puis connectez-vous et acceptez les conditions d’utilisation.',
          'Si votre organisme le propose, le bouton « S’identifier avec ProConnect » vous connecte avec votre compte professionnel.',
          'Dans « Mon profil », ajoutez une photo, votre employeur, votre fonction et votre commune : les autres membres vous trouveront plus facilement dans l’annuaire.',
        ],
      },
      {
        id: HELP_TOPICS.chat,
        title: 'Discussions',
        steps: [
          'Vous êtes inscrit d’office au salon national et au salon de votre département. « Parcourir les salons thématiques » liste les autres salons que vous pouvez rejoindre.',
          'Écrivez dans la zone en bas du salon puis appuyez sur Entrée (Maj + Entrée pour aller à la ligne). **Gras**, *italique*, listes et liens sont mis en forme.',
          'Tapez @ suivi d’un identifiant pour mentionner quelqu’un : il reçoit une notification.',
          'Le menu d’un message permet d’y répondre, de le modifier ou de le supprimer (les vôtres) ; les messages épinglés restent visibles en haut du salon.',
          'Les messages directs se font avec vos contacts, les animateurs et l’équipe de la hotline.',
        ],
      },
      {
        id: HELP_TOPICS.groups,
        title: 'Groupes',
        steps: [
          'Un groupe public se rejoint d’un clic ; un groupe modéré demande l’accord de ses gestionnaires ; un groupe privé n’est ouvert que sur invitation.',
          'Dans un groupe, publiez un article, une question, un document, une photo, une vidéo ou un lien ; commentez et réagissez (« J’aime », « Je recommande ») aux publications des autres.',
          'Chaque groupe a son salon de discussion, sa banque de documents et son agenda.',
        ],
      },
      {
        id: HELP_TOPICS.documents,
        title: 'Documents',
        steps: [
          'La page « Documents » rassemble les documents des groupes dont vous êtes membre : cherchez par titre, filtrez par type (PDF, bureautique, image, texte, archive) et triez par date ou par titre.',
          'Pour déposer un document, choisissez le groupe, le fichier et un titre. Les images et les PDF s’affichent en aperçu.',
          'Le bouton « Partager » publie le document dans le salon du groupe.',
        ],
      },
      {
        id: HELP_TOPICS.agenda,
        title: 'Agenda',
        steps: [
          'L’agenda montre les événements de vos groupes (réunions, webinaires, formations), en liste ou par mois.',
          'Sur la page d’un événement, inscrivez-vous ; quand il est complet, vous pouvez prendre place sur la liste d’attente et vous serez prévenu si une place se libère.',
          'Ajoutez un événement à votre propre agenda avec le fichier .ics, ou abonnez votre logiciel d’agenda au flux de vos événements.',
        ],
      },
      {
        id: HELP_TOPICS.reports,
        title: 'Comptes rendus d’accompagnement',
        steps: [
          '« Enregistrer un accompagnement » (en haut de chaque page) ouvre le formulaire : date, commune, canal, type d’activité, thèmes et durée. Aucune donnée nominative sur la personne accompagnée n’est demandée.',
          '« Mes comptes rendus » les liste ; chacun reste modifiable pendant 30 jours.',
          '« Mes statistiques » présente vos chiffres en graphiques, chacun suivi de son tableau de nombres, et les exporte en CSV ou en tableur.',
        ],
      },
      {
        id: HELP_TOPICS.hotline,
        title: 'Hotline',
        steps: [
          'Dans « Hotline », décrivez votre demande : un objet, une catégorie si vous la connaissez, et votre message. Pendant que vous tapez l’objet, des réponses de la foire aux questions vous sont proposées.',
          'Un agent vous répond dans la conversation de la demande ; vous êtes notifié à chaque réponse.',
          'Quand la demande est résolue, vous pouvez noter la réponse, ou rouvrir la demande si le problème revient.',
        ],
      },
      {
        title: 'Notifications et données personnelles',
        steps: [
          'La cloche en haut de page réunit vos notifications ; « Mon profil » › « Notifications par courriel » règle ce qui vous est envoyé par courriel.',
          '« Mes données », dans votre profil, télécharge tout ce qui vous concerne dans une archive ; vous pouvez aussi y demander la suppression de votre compte (effective après 14 jours, annulée si vous vous reconnectez avant).',
        ],
      },
    ],
  },
  {
    id: 'guide-animateur',
    role: 'Animateur',
    intro: 'Vous animez le réseau : salons, annonces, groupes et événements sont à votre main.',
    sections: [
      {
        title: 'Animer les discussions',
        steps: [
          'Créez des salons thématiques, renommez-les ou archivez-les quand ils ne servent plus.',
          'Le salon des annonces n’est ouvert qu’en écriture aux animateurs : publiez-y les informations importantes et épinglez-les.',
          '@channel prévient tous les membres d’un salon : réservez-le aux messages qui le justifient.',
          'Vous pouvez épingler et supprimer les messages de tous les salons pour les modérer.',
        ],
      },
      {
        title: 'Groupes et événements',
        steps: [
          'Créez un groupe (public, modéré ou privé), rédigez sa description, puis invitez les premiers membres par courriel.',
          'Dans l’agenda d’un groupe, créez un événement : date, lieu ou lien de visioconférence, nombre de places, places sur prescription, date limite d’inscription et liste d’attente.',
          'La liste des inscrits de chaque événement est consultable depuis sa page.',
        ],
      },
    ],
  },
  {
    id: 'guide-hotline',
    role: 'Agent de hotline',
    intro: 'Vous répondez aux demandes des membres : la file, la conversation et les notes internes sont dans « Hotline ».',
    sections: [
      {
        title: 'Traiter les demandes',
        steps: [
          'La file présente toutes les demandes, celles qui ne sont attribuées à personne, ou les vôtres ; filtrez-les par état (ouverte, attribuée, résolue).',
          'Prenez une demande en charge : elle vous est attribuée et le membre le voit. Répondez dans sa conversation.',
          'Les notes internes ne sont visibles que de l’équipe de la hotline : consignez-y ce qui aidera un collègue.',
          'Marquez la demande résolue une fois la réponse apportée ; le membre peut la noter ou la rouvrir.',
        ],
      },
      {
        title: 'Disponibilité et délais',
        steps: [
          'Indiquez votre disponibilité : les membres voient si la hotline est joignable.',
          'Le délai de première réponse visé se compte en heures ouvrées (du lundi au vendredi, de 9 h à 17 h, heure de Paris) ; les chiffres de la hotline montrent s’il est tenu.',
          'Avant de répondre, pensez à la foire aux questions : si une question revient souvent, demandez à un administrateur de l’y ajouter.',
        ],
      },
    ],
  },
  {
    id: 'guide-organisation',
    role: 'Administrateur d’organisation',
    intro:
      'Vous gérez l’espace d’une structure ou d’un réseau local : dans Maillage, c’est un groupe (et ses sous-groupes) dont vous êtes propriétaire ou administrateur.',
    sections: [
      {
        title: 'Gérer le groupe de votre structure',
        steps: [
          'Choisissez la visibilité : public, modéré (vous validez chaque demande d’adhésion) ou privé (sur invitation seulement).',
          'Invitez vos collègues par courriel : un lien les amène à la création de compte, puis dans le groupe.',
          'Validez ou refusez les demandes d’adhésion, et donnez à un membre le rôle d’administrateur ou de propriétaire du groupe pour partager la gestion.',
          'Créez des sous-groupes pour vos équipes ou vos projets.',
        ],
      },
      {
        title: 'Suivre l’activité de vos équipes',
        steps: [
          'Reliez un responsable et les membres d’une même structure employeuse : le responsable voit les statistiques d’accompagnement de son équipe.',
          'Les chiffres trop petits sont masqués, pour que personne ne soit reconnaissable.',
        ],
      },
    ],
  },
  {
    id: 'guide-administrateur',
    role: 'Administrateur',
    intro: 'Vous administrez la plateforme : comptes, catégories de la hotline, foire aux questions et tous les groupes.',
    sections: [
      {
        title: 'Les comptes',
        steps: [
          '« Administration » liste les comptes : cherchez par nom ou adresse, filtrez par rôle, état ou département.',
          'Créez un compte, changez son rôle (membre, animateur, agent de hotline, administrateur), désactivez-le, ou limitez-le à la messagerie (partenaires, coordinateurs).',
          'Vous ne pouvez ni désactiver ni rétrograder votre propre compte.',
        ],
      },
      {
        title: 'Hotline et aide',
        steps: [
          'Créez, renommez, ordonnez ou archivez les catégories de la hotline.',
          'Dans ce centre d’aide, les boutons « Ajouter une question », « Modifier » et « Supprimer » de la foire aux questions ne sont visibles que de vous. Les réponses s’écrivent en markdown simple (gras, italique, listes, liens).',
          'Vous gérez aussi tous les groupes, comme leurs propriétaires.',
        ],
      },
    ],
  },
];
