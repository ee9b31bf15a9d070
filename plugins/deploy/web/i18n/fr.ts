import type { en } from './en';

export const fr: Record<keyof typeof en, string> = {
  'deploy.title': 'Déploiement',
  'deploy.subtitle': 'Paquets logiciels et tâches de déploiement',
  'deploy.comingNext':
    'Les paquets (fichiers, vérifications et actions) et les tâches de déploiement visant des ordinateurs et des groupes arrivent ensuite.',
};
