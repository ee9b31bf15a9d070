import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { ENTITY_HEADER, ENTITY_RECURSIVE_HEADER } from '@parc/contracts';
import { type Observable, catchError, from, map, of, switchMap, throwError } from 'rxjs';
import { SessionStore } from '../auth/session.store';
import { ActiveEntityStore } from '../entity/active-entity.store';
import { Notifier } from '../notify/notifier';
import { toApiError } from './api-error';
import { IS_LOGIN, SILENT_ERRORS, isApiUrl } from './request-context';

/** Adds the bearer token and the active entity to every API request. */
export const apiHeadersInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiUrl(request.url)) return next(request);
  if (request.context.get(IS_LOGIN)) return next(request);
  const token = inject(SessionStore).token();
  const choice = inject(ActiveEntityStore).choice();
  const headers: Record<string, string> = {};
  if (token) headers['Authorization'] = `Bearer ${token}`;
  if (choice) {
    headers[ENTITY_HEADER] = String(choice.entityId);
    headers[ENTITY_RECURSIVE_HEADER] = choice.recursive ? '1' : '0';
  }
  return next(request.clone({ setHeaders: headers }));
};

/**
 * A 401 ends the session and goes back to the login page (keeping where the user was); any other error shows
 * the server's message, unless the caller asked to report it itself.
 */
export const apiErrorsInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiUrl(request.url)) return next(request);
  const session = inject(SessionStore);
  const router = inject(Router);
  const notifier = inject(Notifier);
  return next(request).pipe(
    catchError((failure: unknown) =>
      withReadableBody(failure).pipe(
        switchMap((error) => {
          if (error instanceof HttpErrorResponse) {
            if (error.status === 401 && !request.context.get(IS_LOGIN)) {
              // Several requests may fail together: only the first one redirects.
              if (session.token()) {
                session.clear();
                const returnUrl = router.currentNavigation()?.finalUrl?.toString() ?? router.url;
                void router.navigate(['/login'], { queryParams: { returnUrl, expired: 1 } });
              }
            } else if (!request.context.get(SILENT_ERRORS)) {
              notifier.error(toApiError(error).message);
            }
          }
          return throwError(() => error);
        }),
      ),
    ),
  );
};

/**
 * A file request (`responseType: 'blob'`) gets its error body as a Blob too: read it back as the JSON error it
 * is, so that the server's message and field problems reach the user like for any other call.
 */
function withReadableBody(error: unknown): Observable<unknown> {
  if (!(error instanceof HttpErrorResponse) || !(error.error instanceof Blob)) return of(error);
  return from(error.error.text()).pipe(
    map((text) => {
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return new HttpErrorResponse({
        error: body,
        headers: error.headers,
        status: error.status,
        statusText: error.statusText,
        url: error.url ?? undefined,
      });
    }),
    catchError(() => of(error)),
  );
}
