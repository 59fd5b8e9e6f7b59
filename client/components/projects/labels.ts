/** The French labels of project sheets (the server's lists in server/protocol/project-sheets.ts, repeated: the client imports types only). */
import type { CanvasBlock, PostitColor, ProjectNeed, SheetProjectSize, ProjectStage } from '../../../server/protocol/index.js';

export const STAGES: { value: ProjectStage; label: string }[] = [
  { value: 'idee', label: 'Idée' },
  { value: 'etude', label: 'Étude' },
  { value: 'creation', label: 'Création' },
  { value: 'developpement', label: 'Développement' },
];
export const NEEDS: { value: ProjectNeed; label: string }[] = [
  { value: 'financement', label: 'Financement' },
  { value: 'local', label: 'Local' },
  { value: 'formation', label: 'Formation' },
  { value: 'reseau', label: 'Réseau' },
  { value: 'juridique', label: 'Conseil juridique' },
  { value: 'commercial', label: 'Développement commercial' },
  { value: 'recrutement', label: 'Recrutement' },
];
export const SIZES: { value: SheetProjectSize; label: string }[] = [
  { value: 'solo', label: 'Seul(e)' },
  { value: 'petite', label: '2 à 5 personnes' },
  { value: 'moyenne', label: 'Plus de 5 personnes' },
];
export const BLOCKS: { value: CanvasBlock; label: string; hint: string }[] = [
  { value: 'partenaires', label: 'Partenaires clés', hint: 'Qui vous aide : fournisseurs, alliés.' },
  { value: 'activites', label: 'Activités clés', hint: 'Ce que vous faites au quotidien.' },
  { value: 'ressources', label: 'Ressources clés', hint: 'Ce qu’il vous faut : local, matériel, compétences.' },
  { value: 'proposition', label: 'Proposition de valeur', hint: 'Ce que vous apportez à vos clients.' },
  { value: 'relation', label: 'Relation client', hint: 'Comment vous gardez le lien.' },
  { value: 'canaux', label: 'Canaux', hint: 'Comment vos clients vous trouvent et achètent.' },
  { value: 'segments', label: 'Segments de clientèle', hint: 'Pour qui vous travaillez.' },
  { value: 'couts', label: 'Structure de coûts', hint: 'Ce que cela coûte.' },
  { value: 'revenus', label: 'Sources de revenus', hint: 'Comment vous gagnez de l’argent.' },
];
export const COLORS: { value: PostitColor; label: string }[] = [
  { value: 'jaune', label: 'Jaune' },
  { value: 'vert', label: 'Vert' },
  { value: 'bleu', label: 'Bleu' },
  { value: 'rose', label: 'Rose' },
];

export const labelOf = (list: readonly { value: string; label: string }[], v: string | null | undefined) =>
  list.find((x) => x.value === v)?.label ?? '';
