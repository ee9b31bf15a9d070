/**
 * The web SDK: everything a plugin's web part may import (`import { … } from '@parc/web-sdk'`). Plugins import
 * nothing else from the app, so the core can reorganise freely behind this list.
 *
 * A plugin exports a WebPlugin from `plugins/<name>/web/index.ts`. That file is in the initial bundle, so it
 * imports only types from here (`import type`), and its pages load lazily:
 *
 * ```ts
 * import type { WebPlugin } from '@parc/web-sdk';
 *
 * export default {
 *   name: 'deploy',
 *   routes: [{ path: '', loadComponent: () => import('./deploy.page').then((m) => m.DeployPage) }],
 *   translations: { en: { 'deploy.title': 'Deployment' }, fr: { 'deploy.title': 'Déploiement' } },
 * } satisfies WebPlugin;
 * ```
 *
 * A web part may also bring tabs for item pages (`tabs: [{ itemType: 'computer', key: 'deploy.packages',
 * loadComponent }]`, shown when GET /api/ui/tabs lists the key; the component gets the item id as input
 * `itemId`) and the input forms of its mass actions (`massActionInputs: { 'deploy.install': () => import(…) }`,
 * components implementing MassActionInputComponent).
 */

// Plugin contract
export type { Dictionary, WebPlugin, WebPluginTab } from '../core/plugins/web-plugin';

// Rights and list pages, as the server names them
export { Bits, type Page } from '@parc/contracts';

// Talking to the server
export { ApiClient, type RequestOptions } from '../core/api/api-client';
// For calls ApiClient does not cover (upload progress, a download's headers): HttpClient on API_BASE + path.
export { API_BASE, silentErrors } from '../core/api/request-context';
export { toApiError, type ApiError } from '../core/api/api-error';
export { itemsOf, type ListQuery, type QueryParams } from '../core/api/list-query';
export { remoteData, type RemoteData } from '../shared/data/remote-data';

// Who and where
export { AuthService } from '../core/auth/auth.service';
export { ActiveEntityStore, type EntityChoice } from '../core/entity/active-entity.store';
export { entityTree, type EntityTreeRow } from '../core/entity/entity-tree';

// Text
export { I18n, type Language } from '../core/i18n/i18n.service';
export { LocalizePipe, TPipe } from '../core/i18n/t.pipe';
export { DateTimePipe } from '../core/i18n/date-time.pipe';

// Building blocks for pages
export { Icon } from '../core/icons/icon';
export { Notifier } from '../core/notify/notifier';
export { PageHeader } from '../shared/page-header/page-header';
export { SearchField } from '../shared/list/search-field';
export { ListState, PAGE_SIZES, emptyPage } from '../shared/list/list-state';
export { ListPaginator } from '../shared/list/list-paginator';
export { bindListToUrl, type ListParamsOptions } from '../shared/list/list-params';
export { SavedSearches } from '../shared/saved-searches/saved-searches';
export { IconButton } from '../shared/buttons/icon-button';
export { RowSelection } from '../shared/list/row-selection';
export { MassActionBar } from '../shared/mass-actions/mass-action-bar';
export { MassActionInputs, type MassActionInputComponent, type MassActionInputLoader } from '../shared/mass-actions/mass-action-inputs';
export { ConfirmService, type ConfirmRequest } from '../shared/dialogs/confirm-dialog';
export { FieldErrorPipe, applyServerErrors } from '../shared/forms/server-errors';
export { dateStamp, saveFile } from '../shared/files/save-file';
