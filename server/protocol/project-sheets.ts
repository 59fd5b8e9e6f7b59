/**
 * Creators' project sheets, their nine-block canvas, sharing with
 * professionals, comments and threads (#22). Imports zod only.
 */
import { z } from 'zod';
import { fields, optionalText, type Person } from './common';

/** Stages of a project, in order. */
export const PROJECT_STAGES = [
  { key: 'idee', label: 'Idée' },
  { key: 'etude', label: 'Étude' },
  { key: 'creation', label: 'Création' },
  { key: 'developpement', label: 'Développement' },
] as const;
/** Needs a creator may name. */
export const PROJECT_NEEDS = [
  { key: 'financement', label: 'Financement' },
  { key: 'local', label: 'Local' },
  { key: 'formation', label: 'Formation' },
  { key: 'reseau', label: 'Réseau' },
  { key: 'juridique', label: 'Conseil juridique' },
  { key: 'commercial', label: 'Développement commercial' },
  { key: 'recrutement', label: 'Recrutement' },
] as const;
/** How big the project is (people involved at launch). */
export const SHEET_PROJECT_SIZES = [
  { key: 'solo', label: 'Seul(e)' },
  { key: 'petite', label: '2 à 5 personnes' },
  { key: 'moyenne', label: 'Plus de 5 personnes' },
] as const;
/** The nine blocks of the business model canvas, in reading order. */
export const CANVAS_BLOCKS = [
  { key: 'partenaires', label: 'Partenaires clés' },
  { key: 'activites', label: 'Activités clés' },
  { key: 'ressources', label: 'Ressources clés' },
  { key: 'proposition', label: 'Proposition de valeur' },
  { key: 'relation', label: 'Relation client' },
  { key: 'canaux', label: 'Canaux' },
  { key: 'segments', label: 'Segments de clientèle' },
  { key: 'couts', label: 'Structure de coûts' },
  { key: 'revenus', label: 'Sources de revenus' },
] as const;
/** Post-it colours (names, never CSS from the client). */
export const POSTIT_COLORS = ['jaune', 'vert', 'bleu', 'rose'] as const;

const keysOf = <T extends readonly { key: string }[]>(list: T) =>
  list.map((x) => x.key) as unknown as [T[number]['key'], ...T[number]['key'][]];
export type ProjectStage = (typeof PROJECT_STAGES)[number]['key'];
export type ProjectNeed = (typeof PROJECT_NEEDS)[number]['key'];
export type SheetProjectSize = (typeof SHEET_PROJECT_SIZES)[number]['key'];
export type CanvasBlock = (typeof CANVAS_BLOCKS)[number]['key'];
export type PostitColor = (typeof POSTIT_COLORS)[number];

export const stageSchema = z.enum(keysOf(PROJECT_STAGES), { message: 'Étape inconnue.' });
export const needSchema = z.enum(keysOf(PROJECT_NEEDS), { message: 'Besoin inconnu.' });
export const sizeSchema = z.enum(keysOf(SHEET_PROJECT_SIZES), { message: 'Taille inconnue.' });
export const blockSchema = z.enum(keysOf(CANVAS_BLOCKS), { message: 'Bloc inconnu.' });

/** A sheet's fields as sent; `null` clears an optional one, a missing one is left as it is (PATCH). */
const sheetFieldsShape = {
  title: z.string().trim().min(1, 'Donnez un titre à votre projet.').max(200),
  summary: z.string().trim().max(500),
  stage: stageSchema,
  sectorId: fields.id.nullable(),
  departmentCode: fields.departmentCode.nullable(),
  communeCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9AB]{5}$/, 'Commune inconnue.')
    .nullable(),
  projectSize: sizeSchema.nullable(),
  legalForm: z.string().trim().max(80).nullable(),
  needs: z.array(needSchema).max(PROJECT_NEEDS.length),
  description: z.string().trim().max(20_000),
};
/** PATCH /api/project-sheets/:id: only what changes. */
export const sheetPatchSchema = z.object(sheetFieldsShape).partial();
/** POST /api/project-sheets: a title and a stage at least; the rest empty when left out. */
export const sheetBodySchema = sheetPatchSchema.required({ title: true, stage: true }).transform((b) => ({
  title: b.title,
  stage: b.stage,
  summary: b.summary ?? '',
  sectorId: b.sectorId ?? null,
  departmentCode: b.departmentCode ?? null,
  communeCode: b.communeCode ?? null,
  projectSize: b.projectSize ?? null,
  legalForm: b.legalForm || null,
  needs: b.needs ?? [],
  description: b.description ?? '',
}));
export type SheetBody = z.input<typeof sheetBodySchema>;

/** POST /api/project-sheets/:id/postits. */
export const postitBodySchema = z.object({
  block: blockSchema,
  text: z.string().trim().min(1, 'Écrivez le texte du post-it.').max(500),
  color: z.enum(POSTIT_COLORS).default('jaune'),
});
/** PATCH /api/project-sheets/:id/postits/:postitId. */
export const postitPatchSchema = z.object({
  text: z.string().trim().min(1, 'Écrivez le texte du post-it.').max(500).optional(),
  color: z.enum(POSTIT_COLORS).optional(),
});
/** POST /api/project-sheets/:id/postits/:postitId/move: the block and the place in it (0 = first; past the end = last). */
export const postitMoveSchema = z.object({ block: blockSchema, position: z.number().int().min(0).max(10_000) });
/** POST /api/project-sheets/:id/shares. */
export const shareBodySchema = z.object({ email: fields.email });
/** POST /api/project-sheets/:id/comments: on the sheet (subject + text) or under a post-it (`postitId`, text). */
export const commentBodySchema = z
  .object({
    postitId: fields.id.nullish().transform((v) => v ?? null),
    subject: optionalText(200),
    body: z.string().trim().min(1, 'Écrivez votre commentaire.').max(10_000),
  })
  .refine((c) => c.postitId !== null || c.subject !== null, { message: 'Donnez un objet à votre commentaire.', path: ['subject'] });
/** Route params with the sub-resource's id. */
export const sheetChildParams = z.object({ id: fields.id, childId: fields.id });

/** One field that changed since a visit. */
export interface SheetChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** A project sheet as its readers see it. */
export interface ProjectSheet {
  id: number;
  owner: Person;
  title: string;
  summary: string;
  stage: ProjectStage;
  sectorId: number | null;
  sectorName: string | null;
  departmentCode: string | null;
  communeCode: string | null;
  communeName: string | null;
  projectSize: SheetProjectSize | null;
  legalForm: string | null;
  needs: ProjectNeed[];
  description: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** `owner`: the creator; `professional`: someone they shared it with. */
  myRole: 'owner' | 'professional';
  /** For a professional: what changed since their last visit (empty on the first one: `firstVisit`). */
  changes: SheetChange[];
  firstVisit: boolean;
  lastVisitAt: string | null;
  /** Contributions (comments, replies) since my last visit, by others. */
  unread: number;
}

/** One line of « Mes projets » or « Mes accompagnements ». */
export interface ProjectSheetSummary {
  id: number;
  title: string;
  stage: ProjectStage;
  owner: Person;
  updatedAt: string;
  version: number;
  /** Contributions by others since my last visit. */
  unread: number;
  /** For a professional: the sheet changed since their last visit. */
  changed: boolean;
}

export interface ProjectSheetList {
  items: ProjectSheetSummary[];
}

/** A post-it. */
export interface Postit {
  id: number;
  sheetId: number;
  block: CanvasBlock;
  position: number;
  text: string;
  color: PostitColor;
  /** How many comments its thread holds. */
  commentCount: number;
  updatedAt: string;
}

/** GET /api/project-sheets/:id/canvas and the `sheet:canvas` event. */
export interface Canvas {
  sheetId: number;
  postits: Postit[];
}

/** A comment on a sheet or under a post-it. */
export interface SheetComment {
  id: number;
  sheetId: number;
  postitId: number | null;
  author: Person | null;
  subject: string | null;
  body: string;
  createdAt: string;
}

export interface SheetCommentList {
  items: SheetComment[];
}

/** Someone a sheet is shared with. `status`: `active` (a validated professional's account) or `invited` (no such account yet). */
export interface SheetShare {
  id: number;
  email: string;
  person: Person | null;
  status: 'active' | 'invited';
  createdAt: string;
}

export interface SheetShareList {
  items: SheetShare[];
}

/** A file attached to a sheet. */
export interface SheetFile {
  id: number;
  filename: string;
  mimeType: string;
  size: number;
  createdAt: string;
  downloadUrl: string;
}

export interface SheetFileList {
  items: SheetFile[];
}

/** Client → server events of project sheets. */
export const sheetClientSchemas = {
  /** Follow a sheet live (its canvas, comments, changes): the socket joins the sheet's room if I may see it. */
  'sheet:watch': z.object({ sheetId: fields.id }),
  'sheet:unwatch': z.object({ sheetId: fields.id }),
};

export interface SheetAcks {
  'sheet:watch': {};
  'sheet:unwatch': {};
}

/** Server → client events of project sheets (to the sheet's room; `sheet:revoked` to the person). */
export interface SheetServerEvents {
  'sheet:canvas': Canvas;
  'sheet:comment': SheetComment;
  'sheet:updated': { sheetId: number; version: number };
  'sheet:revoked': { sheetId: number };
}

/** Error codes of project sheets. */
export type ProjectSheetErrorCode = 'not_a_creator' | 'already_shared' | 'cannot_share_with_self' | 'canvas_full' | 'too_many_files';
