import type { WebPlugin } from '@parc/web-sdk';
import { en } from './i18n/en';
import { fr } from './i18n/fr';

/**
 * The deploy plugin's web part: its pages live under /deploy (the server's manifest adds the menu entry).
 * Only types come from the SDK here: this file is in the initial bundle, the pages are lazy.
 */
export default {
  name: 'deploy',
  routes: [
    {
      path: '',
      title: 'deploy.title',
      loadComponent: () => import('./deploy.page').then((m) => m.DeployPage),
    },
  ],
  translations: { en, fr },
} satisfies WebPlugin;
