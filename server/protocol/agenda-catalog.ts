/**
 * The agenda's lists of values with their French labels: plain data with no
 * imports, so the client's forms may import it as values (like report-catalog.ts).
 */
/** The categories with one value, keys and French labels. */
export const EVENT_TYPES = {
  atelier: 'Atelier',
  reunion_information: 'Réunion d’information',
  formation: 'Formation',
  salon: 'Salon',
  webinaire: 'Webinaire',
} as const;
export const EVENT_PRICES = { gratuit: 'Gratuit', payant: 'Payant' } as const;
export const PROJECT_SIZES = { seul: 'Entreprendre seul(e)', equipe: 'Entreprendre à plusieurs ou avec des salariés' } as const;
export const SESSION_STATUSES = { open: 'Inscriptions ouvertes', closed: 'Inscriptions closes', cancelled: 'Annulée' } as const;
export const EVENT_FILE_KINDS = { programme: 'Programme', affiche: 'Affiche', autre: 'Document' } as const;
export const EVENT_STATUSES = {
  draft: 'Brouillon',
  submitted: 'En attente de validation',
  published: 'Publié',
  returned: 'À modifier',
  rejected: 'Refusé',
} as const;
