/**
 * One name, one channel: thematic channels and groups (whose channel bears the group's name) share the
 * sidebar, so their names are unique together, compared with case, accents, spacing and punctuation folded
 * ("Accessibilité RGAA" = "accessibilite  rgaa").
 */
import type { Knex } from 'knex';
import { conflict } from '../../errors';
import { namedChannels } from '../../db/channels';

/** The folded form two names are compared by. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Throws 409 `name_taken` (on the `name` field) when another thematic or group channel has this name; `exceptChannelId` is the one being renamed. */
export async function assertChannelNameFree(db: Knex, name: string, exceptChannelId: number | null = null): Promise<void> {
  const key = foldName(name);
  const taken = (await namedChannels(db)).some((c) => c.id !== exceptChannelId && foldName(c.name) === key);
  if (!taken) return;
  // Which one is not said: the name may be a private group's.
  const message = 'Un salon ou un groupe porte déjà ce nom (aux majuscules et accents près) : choisissez-en un autre.';
  throw conflict('name_taken', message, { fields: { name: message } });
}
