/**
 * <mai-home-page> (/ when signed in): the "Enregistrer un accompagnement"
 * shortcut, my figures of the month, the pinned announcement, the latest news
 * of my groups and the latest contents (documents, new members).
 */
import { LitElement, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { apiContext, sessionContext } from '../../controllers/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { HomeStore } from '../../state/home-store.js';
import { formatCount } from '../reports/mai-bar-chart.js';
import '../communities/mai-group-suggestions.js';

const frDate = (iso: string) => new Date(iso).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long' });

export class MaiHomePage extends LitElement {
  private api = new ContextConsumer(this, { context: apiContext });
  private session = new StoreController(this, sessionContext);
  private home: StoreController<HomeStore> | null = null;

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.home = new StoreController(this, new HomeStore(this.api.value!));
    void this.home.value!.load(this.session.value?.user?.id ?? 0);
  }

  render() {
    const h = this.home?.value;
    const user = this.session.value?.user;
    if (!h || !user) return nothing;
    const m = h.month;
    return html`<h1 tabindex="-1">Bonjour ${user.firstName}</h1>
      <div class="mai-home">
        ${
          user.chatOnly
            ? nothing
            : html`<section class="mai-home__main" aria-labelledby="home-cra">
          <h2 class="fr-h4" id="home-cra">Mon activité du mois</h2>
          <p><a class="fr-btn fr-btn--lg fr-btn--icon-left fr-icon-add-line" href="/comptes-rendus/nouveau">Enregistrer un accompagnement</a></p>
          ${
            m
              ? html`<div class="mai-stats-figures">
                <div class="mai-stats-figure"><p class="mai-stats-figure__value">${formatCount(m.reports)}</p><p>accompagnements</p></div>
                <div class="mai-stats-figure"><p class="mai-stats-figure__value">${formatCount(m.participants)}</p><p>personnes accompagnées</p></div>
              </div>
              ${m.themes[0] ? html`<p>Thème le plus fréquent : ${m.themes[0].label}.</p>` : nothing}`
              : nothing
          }
          <p><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/statistiques">Mes statistiques</a></p>
          ${
            h.announcement
              ? html`<div class="fr-callout fr-icon-information-line fr-mt-3w">
                <h2 class="fr-callout__title fr-h6">Annonce épinglée</h2>
                <p class="fr-callout__text mai-home__announcement">${h.announcement.body}</p>
                <p class="fr-text--sm mai-muted">${h.announcement.author.displayName}, le ${frDate(h.announcement.createdAt)}</p>
              </div>`
              : nothing
          }
        </section>`
        }
        <section aria-labelledby="home-news">
          <h2 class="fr-h4" id="home-news">Actualités de la communauté</h2>
          ${
            h.news.length
              ? html`<ul class="mai-home__list">${h.news.map(
                  (p) => html`<li><a href="/groupes/${p.groupId}/fil">${p.title}</a>
                <span class="fr-text--sm mai-muted">${p.group.name} · ${p.author.displayName} · ${frDate(p.createdAt)}</span></li>`,
                )}</ul>`
              : html`<p class="mai-muted">${h.loaded ? 'Rien de neuf dans vos groupes.' : 'Chargement…'}</p>`
          }
          <p><a class="fr-link" href="/groupes">Tous mes groupes</a></p>
        </section>
        <section aria-labelledby="home-contents">
          <h2 class="fr-h4" id="home-contents">Derniers contenus</h2>
          <ul class="mai-home__list">
            ${h.documents.map(
              (
                d,
              ) => html`<li><span class="fr-icon-file-line" aria-hidden="true"></span> Document : <a href="/documents/${d.id}">${d.title}</a>
              <span class="fr-text--sm mai-muted">${d.group.name} · ${frDate(d.createdAt)}</span></li>`,
            )}
            ${h.members.map(
              (
                x,
              ) => html`<li><span class="fr-icon-user-add-line" aria-hidden="true"></span> Nouveau membre : <a href="/membres/${x.member.user.id}">${x.member.user.displayName}</a>
              <span class="fr-text--sm mai-muted">${x.group.name} · ${frDate(x.member.joinedAt!)}</span></li>`,
            )}
          </ul>
          ${h.loaded && !h.documents.length && !h.members.length ? html`<p class="mai-muted">Aucun contenu récent.</p>` : nothing}
          <p><a class="fr-link" href="/documents">Tous les documents</a></p>
        </section>
      </div>
      ${user.chatOnly ? nothing : html`<mai-group-suggestions></mai-group-suggestions>`}`;
  }
}

customElements.define('mai-home-page', MaiHomePage);
