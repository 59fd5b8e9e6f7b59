/** « Mes favoris »: posts, documents and library resources a member keeps at hand. Imports zod only. */
import { z } from 'zod';
import { fields } from './common';

/** What may be kept as a favourite. */
export const FAVORITE_KINDS = ['post', 'document', 'resource'] as const;
export type FavoriteKind = (typeof FAVORITE_KINDS)[number];

/** PUT and DELETE /api/favorites/:kind/:id. */
export const favoriteTargetSchema = z.object({ kind: z.enum(FAVORITE_KINDS), id: fields.id });

/** One favourite, as « Mes favoris » lists it. */
export interface Favorite {
  kind: FavoriteKind;
  id: number;
  title: string;
  /** Where it lives: « Groupe … », « Ressourcerie ». */
  context: string;
  /** The client path that opens it. */
  href: string;
  /** When it was kept. */
  savedAt: string;
}

/** GET /api/favorites: newest kept first (at most 500), only what I may still see. */
export interface FavoriteList {
  items: Favorite[];
}

/** PUT / DELETE answer. */
export interface FavoriteAnswer {
  kind: FavoriteKind;
  id: number;
  favorite: boolean;
}
