import { HttpErrorResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { catchError, map, of } from 'rxjs';
import { toApiError } from '../api/api-error';
import { Notifier } from '../notify/notifier';
import { AuthService } from './auth.service';

/** The application behind the shell needs a session and the signed-in user (/auth/me). */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const notifier = inject(Notifier);
  const toLogin = router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
  if (!auth.isSignedIn()) return toLogin;
  if (auth.me()) return true;
  return auth.loadMe().pipe(
    map(() => true),
    catchError((error: unknown) => {
      // A 401 already sent the user to the login page (see apiErrorsInterceptor).
      if (error instanceof HttpErrorResponse && error.status === 401) return of(false);
      notifier.error(toApiError(error).message);
      return of(toLogin);
    }),
  );
};
