import { InjectionToken, type Type } from '@angular/core';
import type { Routes } from '@angular/router';
import type { MassActionInputLoader } from '../../shared/mass-actions/mass-action-inputs';

/** A dictionary of UI strings: key → text, with `{name}` placeholders. */
export type Dictionary = Readonly<Record<string, string>>;

/**
 * The web part of a plugin, exported by default from `plugins/<name>/web/index.ts` and registered at build time
 * by `web/scripts/generate-plugins.mjs`:
 *
 * ```ts
 * import type { WebPlugin } from '@parc/web-sdk';
 * export default { name: 'deploy', routes: [...], translations: { en, fr } } satisfies WebPlugin;
 * ```
 *
 * index.ts is part of the initial bundle, so it imports only *types* from the SDK and loads its pages lazily.
 */
export interface WebPlugin {
  /** The plugin's name, as on the server; its routes are mounted under `/<name>`. */
  readonly name: string;
  /**
   * Child routes under `/<name>`. Keep them lazy (`loadComponent` / `loadChildren`), so that a plugin costs
   * nothing in the initial bundle.
   */
  readonly routes: Routes;
  /** The plugin's UI strings. Prefix keys with the plugin name (`deploy.title`) to stay clear of the core's. */
  readonly translations: { readonly en: Dictionary; readonly fr?: Dictionary };
  /**
   * Components for the tabs the server's manifest declares on item pages (GET /api/ui/tabs?itemType=…). A tab
   * shows when the server lists it for the user and a web part provides it; the component gets the item id
   * through an input named `itemId`.
   */
  readonly tabs?: readonly WebPluginTab[];
  /**
   * Forms asking for the `input` of the plugin's mass actions, by action key (see MassActionInputs). Keep them
   * lazy: `{ 'deploy.install': () => import('./install-input').then((m) => m.InstallInput) }`.
   */
  readonly massActionInputs?: Readonly<Record<string, MassActionInputLoader>>;
}

/** A plugin's tab on the page of an item (e.g. itemType `computer`). */
export interface WebPluginTab {
  readonly itemType: string;
  /** The key of the tab as the server lists it (TabView.key). */
  readonly key: string;
  /** The tab's component; it receives the item id through an input named `itemId` (a number). */
  readonly loadComponent: () => Promise<Type<unknown>>;
}

/** The plugins compiled into this build (empty in unit tests unless a test provides some). */
export const WEB_PLUGINS = new InjectionToken<readonly WebPlugin[]>('WEB_PLUGINS', {
  providedIn: 'root',
  factory: () => [],
});
