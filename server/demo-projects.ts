/**
 * A créateur's project for the demo: Inès (ines@demo.maillage.fr) keeps the
 * sheet « Épicerie vrac à Bordeaux » with a few post-its, shared with Sophie,
 * made a validated professional, who left a comment — so each side has
 * something to see (Mes projets / Mes accompagnements).
 */
import type { Deps } from './deps';
import { findUserByUsername, insertUser } from './db/users';
import { syncAutoMemberships } from './services/chat/channels';
import { createSheet } from './services/project-sheets/sheets';
import { addPostit } from './services/project-sheets/canvas';
import { shareSheet } from './services/project-sheets/sharing';
import { addComment } from './services/project-sheets/comments';

export async function seedDemoProjects(deps: Deps, passwordHash: string): Promise<void> {
  const db = deps.db;
  const sophie = await findUserByUsername(db, 'sophie.lefebvre');
  if (!sophie) return;
  await db('users').where({ id: sophie.id }).update({ account_type: 'professionnel' });
  const ines = await insertUser(db, {
    email: 'ines@demo.maillage.fr',
    username: 'ines.durand',
    password_hash: passwordHash,
    civility: null,
    first_name: 'Inès',
    last_name: 'Durand',
    department_code: '33',
    phone: null,
    employer: null,
    job_title: 'Créatrice d’entreprise',
    city: 'Bordeaux',
    role: 'member',
    chat_only: false,
    status: 'active',
    terms_accepted_at: new Date(),
  });
  await db('users').where({ id: ines.id }).update({ account_type: 'createur' });
  await syncAutoMemberships(db, ines);
  const creator = { ...ines, account_type: 'createur' };
  const sheet = await createSheet(db, creator, {
    title: 'Épicerie vrac à Bordeaux',
    summary: 'Une épicerie de produits locaux, sans emballage, dans le quartier Saint-Michel.',
    stage: 'etude',
    sectorId: null,
    departmentCode: '33',
    communeCode: '33063',
    projectSize: 'solo',
    legalForm: 'SAS',
    needs: ['financement', 'local'],
    description: 'Ouverture visée au printemps. Étude de marché en cours auprès des familles du quartier.',
  });
  for (const [block, text] of [
    ['segments', 'Familles du quartier'],
    ['proposition', 'Produits locaux sans emballage'],
    ['canaux', 'Marché du dimanche'],
    ['couts', 'Loyer du local'],
  ] as const)
    await addPostit(db, sheet.id, { block, text, color: 'jaune' });
  // Demo people have no real mailbox: nothing is mailed while seeding.
  const quiet: Deps = { ...deps, mailer: { send: async () => true } };
  await shareSheet(quiet, creator, sheet, sophie.email);
  const pro = { ...sophie, account_type: 'professionnel' };
  await addComment(quiet, pro, sheet, {
    postitId: null,
    subject: 'Prévisionnel',
    body: 'Bonjour Inès, pensez à chiffrer le loyer sur douze mois dans le prévisionnel.',
  });
}
