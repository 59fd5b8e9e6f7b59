import type { Deps } from './deps';
import { findUserByUsername, insertUser, type Role } from './db/users';
import { announceTypeRequest } from './services/accounts/account-types';
import { hashPassword } from './services/accounts/passwords';
import { syncAutoMemberships } from './services/chat/channels';
import { seedDemoContent } from './demo-content';
import { seedDemoReports } from './demo-reports';
import { seedDemoPolls } from './demo-polls';
import { seedDemoFaq } from './demo-help';
import { seedDemoResources } from './demo-resources';
import { seedDemoProjects } from './demo-projects';
import { seedDemoNewsletters } from './demo-newsletters';

/** The demo password of every demo account (listed in the README). */
export const DEMO_PASSWORD = 'Maillage2026!';

const people: {
  email: string;
  username: string;
  first: string;
  last: string;
  dept: string;
  role: Role;
  employer: string;
  job: string;
  city: string;
}[] = [
  {
    email: 'admin@demo.maillage.fr',
    username: 'admin',
    first: 'Anne',
    last: 'Durand',
    dept: '75',
    role: 'admin',
    employer: 'ANCT',
    job: 'Administratrice de la plateforme',
    city: 'Paris',
  },
  {
    email: 'animatrice@demo.maillage.fr',
    username: 'claire.martin',
    first: 'Claire',
    last: 'Martin',
    dept: '69',
    role: 'animator',
    employer: 'ANCT',
    job: 'Animatrice nationale du réseau',
    city: 'Lyon',
  },
  {
    email: 'hotline@demo.maillage.fr',
    username: 'karim.benali',
    first: 'Karim',
    last: 'Benali',
    dept: '33',
    role: 'hotline',
    employer: 'ANCT',
    job: 'Agent de la hotline',
    city: 'Bordeaux',
  },
  {
    email: 'julie@demo.maillage.fr',
    username: 'julie.petit',
    first: 'Julie',
    last: 'Petit',
    dept: '69',
    role: 'member',
    employer: 'Mairie de Villeurbanne',
    job: 'Conseillère numérique',
    city: 'Villeurbanne',
  },
  {
    email: 'nadia@demo.maillage.fr',
    username: 'nadia.rousseau',
    first: 'Nadia',
    last: 'Rousseau',
    dept: '69',
    role: 'member',
    employer: 'Mairie de Villeurbanne',
    job: 'Responsable de l’inclusion numérique',
    city: 'Villeurbanne',
  },
  {
    email: 'hugo@demo.maillage.fr',
    username: 'hugo.bernard',
    first: 'Hugo',
    last: 'Bernard',
    dept: '69',
    role: 'member',
    employer: 'Mairie de Villeurbanne',
    job: 'Conseiller numérique',
    city: 'Villeurbanne',
  },
  {
    email: 'thomas@demo.maillage.fr',
    username: 'thomas.moreau',
    first: 'Thomas',
    last: 'Moreau',
    dept: '69',
    role: 'member',
    employer: 'Métropole de Lyon',
    job: 'Conseiller numérique',
    city: 'Lyon',
  },
  {
    email: 'sophie@demo.maillage.fr',
    username: 'sophie.lefebvre',
    first: 'Sophie',
    last: 'Lefebvre',
    dept: '33',
    role: 'member',
    employer: 'France Services Mérignac',
    job: 'Agente France Services',
    city: 'Mérignac',
  },
  {
    email: 'lucas@demo.maillage.fr',
    username: 'lucas.garcia',
    first: 'Lucas',
    last: 'Garcia',
    dept: '33',
    role: 'member',
    employer: 'CCAS de Pessac',
    job: 'Médiateur numérique',
    city: 'Pessac',
  },
];

/**
 * A small, believable network: members in the Rhône and the Gironde, an animator, a hotline agent, an
 * admin; at the Mairie de Villeurbanne, Nadia manages the team of Julie and Hugo (the team view).
 */
export async function seedDemo(deps: Deps): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const now = new Date();
  for (const p of people) {
    const user = await insertUser(deps.db, {
      email: p.email,
      username: p.username,
      password_hash: hash,
      civility: null,
      first_name: p.first,
      last_name: p.last,
      department_code: p.dept,
      phone: null,
      employer: p.employer,
      job_title: p.job,
      city: p.city,
      role: p.role,
      chat_only: false,
      status: 'active',
      terms_accepted_at: p.role === 'member' && p.username === 'lucas.garcia' ? null : now,
    });
    await syncAutoMemberships(deps.db, user);
  }
  await seedDemoContent(deps);
  await seedDemoPolls(deps);
  await seedDemoFaq(deps.db, (await findUserByUsername(deps.db, 'admin'))!);
  await seedDemoReports(deps.db);
  await seedDemoResources(deps);
  await seedDemoProjects(deps, hash);
  await seedDemoAccountTypes(deps);
  await seedDemoNewsletters(deps);
}

/** Account types (#16): Sophie is a validated professional (the directory says so); Thomas's request waits for the admin. */
async function seedDemoAccountTypes(deps: Deps): Promise<void> {
  const now = new Date();
  await deps.db('users').where({ username: 'sophie.lefebvre' }).update({ account_type: 'professionnel' });
  await deps
    .db('users')
    .where({ username: 'thomas.moreau' })
    .update({ requested_account_type: 'animateur_territorial', account_type_requested_at: now });
  const thomas = await findUserByUsername(deps.db, 'thomas.moreau');
  if (thomas) await announceTypeRequest(deps.db, thomas, 'animateur_territorial');
}
