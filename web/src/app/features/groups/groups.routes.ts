import type { Routes } from '@angular/router';

export const GROUPS_ROUTES: Routes = [
  { path: '', title: 'groups.title', loadComponent: () => import('./groups.page').then((m) => m.GroupsPage) },
  { path: 'new', title: 'groups.createTitle', loadComponent: () => import('./group-edit.page').then((m) => m.GroupEditPage) },
  { path: ':id', title: 'groups.group', loadComponent: () => import('./group.page').then((m) => m.GroupPage) },
  { path: ':id/edit', title: 'groups.editTitle', loadComponent: () => import('./group-edit.page').then((m) => m.GroupEditPage) },
];
