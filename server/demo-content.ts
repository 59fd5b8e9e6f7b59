import type { Deps } from './deps';
import type { UserRow } from './db/users';
import { findUserByUsername } from './db/users';
import { findChannelBySlug } from './db/channels';
import { createGroup } from './services/groups/groups';
import { joinGroup } from './services/groups/membership';
import { createPost } from './services/groups/posts';
import { setCommunityFlag } from './services/communities/home';
import { addGroupLink } from './services/communities/links';
import { sendMessage } from './services/chat/messages';
import { setPinned } from './services/chat/messages';
import { joinChannel } from './services/chat/channels';
import { MessageWriter } from './services/chat/message-writer';
import { createWorkshop } from './services/agenda/event-content';

/**
 * What a demo network looks like after a few weeks: groups of each kind with
 * posts, conversations in the national, départemental and thematic channels,
 * and a pinned announcement. Written through the services, like real use.
 */
export async function seedDemoContent(deps: Deps): Promise<void> {
  const db = deps.db;
  const u = async (username: string) => (await findUserByUsername(db, username)) as UserRow;
  const [admin, claire, karim, julie, thomas, sophie] = await Promise.all(
    ['admin', 'claire.martin', 'karim.benali', 'julie.petit', 'thomas.moreau', 'sophie.lefebvre'].map(u),
  );
  const writer = new MessageWriter(db, deps.log);
  let n = 0;
  const say = async (author: UserRow, slug: string, body: string) => {
    const channel = (await findChannelBySlug(db, slug))!;
    return sendMessage(db, writer, author, { channelId: channel.id, body, clientMsgId: `demo-${++n}` });
  };

  const annonce = await say(
    claire!,
    'annonces',
    '**Webinaire jeudi 14 h** : prise en main de Maillage. Inscriptions dans l’agenda du groupe « Réseau des conseillers numériques ».',
  );
  await setPinned(db, claire!, annonce.message.id, true);
  await say(julie!, 'general', 'Bonjour à toutes et à tous ! Quelqu’un a une fiche pratique sur la création d’un compte Ameli ?');
  await say(sophie!, 'general', '@julie.petit oui, je la dépose dans la banque de documents du groupe « Accès aux droits ».');
  await say(thomas!, 'dep-69', 'Permanence commune à la médiathèque de Vaulx-en-Velin samedi, qui est partant ?');
  await say(julie!, 'dep-69', 'Moi ! Je m’occupe des inscriptions.');
  for (const user of [julie!, thomas!, sophie!]) await joinChannel(db, user, (await findChannelBySlug(db, 'theme-demarches'))!.id);
  await say(sophie!, 'theme-demarches', 'Rappel : la déclaration de revenus en ligne ouvre mi-avril, préparez vos ateliers.');

  const { group: network } = await createGroup(db, claire!, {
    name: 'Réseau des conseillers numériques',
    description: 'Le groupe ouvert de tout le réseau : ressources, questions, événements.',
    visibility: 'public',
  });
  const { group: rights } = await createGroup(db, claire!, {
    name: 'Accès aux droits',
    description: 'Groupe de travail sur l’accompagnement aux démarches sociales. Adhésion sur demande.',
    visibility: 'moderated',
  });
  await createGroup(db, admin!, {
    name: 'Coordination nationale',
    description: 'Groupe privé des animateurs et de la hotline.',
    visibility: 'private',
  });
  for (const user of [julie!, thomas!, sophie!, karim!]) await joinGroup(db, user, network.id, null);
  await joinGroup(db, sophie!, rights.id, 'Je suis agente France Services et j’accompagne beaucoup de démarches CAF.');
  await createPost(db, claire!, network.id, {
    kind: 'article',
    title: 'Bienvenue sur Maillage',
    linkUrl: null,
    body: 'Ce groupe réunit tout le réseau.\n\n- posez vos **questions** ici ;\n- partagez vos *ressources* ;\n- inscrivez-vous aux événements de l’agenda.',
  });
  await createPost(db, julie!, network.id, {
    kind: 'question',
    title: 'Outils pour des ateliers smartphone ?',
    linkUrl: null,
    body: 'Je prépare un cycle d’ateliers « premiers pas sur smartphone » pour des seniors. Quels supports utilisez-vous ?',
  });
  // The network's group is a community: a home with its menu, a group inside it and a useful link.
  await setCommunityFlag(db, claire!, network.id, true);
  await createGroup(db, claire!, {
    name: 'Ateliers seniors',
    description: 'Les conseillers qui animent des ateliers pour les seniors.',
    visibility: 'public',
    parentId: network.id,
  });
  await addGroupLink(db, claire!, network.id, {
    title: 'Les Bases du numérique d’intérêt général',
    url: 'https://lesbases.anct.gouv.fr',
    description: 'Ressources et outils partagés par les acteurs de l’inclusion numérique.',
  });
  // A public workshop on two dates: its page is readable without an account (/evenements-publics).
  const day = (d: number, h: number) =>
    new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + d, h));
  await createWorkshop(db, claire!, {
    groupId: network.id,
    title: 'Atelier « Premiers pas sur smartphone »',
    description: 'Deux heures pour apprendre à se servir de son téléphone : appels, messages, photos, applications utiles.',
    access: 'public',
    placeName: 'Médiathèque Jean Macé',
    street: '2 rue Domer',
    postalCode: '69007',
    communeCode: '69387',
    videoUrl: null,
    contactName: 'Claire Martin',
    contactEmail: 'claire.martin@exemple.fr',
    contactPhone: null,
    contactWebsite: null,
    price: 'gratuit',
    eventType: 'atelier',
    projectSize: null,
    departmentCodes: ['69'],
    sectorIds: [],
    imageAlt: null,
    waitlist: true,
    registrationDeadline: null,
    submit: true,
    sessions: [
      { startsAt: day(7, 13), endsAt: day(7, 15), capacity: 8, prescriptionCapacity: 4 },
      { startsAt: day(14, 13), endsAt: day(14, 15), capacity: 8, prescriptionCapacity: 4 },
    ],
  });
}
