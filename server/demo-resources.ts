/** A few resources in the demo's library: public and members-only links, about two applications, one waiting for moderation. */
import type { Deps } from './deps';
import { findUserByUsername } from './db/users';
import { insertApplication } from './db/resource-applications';
import { createResource } from './services/resources/resources';
import type { ResourceInput } from './protocol/resources';

const base = () => ({
  themes: [] as ResourceInput['themes'],
  departmentCodes: [] as string[],
  sectorIds: [] as number[],
  groupId: null,
  applicationId: null,
  submit: true,
});

export async function seedDemoResources(deps: Deps): Promise<void> {
  const admin = await findUserByUsername(deps.db, 'admin');
  const member = await findUserByUsername(deps.db, 'julie.petit');
  if (!admin || !member) return;
  const etatCivil = await insertApplication(deps.db, 'Logiciel État civil');
  const pix = await insertApplication(deps.db, 'Pix');
  const resources: [typeof admin, ResourceInput][] = [
    [
      admin,
      {
        ...base(),
        title: 'Fiche atelier : créer son adresse e-mail',
        description: 'Déroulé d’un atelier d’une heure pour créer et sécuriser une boîte aux lettres électronique.',
        type: 'fiche_atelier',
        format: 'link',
        url: 'https://www.cnil.fr/fr/securite-creer-un-mot-de-passe-robuste',
        access: 'public',
        themes: ['email', 'security'],
        departmentCodes: ['35'],
      },
    ],
    [
      admin,
      {
        ...base(),
        title: 'Tutoriel vidéo : se connecter avec FranceConnect',
        description: 'Trois minutes pour montrer FranceConnect à un usager.',
        type: 'tutoriel',
        format: 'video',
        url: 'https://franceconnect.gouv.fr/',
        access: 'public',
        themes: ['online_procedure'],
      },
    ],
    [
      admin,
      {
        ...base(),
        title: 'Notice technique : mise à jour 4.2 du logiciel État civil',
        description: 'Les nouveautés de la version 4.2 et la marche à suivre pour l’installer.',
        type: 'mise_a_jour',
        format: 'link',
        url: 'https://www.service-public.fr/',
        access: 'pro',
        applicationId: etatCivil.id,
      },
    ],
    [
      admin,
      {
        ...base(),
        title: 'Guide : évaluer les compétences numériques avec Pix',
        description: 'Utiliser Pix Orga pour suivre un groupe d’usagers.',
        type: 'guide',
        format: 'link',
        url: 'https://pix.fr/',
        access: 'pro',
        applicationId: pix.id,
        themes: ['diagnosis'],
      },
    ],
    [
      member,
      {
        ...base(),
        title: 'Outil : grille de diagnostic numérique',
        description: 'Une grille simple pour repérer les besoins d’un usager au premier rendez-vous.',
        type: 'outil',
        format: 'link',
        url: 'https://aidantsconnect.beta.gouv.fr/',
        access: 'pro',
        themes: ['diagnosis'],
      },
    ],
  ];
  for (const [author, input] of resources) await createResource(deps, author, input, null);
}
