/** <mai-interest-themes-page> (/admin/centres-d-interet): the theme list members choose from; admins add, rename and delete. */
import type { InterestTheme } from '../../api/newsletters.js';
import { NamedListPage, type NamedListSetup } from '../shared/named-list-page.js';

export class MaiInterestThemesPage extends NamedListPage<InterestTheme> {
  protected readonly setup: NamedListSetup<InterestTheme> = {
    idPrefix: 'theme',
    title: 'Centres d’intérêt',
    intro:
      'Les membres choisissent leurs centres d’intérêt dans cette liste, à l’inscription et dans leur profil ; les lettres d’information sont envoyées aux abonnés d’un ou plusieurs de ces thèmes.',
    nameOf: (t) => t.label,
    field: 'label',
    words: {
      missing: 'Saisissez le nom du thème (2 caractères au moins).',
      none: 'Aucun thème pour l’instant.',
      addLabel: 'Nouveau thème',
      addButton: 'Ajouter le thème',
      added: (n) => `Le thème « ${n} » est ajouté.`,
      renamed: (n) => `Le thème s’appelle désormais « ${n} ».`,
      removed: (n) => `Le thème « ${n} » est supprimé.`,
    },
    load: async (api) => (await api.interests.themes()).items,
    add: (api, label) => api.interests.addTheme(label),
    rename: (api, id, label) => api.interests.renameTheme(id, label),
    remove: {
      confirm: (n) => ({
        title: `Supprimer le thème « ${n} » ?`,
        body: 'Les membres qui l’avaient choisi le perdent, ainsi que leur abonnement à sa lettre d’information.',
        confirmLabel: 'Supprimer le thème',
      }),
      run: (api, id) => api.interests.deleteTheme(id),
    },
  };
}

customElements.define('mai-interest-themes-page', MaiInterestThemesPage);
