/**
 * Every validation message in plain French, from one place: zod's issues mapped to sentences a person
 * understands ("Au moins 2 caractères."), never zod's own wording ("Trop petit : chaîne de caractères
 * doit avoir >=2 caractères"). A schema's own message, when it gives one, still wins.
 */
import { z } from 'zod';

/** French names of the fields that the contract's bodies use, for the error message ("Prénom : Ce champ est obligatoire."). */
export const FIELD_LABELS: Record<string, string> = {
  email: 'Adresse électronique',
  password: 'Mot de passe',
  currentPassword: 'Mot de passe actuel',
  newPassword: 'Nouveau mot de passe',
  firstName: 'Prénom',
  lastName: 'Nom',
  username: 'Identifiant',
  departmentCode: 'Département',
  civility: 'Civilité',
  phone: 'Téléphone',
  employer: 'Employeur',
  jobTitle: 'Fonction',
  city: 'Commune',
  name: 'Nom',
  title: 'Titre',
  description: 'Description',
  body: 'Message',
  subject: 'Objet',
  startsAt: 'Début',
  endsAt: 'Fin',
  location: 'Lieu',
  videoUrl: 'Lien de visioconférence',
  capacity: 'Nombre de places',
  prescriptionCapacity: 'Places sur prescription',
  registrationDeadline: 'Date limite d’inscription',
  visibility: 'Visibilité',
  role: 'Rôle',
  token: 'Jeton',
  endpoint: 'Adresse d’abonnement',
  type: 'Type',
  communeCode: 'Commune',
  siret: 'SIRET',
  website: 'Site web',
  contactEmail: 'Courriel de contact',
  contactPhone: 'Téléphone de contact',
  services: 'Nos services',
  function: 'Fonction',
  reason: 'Motif',
  accountType: 'Type de compte',
  key: 'Code',
  label: 'Libellé',
  summary: 'Résumé',
  access: 'Accès',
  departmentCodes: 'Départements',
  sectorIds: 'Secteurs',
  comment: 'Commentaire',
  message: 'Message',
  category: 'Catégorie',
  question: 'Question',
  answer: 'Réponse',
  position: 'Position',
  options: 'Options du sondage',
  closesAt: 'Date de clôture',
  optionIds: 'Choix',
  resultsVisibility: 'Affichage des résultats',
  status: 'Statut',
};

const plural = (n: number | bigint, one: string, many: string) => `${n} ${Number(n) > 1 ? many : one}`;

/** The French sentence for one zod issue (used as zod's global error map). */
export function frenchIssue(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'Ce champ est obligatoire.';
      if (issue.expected === 'number' || issue.expected === 'int' || issue.expected === 'bigint') return 'Un nombre est attendu.';
      if (issue.expected === 'string') return 'Un texte est attendu.';
      if (issue.expected === 'boolean') return 'Oui ou non est attendu.';
      if (issue.expected === 'date') return 'Une date est attendue.';
      if (issue.expected === 'array') return 'Une liste est attendue.';
      return 'Valeur invalide.';
    case 'too_small': {
      const min = issue.minimum as number;
      if (issue.origin === 'string') return min <= 1 ? 'Ce champ est obligatoire.' : `Au moins ${plural(min, 'caractère', 'caractères')}.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Au moins ${plural(min, 'élément', 'éléments')}.`;
      if (issue.origin === 'date') return 'Date trop ancienne.';
      return issue.inclusive === false ? `Un nombre supérieur à ${min} est attendu.` : `Au moins ${min}.`;
    }
    case 'too_big': {
      const max = issue.maximum as number;
      if (issue.origin === 'string') return `Au plus ${plural(max, 'caractère', 'caractères')}.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Au plus ${plural(max, 'élément', 'éléments')}.`;
      if (issue.origin === 'date') return 'Date trop lointaine.';
      return issue.inclusive === false ? `Un nombre inférieur à ${max} est attendu.` : `Au plus ${max}.`;
    }
    case 'invalid_format':
      switch (issue.format) {
        case 'email':
          return 'Adresse e-mail invalide.';
        case 'url':
          return 'Adresse web invalide : elle commence par https://.';
        case 'datetime':
        case 'date':
          return 'Date invalide.';
        case 'time':
          return 'Heure invalide.';
        default:
          return 'Format invalide.';
      }
    case 'not_multiple_of':
      return 'Valeur invalide.';
    case 'invalid_value':
      return 'Choix non reconnu.';
    case 'unrecognized_keys':
      return `Champ inconnu : ${issue.keys.join(', ')}.`;
    default:
      return 'Valeur invalide.';
  }
}

/** The French name of a field path (`firstName` → "Prénom"; unknown names are kept). */
export function fieldLabel(path: string): string {
  const last = path.split('.').pop() ?? path;
  return FIELD_LABELS[path] ?? FIELD_LABELS[last] ?? path;
}
