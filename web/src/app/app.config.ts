import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { routes } from './app.routes';
import { apiErrorsInterceptor, apiHeadersInterceptor } from './core/api/api.interceptors';
import { TranslatedTitleStrategy } from './core/i18n/translated-title-strategy';
import { WEB_PLUGINS } from './core/plugins/web-plugin';
import { provideComputerMassActionInputs } from './features/computers/computer-mass-inputs';
import { provideGroupMassActionInputs } from './features/groups/group-mass-inputs';
import { GENERATED_WEB_PLUGINS } from './plugins.generated';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding()),
    // Order matters: headers are added first, errors are seen last (after any retry logic in between).
    provideHttpClient(withInterceptors([apiHeadersInterceptor, apiErrorsInterceptor])),
    { provide: WEB_PLUGINS, useValue: GENERATED_WEB_PLUGINS },
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    provideComputerMassActionInputs(),
    provideGroupMassActionInputs(),
  ],
};
