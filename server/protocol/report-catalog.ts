/**
 * The lists of an activity report (CRA), written once: wire keys and the
 * French labels people know from the conseillers' current tool. Plain data
 * with no imports, so the server (validation, roll-up columns, exports) and
 * the client (form, dashboards) read the very same module.
 */

/** One choice of a list: its wire key and its French label. */
export interface Choice<K extends string = string> {
  key: K;
  label: string;
}

const list = <K extends string>(items: readonly (readonly [K, string])[]): readonly Choice<K>[] =>
  items.map(([key, label]) => ({ key, label }));

/** Where the accompaniment took place ("Par quel canal ?"). */
export const CANALS = list([
  ['home_base', 'Lieu de rattachement'],
  ['other_place', 'Autre lieu'],
  ['at_home', 'À domicile'],
  ['remote', 'À distance'],
] as const);

/** What kind of activity it was. */
export const ACTIVITIES = list([
  ['individual', 'Accompagnement individuel'],
  ['workshop', 'Atelier collectif'],
  ['one_off', 'Demande ponctuelle'],
] as const);

/** Age bands, counted in people. */
export const AGE_BANDS = list([
  ['under_12', 'Moins de 12 ans'],
  ['12_18', '12 – 18 ans'],
  ['18_35', '18 – 35 ans'],
  ['35_60', '35 – 60 ans'],
  ['over_60', 'Plus de 60 ans'],
] as const);

/** Status of the people helped, counted in people. */
export const STATUSES = list([
  ['student', 'Scolarisé'],
  ['unemployed', 'Sans emploi'],
  ['employed', 'En emploi'],
  ['retired', 'Retraité'],
  ['unknown', 'Non renseigné ou hétérogène'],
] as const);

/** Themes of the accompaniment (several per report). Order = bit order of the stored mask: append only. */
export const THEMES = list([
  ['equipment', 'Prendre en main un équipement informatique'],
  ['browsing', 'Naviguer sur internet'],
  ['email', 'Envoyer, recevoir, gérer ses courriels'],
  ['smartphone_apps', 'Installer et utiliser des applications sur son smartphone'],
  ['digital_content', 'Gérer ses contenus numériques'],
  ['vocabulary', "Connaître l'environnement et le vocabulaire numérique"],
  ['word_processing', 'Apprendre les bases du traitement de texte'],
  ['keeping_in_touch', 'Échanger avec ses proches'],
  ['employment', 'Trouver un emploi ou une formation'],
  ['parenting', 'Accompagner son enfant'],
  ['small_business', 'Numérique et TPE/PME'],
  ['online_procedure', 'Réaliser une démarche en ligne'],
  ['security', 'Sécurité'],
  ['health', 'Santé'],
  ['budget', 'Budget'],
  ['diagnosis', 'Diagnostic'],
  ['other', 'Autre'],
] as const);

/** Duration bands; a duration given in minutes falls into one of them. */
export const DURATIONS = list([
  ['under_30', '30 min ou moins'],
  ['30_60', '30 min à 1 h'],
  ['over_60', "Plus d'1 h"],
] as const);

export type Canal = (typeof CANALS)[number]['key'];
export type Activity = (typeof ACTIVITIES)[number]['key'];
export type AgeBand = (typeof AGE_BANDS)[number]['key'];
export type Status = (typeof STATUSES)[number]['key'];
export type Theme = (typeof THEMES)[number]['key'];
export type DurationBand = (typeof DURATIONS)[number]['key'];

/** The band of a duration in minutes (30 min or less, up to 1 h, more). */
export function durationBandOf(minutes: number): DurationBand {
  return minutes <= 30 ? 'under_30' : minutes <= 60 ? '30_60' : 'over_60';
}

/** The label of a key in a list (the key itself if unknown). */
export function labelOf(choices: readonly Choice[], key: string): string {
  return choices.find((c) => c.key === key)?.label ?? key;
}

/** Fewer reports than this in a territorial cell and the cell reads "< 5". */
export const MASK_THRESHOLD = 5;

/** Days during which an author may still edit or delete a report. */
export const EDIT_WINDOW_DAYS = 30;
