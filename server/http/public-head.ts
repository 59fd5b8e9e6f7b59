/** The <title> and <meta> of the public pages of published contents (the public homes, a public article, a public resource). */
import type { Deps } from '../deps';
import { readArticle } from '../services/publishing/articles';
import { readPublicEvent } from '../services/agenda/public-events';
import { readResource } from '../services/resources/resources';
import type { PageHead } from './static';

const HOME: PageHead = {
  title: 'Actualités — Maillage',
  description: 'Articles publiés par le réseau Maillage des professionnels du service public.',
};

const EVENTS: PageHead = {
  title: 'Événements — Maillage',
  description: 'Ateliers, réunions d’information, formations et webinaires ouverts à tous.',
};

const LIBRARY: PageHead = {
  title: 'Ressources — Maillage',
  description: 'Fiches atelier, tutoriels, outils et guides partagés par le réseau Maillage.',
};

/** A resource's page: its head if it is public, the library's generic one (not indexed) otherwise. */
async function resourceHead(deps: Deps, path: string): Promise<PageHead | null> {
  if (path === '/ressources' || path === '/ressources/') return { ...LIBRARY, url: `${deps.config.publicUrl}/ressources` };
  const m = /^\/ressources\/(\d{1,9})\/?$/.exec(path);
  if (!m) return null;
  try {
    const r = await readResource(deps, null, Number(m[1]));
    return {
      title: `${r.title} — Maillage`,
      description: r.description.length > 300 ? `${r.description.slice(0, 297)}…` : r.description,
      type: 'article',
      url: `${deps.config.publicUrl}/ressources/${r.id}`,
    };
  } catch {
    return { ...LIBRARY, noindex: true };
  }
}

export function publicHead(deps: Deps): (path: string) => Promise<PageHead | null> {
  /** A public event's head; anything else (pro, unknown, unpublished) gets the same generic, unindexed one. */
  const eventHead = async (id: number): Promise<PageHead> => {
    try {
      const e = await readPublicEvent(deps.db, id);
      const when = e.sessions[0]
        ? new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long' }).format(new Date(e.sessions[0].startsAt))
        : '';
      const where = e.commune?.name ?? (e.videoUrl ? 'en ligne' : '');
      return {
        title: `${e.title} — Maillage`,
        description: [when, where, e.description?.slice(0, 200)].filter(Boolean).join(' — '),
        type: 'article',
        url: `${deps.config.publicUrl}/evenements-publics/${e.id}`,
        image: e.image ? `${deps.config.publicUrl}${e.image.url}` : undefined,
      };
    } catch {
      return { ...EVENTS, noindex: true };
    }
  };
  return async (path) => {
    if (path.startsWith('/ressources')) return resourceHead(deps, path);
    if (path === '/actualites' || path === '/actualites/') return { ...HOME, url: `${deps.config.publicUrl}/actualites` };
    if (path === '/evenements-publics' || path === '/evenements-publics/')
      return { ...EVENTS, url: `${deps.config.publicUrl}/evenements-publics` };
    const ev = /^\/evenements-publics\/(\d{1,9})\/?$/.exec(path);
    if (ev) return eventHead(Number(ev[1]));
    const m = /^\/actualites\/(\d{1,9})\/?$/.exec(path);
    if (!m) return null;
    try {
      const a = await readArticle(deps, null, Number(m[1]));
      return {
        title: `${a.title} — Maillage`,
        description: a.summary,
        type: 'article',
        url: `${deps.config.publicUrl}/actualites/${a.id}`,
        image: a.imageUrl ? `${deps.config.publicUrl}${a.imageUrl}` : undefined,
        imageAlt: a.imageAlt ?? undefined,
      };
    } catch {
      // Members-only or unknown: the same generic head either way (nothing tells one from the other).
      return { ...HOME, noindex: true };
    }
  };
}
