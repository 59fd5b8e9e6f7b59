/** French names of a community's menu and of the gear's rhythms. */
import type { CommunitySection, Rhythm } from '../../api/communities.js';

export const SECTION_LABELS: Record<CommunitySection, string> = {
  accueil: 'Accueil',
  actualites: 'Actualités',
  references: 'Documents de référence',
  experiences: 'Partage d’expériences',
  agenda: 'Agenda',
  forum: 'Forum',
  groupes: 'Groupes',
  liens: 'Liens utiles',
};

/** The rhythms of the notification settings page (« Jamais » mutes the group). */
export const RHYTHMS: { value: Rhythm | ''; label: string }[] = [
  { value: '', label: 'Comme mon réglage général' },
  { value: 'realtime', label: 'Au fil de l’eau' },
  { value: 'daily', label: 'Résumé quotidien' },
  { value: 'weekly', label: 'Résumé hebdomadaire' },
];

/** The path of a section of a group's page. */
export const sectionHref = (groupId: number, s: CommunitySection) => (s === 'accueil' ? `/groupes/${groupId}` : `/groupes/${groupId}/${s}`);
