/** <mai-resource-applications-page> (/admin/applications): the applications and products resources are about; admins add and rename them. */
import type { ResourceApplication } from '../../../server/protocol/index.js';
import { NamedListPage, type NamedListSetup } from '../shared/named-list-page.js';

export class MaiResourceApplicationsPage extends NamedListPage<ResourceApplication> {
  protected readonly setup: NamedListSetup<ResourceApplication> = {
    idPrefix: 'application',
    title: 'Applications et produits des ressources',
    nameOf: (a) => a.name,
    field: 'name',
    sorted: true,
    words: {
      missing: 'Saisissez le nom de l’application.',
      none: 'Aucune application pour l’instant.',
      addLabel: 'Nouvelle application',
      addButton: 'Ajouter l’application',
      added: (n) => `L’application « ${n} » est ajoutée.`,
      renamed: (n) => `L’application s’appelle désormais « ${n} ».`,
    },
    load: async (api) => (await api.resources.applications()).items,
    add: (api, name) => api.resources.addApplication(name),
    rename: (api, id, name) => api.resources.renameApplication(id, name),
  };
}

customElements.define('mai-resource-applications-page', MaiResourceApplicationsPage);
