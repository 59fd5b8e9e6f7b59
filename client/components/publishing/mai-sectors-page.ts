/** <mai-sectors-page> (/admin/secteurs): the sectors contents are sorted by; admins add and rename them. */
import type { Sector } from '../../../server/protocol/index.js';
import { NamedListPage, type NamedListSetup } from '../shared/named-list-page.js';

export class MaiSectorsPage extends NamedListPage<Sector> {
  protected readonly setup: NamedListSetup<Sector> = {
    idPrefix: 'sector',
    title: 'Secteurs des contenus',
    nameOf: (s) => s.name,
    field: 'name',
    sorted: true,
    words: {
      missing: 'Saisissez le nom du secteur.',
      none: 'Aucun secteur pour l’instant.',
      addLabel: 'Nouveau secteur',
      addButton: 'Ajouter le secteur',
      added: (n) => `Le secteur « ${n} » est ajouté.`,
      renamed: (n) => `Le secteur s’appelle désormais « ${n} ».`,
    },
    load: async (api) => (await api.articles.sectors()).items,
    add: (api, name) => api.articles.addSector(name),
    rename: (api, id, name) => api.articles.renameSector(id, name),
  };
}

customElements.define('mai-sectors-page', MaiSectorsPage);
