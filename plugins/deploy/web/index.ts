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
      loadComponent: () => import('./deploy.section').then((m) => m.DeploySection),
      children: [
        { path: '', pathMatch: 'full', redirectTo: 'packages' },
        { path: 'packages', title: 'deploy.packages.title', loadComponent: () => import('./packages/packages.page').then((m) => m.PackagesPage) },
        { path: 'mirrors', title: 'deploy.mirrors.title', loadComponent: () => import('./mirrors/mirrors.page').then((m) => m.MirrorsPage) },
        {
          path: 'interaction-templates',
          title: 'deploy.templates.title',
          loadComponent: () => import('./templates/templates.page').then((m) => m.TemplatesPage),
        },
      ],
    },
    { path: 'packages/:id', title: 'deploy.package.title', loadComponent: () => import('./packages/package.page').then((m) => m.PackagePage) },
    // The draft (created from the latest revision when there is none), then any revision, read-only unless a draft.
    { path: 'packages/:id/draft', title: 'deploy.editor.title', loadComponent: () => import('./editor/revision.page').then((m) => m.RevisionPage) },
    { path: 'packages/:id/revisions/:number', title: 'deploy.editor.title', loadComponent: () => import('./editor/revision.page').then((m) => m.RevisionPage) },
  ],
  translations: { en, fr },
} satisfies WebPlugin;
