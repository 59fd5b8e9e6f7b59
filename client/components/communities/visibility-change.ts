/** What a change of visibility means for members and others, said before saving. */
import type { Visibility } from '../../api/groups.js';

const TEXTS: Record<string, string> = {
  'public>moderated': 'Les membres actuels restent membres. Les nouvelles adhésions devront être validées par les responsables.',
  'public>private':
    'Le groupe disparaîtra de l’annuaire : seuls ses membres le verront. Les membres actuels restent membres ; les autres ne pourront y entrer que sur invitation.',
  'moderated>public': 'Tout membre du réseau pourra adhérer sans validation. Les demandes en attente restent à traiter.',
  'moderated>private':
    'Le groupe disparaîtra de l’annuaire : seuls ses membres le verront. Les demandes en attente ne pourront plus être envoyées ; les nouvelles entrées se feront sur invitation.',
  'private>public': 'Le groupe apparaîtra dans l’annuaire et tout membre du réseau pourra le voir et y adhérer sans validation.',
  'private>moderated': 'Le groupe apparaîtra dans l’annuaire ; tout membre du réseau pourra demander à le rejoindre.',
};

/** The explanation, or null when nothing changes. */
export function visibilityChange(from: Visibility, to: Visibility): string | null {
  return from === to ? null : (TEXTS[`${from}>${to}`] ?? null);
}
