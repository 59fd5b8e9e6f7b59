/**
 * The resource library's fixed lists (types, formats, themes, orders): plain
 * values the client imports as they are (no zod), like the reports' catalog.
 */
import { THEMES } from './report-catalog';

/** What a resource is, as the library's "type" filter lists it. */
export const RESOURCE_TYPES = [
  { key: 'fiche_atelier', label: 'Fiche atelier' },
  { key: 'tutoriel', label: 'Tutoriel' },
  { key: 'outil', label: 'Outil' },
  { key: 'guide', label: 'Guide' },
  { key: 'notice_technique', label: 'Notice technique' },
  { key: 'mise_a_jour', label: 'Mise à jour' },
  { key: 'modele', label: 'Modèle de document' },
  { key: 'compte_rendu', label: 'Compte rendu' },
  { key: 'rapport', label: 'Rapport, étude' },
  { key: 'autre', label: 'Autre' },
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number]['key'];

/** A stored file, a web page, or a video (a link to it). */
export const RESOURCE_FORMATS = [
  { key: 'file', label: 'Fichier' },
  { key: 'link', label: 'Lien web' },
  { key: 'video', label: 'Vidéo' },
] as const;
export type ResourceFormat = (typeof RESOURCE_FORMATS)[number]['key'];

/** The themes a resource is filed under: the activity reports' theme list. */
export const RESOURCE_THEMES = THEMES;
export type ResourceTheme = (typeof THEMES)[number]['key'];

/** The library's orders: newest published, title, application name, popularity (see `popularity`). */
export const RESOURCE_SORTS = ['date', 'title', 'application', 'popularity'] as const;
export type ResourceSort = (typeof RESOURCE_SORTS)[number];
