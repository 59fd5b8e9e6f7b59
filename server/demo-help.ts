import type { Knex } from 'knex';
import type { UserRow } from './db/users';
import { createFaqEntry } from './services/help/faq';

/** The demo network's FAQ: the questions its hotline gets most, answered by its admin. */
const ENTRIES: { category: string; question: string; answer: string }[] = [
  {
    category: 'Mon compte',
    question: 'Je n’ai pas reçu le lien de confirmation',
    answer:
      'Le lien part dès la création du compte et reste valable **48 heures**.\n\n- Regardez dans vos courriers indésirables.\n- Vérifiez l’adresse saisie : en cas d’erreur, créez le compte à nouveau.\n- Toujours rien ? Utilisez « Mot de passe oublié ? » sur la page de connexion : le lien reçu active aussi le compte.',
  },
  {
    category: 'Mon compte',
    question: 'J’ai oublié mon mot de passe',
    answer:
      'Sur la page de connexion, choisissez **Mot de passe oublié ?** et saisissez votre adresse. Le lien reçu par courriel est valable une heure ; toutes vos autres sessions sont fermées quand vous changez de mot de passe.',
  },
  {
    category: 'Mon compte',
    question: 'Pourquoi une vérification anti-robot à la connexion ?',
    answer:
      'Après plusieurs mots de passe erronés, Maillage demande une vérification anti-robot : votre navigateur fait un petit calcul pendant quelques secondes, sans rien envoyer à un service extérieur. Elle se fait toute seule, il suffit de patienter.',
  },
  {
    category: 'Mon compte',
    question: 'Comment télécharger mes données ou supprimer mon compte ?',
    answer:
      'Dans **Mon profil**, rubrique « Mes données » : le bouton de téléchargement prépare une archive de tout ce qui vous concerne. La suppression du compte prend effet après 14 jours ; vous reconnecter avant l’annule.',
  },
  {
    category: 'Discussions',
    question: 'Comment rejoindre un salon thématique ?',
    answer: 'Dans **Discussions**, choisissez « Parcourir les salons thématiques », puis « Rejoindre » sur le salon qui vous intéresse.',
  },
  {
    category: 'Discussions',
    question: 'Comment mentionner un collègue dans un message ?',
    answer: 'Tapez **@** suivi de son identifiant, par exemple `@julie.petit` : la personne reçoit une notification.',
  },
  {
    category: 'Groupes et documents',
    question: 'Comment rejoindre un groupe modéré ?',
    answer:
      'Sur la page du groupe, choisissez « Demander à rejoindre » et expliquez en une phrase votre démarche. Les gestionnaires du groupe reçoivent votre demande ; vous êtes notifié de leur réponse.',
  },
  {
    category: 'Groupes et documents',
    question: 'Quels fichiers puis-je déposer dans la banque de documents ?',
    answer:
      'Les PDF, les fichiers de bureautique, les images, les textes et les archives. Le type est vérifié d’après le contenu du fichier, pas son nom.',
  },
  {
    category: 'Agenda',
    question: 'L’événement est complet : puis-je quand même m’inscrire ?',
    answer:
      'Oui, sur la **liste d’attente** quand l’organisateur l’a ouverte : vous êtes inscrit automatiquement, et prévenu, dès qu’une place se libère.',
  },
  {
    category: 'Comptes rendus',
    question: 'Puis-je modifier un compte rendu déjà enregistré ?',
    answer:
      'Oui, pendant **30 jours** après son enregistrement, depuis « Mes comptes rendus ». Passé ce délai, il est définitif pour les statistiques.',
  },
];

/** Written through the service, as the admin would in the help centre. */
export async function seedDemoFaq(db: Knex, admin: UserRow): Promise<void> {
  let position = 0;
  for (const e of ENTRIES) await createFaqEntry(db, admin, { ...e, position: (position += 10) });
}
