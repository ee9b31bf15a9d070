import type { Routes } from '@angular/router';

export const PROFILES_ROUTES: Routes = [
  { path: '', title: 'profiles.title', loadComponent: () => import('./profiles.page').then((m) => m.ProfilesPage) },
  { path: ':id', title: 'profiles.editTitle', loadComponent: () => import('./profile-edit.page').then((m) => m.ProfileEditPage) },
];
