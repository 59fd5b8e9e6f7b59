/** French names of the suggestions' statuses and their DSFR badge. */
import type { SuggestionStatus } from '../../api/polls.js';

export const STATUS_LABELS: Record<SuggestionStatus, string> = {
  open: 'Ouverte',
  planned: 'Prévue',
  done: 'Réalisée',
  declined: 'Écartée',
};

export const STATUS_BADGES: Record<SuggestionStatus, string> = {
  open: 'fr-badge--info',
  planned: 'fr-badge--new',
  done: 'fr-badge--success',
  declined: 'fr-badge--error',
};
