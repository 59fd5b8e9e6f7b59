/**
 * Search: `messages` chat messages over the départemental, national and
 * thematic channels of `users` members, and `posts` posts in `groups` groups,
 * written with French words drawn on a Zipf curve (a few very common words,
 * a long tail of rare ones). Then, in process against the service (the HTTP
 * layer adds the same small cost to every route), searches by random members
 * — one common word, one mid word, two words, a rare word, a word with
 * `de:@nom` — page of messages and overview of every type, while messages
 * keep arriving through the real group-commit writer at `rate` per second.
 */
import crypto from 'node:crypto';
import pino from 'pino';
import { createScratchDb, bulkInsert, seedUsers, seedChannel, type BenchUser } from '../lib/db';
import { Hist } from '../lib/hist';
import { log } from '../lib/proc';
import { isPostgres, type Db } from '../../server/database';
import type { UserRow } from '../../server/db/users';
import { MessageWriter } from '../../server/services/chat/message-writer';
import { sendMessage } from '../../server/services/chat/messages';
import { searchOneType, searchOverview } from '../../server/services/search/search';
import { searchQuerySchema } from '../../server/protocol/search';

export interface SearchOptions {
  messages: number;
  posts: number;
  users: number;
  thematic: number;
  groups: number;
  runs: number;
  rate: number;
}

/** The figures: 1 000 000 messages and 100 000 posts, searched while messages arrive at 200/s. */
export const searchDefaults: SearchOptions = {
  messages: 1_000_000,
  posts: 100_000,
  users: 2000,
  thematic: 40,
  groups: 200,
  runs: 300,
  rate: 200,
};

const WORDS = (
  'bonjour merci réunion atelier demain semaine dossier mairie école formation numérique usager accompagnement ' +
  'démarche impôts caf retraite santé ordinateur tablette téléphone imprimante courriel compte identifiant mot passe ' +
  'connexion site plateforme rendez-vous permanence médiathèque bibliothèque tiers-lieu association centre social ' +
  'conseiller conseillère animateur partenaire collègue équipe projet budget subvention convention bilan rapport ' +
  'statistiques inscription public seniors jeunes familles demandeurs emploi bénévoles élus secrétaire directeur ' +
  'question réponse problème solution idée proposition besoin aide question urgent important rappel information ' +
  'document fichier tableur présentation support fiche tutoriel guide notice vidéo lien photo affiche flyer ' +
  'lundi mardi mercredi jeudi vendredi matin après-midi soir janvier février mars avril mai juin septembre octobre ' +
  'novembre décembre date horaire salle locaux accueil bureau ville commune département région préfecture ' +
  'sécurité sauvegarde arnaque hameçonnage virus antivirus logiciel application smartphone installation mise jour ' +
  'wifi réseau box fibre débit panne réparation matériel prêt don recyclage reconditionné achat devis commande ' +
  'franceconnect ameli ants carte grise permis passeport titre séjour pôle france travail chômage allocation ' +
  'logement loyer énergie facture banque paiement virement chèque démarches administratives dématérialisation ' +
  'inclusion illettrisme fracture exclusion autonomie parcours diagnostic évaluation compétences pix certification ' +
  'webinaire visio lien zoom teams jitsi enregistrement replay diaporama compte-rendu ordre jour relevé décisions ' +
  'éléphant girafe voilà super parfait génial dommage désolé excusez absent congés malade retard annulé reporté ' +
  'confirmé complet places liste attente covoiturage train parking déjeuner café pause'
).split(/\s+/);

/** Zipf over the vocabulary: word i comes with weight 1/(i+1). */
const weights = WORDS.map((_, i) => 1 / (i + 1));
const total = weights.reduce((a, b) => a + b, 0);
const cumulative = weights.map(
  (
    (sum) => (w) =>
      (sum += w / total)
  )(0),
);
function zipfWord(): string {
  const r = Math.random();
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < r) lo = mid + 1;
    else hi = mid;
  }
  return WORDS[lo]!;
}
const SYLLABLES = ['ka', 'ro', 'mi', 'tu', 'ne', 'sa', 'lo', 'vi', 'pe', 'du', 'gar', 'bel', 'tor', 'quin', 'zé', 'fon'];
/** A rare made-up word (about 65 000 of them). */
const rareWord = () => Array.from({ length: 4 }, () => SYLLABLES[Math.floor(Math.random() * SYLLABLES.length)]).join('');
function sentence(n: number): string {
  const words = Array.from({ length: n }, zipfWord);
  if (Math.random() < 0.3) words.push(rareWord());
  return `${words.join(' ')}.`;
}
const pick = <T>(a: readonly T[]) => a[Math.floor(Math.random() * a.length)]!;

export async function seed(db: Db, o: SearchOptions) {
  const users = await seedUsers(db, 'srch', o.users);
  const channels = (await db('channels').whereIn('kind', ['national', 'departmental']).select('id', 'slug')) as {
    id: number;
    slug: string;
  }[];
  const thematic: number[] = [];
  for (let i = 0; i < o.thematic; i++) {
    const members = Array.from({ length: Math.min(o.users, 150) }, () => pick(users).id);
    thematic.push(await seedChannel(db, `banc-recherche-${i}`, [...new Set(members)]));
  }
  const general = channels.find((c) => c.slug === 'general')!.id;
  const deps = channels.filter((c) => c.slug.startsWith('dep-')).map((c) => c.id);
  // 30 % in the national channel, 50 % départemental, 20 % thematic; times spread over two years, growing with ids.
  const seq = new Map<number, number>();
  const start = Date.now() - 730 * 86_400_000;
  const step = (730 * 86_400_000) / Math.max(1, o.messages);
  const t0 = Date.now();
  const BATCH = 20_000;
  for (let done = 0; done < o.messages; done += BATCH) {
    const rows: Record<string, unknown>[] = [];
    for (let i = done; i < Math.min(o.messages, done + BATCH); i++) {
      const r = Math.random();
      const channel = r < 0.3 ? general : r < 0.8 ? pick(deps) : pick(thematic);
      const s = (seq.get(channel) ?? 0) + 1;
      seq.set(channel, s);
      rows.push({
        channel_id: channel,
        seq: s,
        author_id: pick(users).id,
        client_msg_id: `seed-${i}`,
        body: sentence(6 + Math.floor(Math.random() * 14)),
        created_at: new Date(start + i * step),
      });
    }
    await bulkInsert(db, 'messages', rows);
    if ((done / BATCH) % 10 === 0) log(`search: ${done + rows.length} messages seeded (${Math.round((Date.now() - t0) / 1000)} s)`);
  }
  for (const [id, last] of seq) await db('channels').where({ id }).update({ last_seq: last });
  const groups: { id: number; members: number[] }[] = [];
  const now = new Date();
  for (let g = 0; g < o.groups; g++) {
    const [row] = await db('groups')
      .insert({
        name: `Groupe banc ${g}`,
        slug: `groupe-banc-${g}`,
        description: sentence(8),
        visibility: g % 3 ? 'public' : 'private',
        created_at: now,
        updated_at: now,
      })
      .returning('id');
    const id = Number(typeof row === 'object' ? row.id : row);
    const members = [...new Set(Array.from({ length: 40 }, () => pick(users).id))];
    await bulkInsert(
      db,
      'group_members',
      members.map((user_id) => ({ group_id: id, user_id, role: 'member', status: 'member', joined_at: now, created_at: now })),
    );
    groups.push({ id, members });
  }
  const firstPost = Number(((await db('posts').max({ m: 'id' }).first()) as { m: number | null }).m ?? 0) + 1;
  for (let done = 0; done < o.posts; done += BATCH) {
    const rows: Record<string, unknown>[] = [];
    const audience: Record<string, unknown>[] = [];
    for (let i = done; i < Math.min(o.posts, done + BATCH); i++) {
      const g = pick(groups);
      rows.push({
        id: firstPost + i,
        group_id: g.id,
        author_id: pick(g.members),
        kind: 'article',
        title: sentence(5),
        body: sentence(40),
        created_at: new Date(start + (i * 730 * 86_400_000) / o.posts),
      });
      audience.push({ post_id: firstPost + i, group_id: g.id });
    }
    await bulkInsert(db, 'posts', rows);
    await bulkInsert(db, 'post_audience', audience);
  }
  if (isPostgres(db)) await db.raw("SELECT setval('posts_id_seq', (SELECT max(id) FROM posts))");
  log(`search: seeded in ${Math.round((Date.now() - t0) / 1000)} s`);
  await db.raw(isPostgres(db) ? 'vacuum analyze' : 'analyze');
  return users;
}

/** The query kinds measured, each a text to search. */
const QUERIES: Record<string, (u: BenchUser, users: BenchUser[]) => string> = {
  commonWord: () => WORDS[Math.floor(Math.random() * 10)]!,
  midWord: () => WORDS[50 + Math.floor(Math.random() * 100)]!,
  twoWords: () => `${WORDS[Math.floor(Math.random() * 40)]} ${WORDS[40 + Math.floor(Math.random() * 200)]}`,
  rareWord: () => rareWord(),
  fromSomeone: (_u, users) => `de:@srch${Math.floor(Math.random() * users.length)} ${WORDS[Math.floor(Math.random() * 30)]}`,
};

export async function searchBench(o: SearchOptions) {
  const scratch = await createScratchDb('search');
  const db = scratch.open();
  try {
    const t0 = Date.now();
    const users = await seed(db, o);
    const seedSeconds = Math.round((Date.now() - t0) / 1000);
    const actor = (u: BenchUser) =>
      ({
        id: u.id,
        role: 'member',
        status: 'active',
        chat_only: false,
        username: `u${u.id}`,
        first_name: 'Banc',
        last_name: 'Banc',
      }) as UserRow;
    // Messages arriving at `rate`/s through the real writer (group commit, FTS triggers / GIN index in the same transaction).
    const writer = new MessageWriter(db, pino({ level: 'silent' }));
    const deps = (await db('channels').where('kind', 'departmental').select('id', 'slug')) as { id: number; slug: string }[];
    let sent = 0;
    let failed = 0;
    const tick = 50;
    const perTick = Math.max(1, Math.round((o.rate * tick) / 1000));
    const arrivals = setInterval(() => {
      for (let i = 0; i < perTick; i++) {
        const u = pick(users);
        const channel = deps.find((d) => d.slug === `dep-${u.departmentCode.toLowerCase()}`)!;
        sendMessage(db, writer, actor(u), { channelId: channel.id, body: sentence(10), clientMsgId: crypto.randomUUID() }).then(
          () => sent++,
          () => failed++,
        );
      }
    }, tick);
    const arrivalsStarted = Date.now();
    const results: Record<string, unknown> = {};
    const all = new Hist();
    const overviewAll = new Hist();
    for (const [kind, text] of Object.entries(QUERIES)) {
      const page = new Hist();
      const overview = new Hist();
      let hits = 0;
      for (let i = 0; i < o.runs + 5; i++) {
        const u = pick(users);
        const sort = i % 2 ? 'newest' : 'relevance';
        const q = searchQuerySchema.parse({ q: text(u, users), sort });
        let t = performance.now();
        const r = await searchOneType(db, actor(u), 'messages', q);
        if (i >= 5) {
          page.add(performance.now() - t);
          all.add(performance.now() - t);
          hits += r.items.length;
        }
        if (i % 3 === 0) {
          t = performance.now();
          await searchOverview(db, actor(u), q);
          if (i >= 5) {
            overview.add(performance.now() - t);
            overviewAll.add(performance.now() - t);
          }
        }
      }
      results[kind] = { messagesPage: page.summary(), overview: overview.summary(), meanHits: Math.round((hits / o.runs) * 10) / 10 };
      log(`search: ${kind}: messages p50 ${page.summary().p50} p95 ${page.summary().p95} ms; overview p95 ${overview.summary().p95} ms`);
    }
    clearInterval(arrivals);
    const arrivalSeconds = (Date.now() - arrivalsStarted) / 1000;
    await new Promise((r) => setTimeout(r, 500));
    return {
      database: scratch.kind,
      seedSeconds,
      messagesPage: all.summary(),
      overview: overviewAll.summary(),
      byQuery: results,
      arrivals: { targetPerSecond: o.rate, achievedPerSecond: Math.round(sent / arrivalSeconds), failed },
    };
  } finally {
    await db.destroy();
    await scratch.drop();
  }
}
