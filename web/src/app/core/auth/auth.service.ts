import { HttpContext, HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { hasBits, type LoginResponse, type MeView } from '@parc/contracts';
import { Observable, catchError, finalize, map, of, shareReplay, tap, throwError } from 'rxjs';
import { ApiClient } from '../api/api-client';
import { IS_LOGIN, SILENT_ERRORS } from '../api/request-context';
import { ActiveEntityStore } from '../entity/active-entity.store';
import { SessionStore } from './session.store';

/** Sign-in, sign-out and the signed-in user (`/auth/me`: authorizations, choosable entities, rights). */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly api = inject(ApiClient);
  private readonly session = inject(SessionStore);
  private readonly activeEntity = inject(ActiveEntityStore);
  private readonly router = inject(Router);
  private readonly user = signal<MeView | null>(null);
  private pendingMe: Observable<MeView> | null = null;

  readonly me = this.user.asReadonly();
  readonly isSignedIn = computed(() => this.session.token() !== null);

  login(login: string, password: string): Observable<void> {
    const context = new HttpContext().set(IS_LOGIN, true).set(SILENT_ERRORS, true);
    return this.api.post<LoginResponse>('/auth/login', { login, password }, { context }).pipe(
      map((answer) => {
        this.activeEntity.forgetUnless(login);
        this.user.set(null);
        this.session.start({ accessToken: answer.accessToken, expiresAt: answer.expiresAt, login });
      }),
    );
  }

  /** Ends the session on the server (best effort) and locally, then shows the login page. */
  logout(): void {
    const local = () => {
      this.session.clear();
      this.user.set(null);
      void this.router.navigate(['/login']);
    };
    if (!this.session.token()) return local();
    this.api.post<void>('/auth/logout', {}, { silent: true }).pipe(catchError(() => of(undefined))).subscribe(local);
  }

  /**
   * Loads /auth/me and aligns the active entity with it. A remembered entity the user may no longer use makes
   * the server answer 403: the choice is then dropped and the call repeated with the server's default.
   */
  loadMe(): Observable<MeView> {
    this.pendingMe ??= this.fetchMe(true).pipe(
      finalize(() => (this.pendingMe = null)),
      shareReplay(1),
    );
    return this.pendingMe;
  }

  /** Rights held in the active entity, e.g. `can('user', Bits.CREATE)`. */
  can(right: string, bits: number): boolean {
    return hasBits(this.user()?.rights[right], bits);
  }

  private fetchMe(retryWithDefaultEntity: boolean): Observable<MeView> {
    return this.api.get<MeView>('/auth/me', undefined, { silent: true }).pipe(
      tap((me) => {
        this.activeEntity.reconcile(me);
        this.user.set(me);
      }),
      catchError((error: unknown) => {
        if (retryWithDefaultEntity && error instanceof HttpErrorResponse && error.status === 403) {
          this.activeEntity.reset();
          return this.fetchMe(false);
        }
        return throwError(() => error);
      }),
    );
  }
}
