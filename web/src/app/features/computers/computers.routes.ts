import type { Routes } from '@angular/router';

export const COMPUTERS_ROUTES: Routes = [
  { path: '', title: 'computers.title', loadComponent: () => import('./computers.page').then((m) => m.ComputersPage) },
  { path: ':id', title: 'computers.computer', loadComponent: () => import('./computer.page').then((m) => m.ComputerPage) },
];
