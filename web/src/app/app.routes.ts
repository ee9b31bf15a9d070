import type { Route, Routes } from '@angular/router';
import { signedInGuard } from './core/auth/auth.guards';
import type { WebPlugin } from './core/plugins/web-plugin';
import { GENERATED_WEB_PLUGINS } from './plugins.generated';

/** Each plugin's pages live under `/<plugin name>`; its own routes decide what is lazy. */
function pluginRoutes(plugins: readonly WebPlugin[]): Route[] {
  return plugins.map((plugin) => ({ path: plugin.name, children: plugin.routes }));
}

export const routes: Routes = [
  {
    path: 'login',
    title: 'login.title',
    loadComponent: () => import('./core/auth/login/login.page').then((m) => m.LoginPage),
  },
  {
    path: '',
    canActivate: [signedInGuard],
    loadComponent: () => import('./core/shell/shell').then((m) => m.Shell),
    children: [
      { path: '', title: 'home.title', loadComponent: () => import('./features/home/home.page').then((m) => m.HomePage) },
      {
        path: 'entities',
        title: 'entities.title',
        loadComponent: () => import('./features/entities/entities.page').then((m) => m.EntitiesPage),
      },
      { path: 'users', title: 'users.title', loadComponent: () => import('./features/users/users.page').then((m) => m.UsersPage) },
      { path: 'computers', loadChildren: () => import('./features/computers/computers.routes').then((m) => m.COMPUTERS_ROUTES) },
      { path: 'groups', loadChildren: () => import('./features/groups/groups.routes').then((m) => m.GROUPS_ROUTES) },
      { path: 'agents', title: 'agents.title', loadComponent: () => import('./features/agents/agents.page').then((m) => m.AgentsPage) },
      {
        path: 'inventory',
        title: 'inventory.title',
        loadComponent: () => import('./features/inventory/inventory.page').then((m) => m.InventoryPage),
      },
      { path: 'profiles', loadChildren: () => import('./features/profiles/profiles.routes').then((m) => m.PROFILES_ROUTES) },
      { path: 'tokens', title: 'tokens.title', loadComponent: () => import('./features/tokens/tokens.page').then((m) => m.TokensPage) },
      {
        path: 'plugins',
        title: 'plugins.title',
        loadComponent: () => import('./features/plugins/plugins.page').then((m) => m.PluginsPage),
      },
      { path: 'audit', title: 'audit.title', loadComponent: () => import('./features/audit/audit.page').then((m) => m.AuditPage) },
      {
        path: 'system',
        title: 'system.title',
        loadComponent: () => import('./features/system/job-runs.page').then((m) => m.JobRunsPage),
      },
      ...pluginRoutes(GENERATED_WEB_PLUGINS),
      {
        path: '**',
        title: 'notFound.title',
        loadComponent: () => import('./features/home/not-found.page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
