import type { Deps } from './deps';
import type { UserRow } from './db/users';
import { findUserByUsername } from './db/users';
import { findGroupBySlug } from './db/groups';
import { optionsOf } from './db/polls';
import { createPost } from './services/groups/posts';
import { vote } from './services/polls/polls';
import { decide, propose, voteSuggestion } from './services/suggestions/suggestions';

/** A poll under way in the network's open group, and a few suggestions (one already planned), written through the services. */
export async function seedDemoPolls(deps: Deps): Promise<void> {
  const db = deps.db;
  const u = async (username: string) => (await findUserByUsername(db, username)) as UserRow;
  const [admin, claire, julie, thomas, sophie, karim] = await Promise.all(
    ['admin', 'claire.martin', 'julie.petit', 'thomas.moreau', 'sophie.lefebvre', 'karim.benali'].map(u),
  );
  const network = await findGroupBySlug(db, 'reseau-des-conseillers-numeriques');
  if (network && claire) {
    const { post } = await createPost(db, claire, network.id, {
      kind: 'poll',
      title: 'Quel créneau pour la prochaine visio du réseau ?',
      body: 'Une heure, une fois par mois. Plusieurs réponses possibles.',
      linkUrl: null,
      poll: {
        options: ['Mardi 12 h', 'Jeudi 14 h', 'Vendredi 10 h'],
        multiple: true,
        anonymous: false,
        resultsVisibility: 'after_vote',
        closesAt: new Date(Date.now() + 14 * 86_400_000),
      },
    });
    const [tue, thu] = await optionsOf(db, post.id);
    if (julie && tue) await vote(db, julie, post.id, [tue.id]);
    if (thomas && thu && tue) await vote(db, thomas, post.id, [tue.id, thu.id]);
  }
  if (!julie || !sophie || !thomas || !karim || !admin) return;
  const agenda = await propose(db, julie, {
    title: 'Un agenda commun à tous les départements',
    body: 'Voir d’un coup d’œil les permanences et ateliers des autres départements, pour orienter les usagers.',
  });
  const dark = await propose(db, thomas, { title: 'Un mode sombre', body: 'Pour les permanences du soir.' });
  await propose(db, sophie, {
    title: 'Des modèles de fiches pratiques',
    body: 'Une trame commune pour les fiches (démarche, pièces à fournir, pièges) que chacun complète.',
  });
  for (const voter of [sophie, thomas, karim]) await voteSuggestion(db, voter, agenda.id, true);
  await voteSuggestion(db, karim, dark.id, true);
  await decide(db, admin, agenda.id, { status: 'planned', reason: 'Prévu au premier trimestre, avec la vue « Agenda du réseau ».' });
}
