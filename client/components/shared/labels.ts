/** French labels for enumerations of the contract. */
import type { Civility, Role, UserStatus } from '../../../server/protocol/index.js';

export const ROLE_LABELS: Record<Role, string> = {
  member: 'Membre',
  animator: 'Animateur',
  hotline: 'Hotline',
  admin: 'Administrateur',
};

export const STATUS_LABELS: Record<UserStatus, string> = {
  pending: 'En attente de confirmation',
  active: 'Actif',
  disabled: 'Désactivé',
};

export const CIVILITY_LABELS: Record<Civility, string> = {
  mme: 'Madame',
  m: 'Monsieur',
};

/** Options for a role <select>. */
export const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).map((value) => ({
  value,
  label: ROLE_LABELS[value],
}));

/** Initials for an avatar placeholder ("Camille Martin" → "CM"). */
export function initials(firstName: string, lastName: string): string {
  return `${firstName.trim().charAt(0)}${lastName.trim().charAt(0)}`.toUpperCase();
}
