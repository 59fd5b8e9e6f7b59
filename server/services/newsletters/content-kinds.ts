/** The content kinds built in: published articles and resources (public or pro) and coming published events of groups that are not private. */
import {
  articleCardsByIds,
  comingEventCards,
  eventCardsByIds,
  publishedArticleCards,
  publishedResourceCards,
  resourceCardsByIds,
  type ArticleCardRow,
  type EventCardRow,
  type ResourceCardRow,
} from '../../db/newsletter-contents';
import { ms } from '../../presenters/time';
import { registerNewsletterContentKind } from './contents';
import type { NewsletterItem } from '../../protocol/newsletters';

const longDate = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'full' });
const longDateTime = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'full', timeStyle: 'short' });
const asDate = (v: Date | number | string) => new Date(ms(v) ?? 0);
const firstLine = (s: string | null, max = 300) => {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

const article = (r: ArticleCardRow): NewsletterItem => ({
  kind: 'article',
  kindLabel: r.access === 'public' ? 'Article' : 'Article réservé aux membres',
  id: Number(r.id),
  title: r.title,
  summary: firstLine(r.summary),
  when: `Publié le ${longDate.format(asDate(r.published_at))}`,
  href: `/actualites/${r.id}`,
});

const event = (r: EventCardRow): NewsletterItem => ({
  kind: 'event',
  kindLabel: 'Événement',
  id: Number(r.id),
  title: r.title,
  summary: firstLine(
    [r.location ? `Lieu : ${r.location}.` : '', `Groupe « ${r.group_name} ».`, r.description ?? ''].filter(Boolean).join(' '),
  ),
  when: longDateTime.format(asDate(r.starts_at)),
  href: `/evenements/${r.id}`,
});

registerNewsletterContentKind({
  kind: 'article',
  label: 'Article',
  candidates: async (db, text, limit) => (await publishedArticleCards(db, text, limit)).map(article),
  resolve: async (db, ids) => (await articleCardsByIds(db, ids)).map(article),
});

const resource = (r: ResourceCardRow): NewsletterItem => ({
  kind: 'resource',
  kindLabel: r.access === 'public' ? 'Ressource' : 'Ressource réservée aux membres',
  id: Number(r.id),
  title: r.title,
  summary: firstLine(r.description),
  when: `Publiée le ${longDate.format(asDate(r.published_at))}`,
  href: `/ressources/${r.id}`,
});

registerNewsletterContentKind({
  kind: 'resource',
  label: 'Ressource',
  candidates: async (db, text, limit) => (await publishedResourceCards(db, text, limit)).map(resource),
  resolve: async (db, ids) => (await resourceCardsByIds(db, ids)).map(resource),
});

registerNewsletterContentKind({
  kind: 'event',
  label: 'Événement',
  candidates: async (db, text, limit) => (await comingEventCards(db, text, new Date(), limit)).map(event),
  resolve: async (db, ids) => (await eventCardsByIds(db, ids)).map(event),
});
