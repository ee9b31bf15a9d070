import { HttpContext, HttpContextToken } from '@angular/common/http';

/** Set on a request whose errors the caller reports itself (no snackbar). A 401 still ends the session. */
export const SILENT_ERRORS = new HttpContextToken<boolean>(() => false);

/** Set on the login request: its 401 means "wrong credentials", not "session ended". */
export const IS_LOGIN = new HttpContextToken<boolean>(() => false);

export function silentErrors(): HttpContext {
  return new HttpContext().set(SILENT_ERRORS, true);
}

/** Every API path starts with this; other URLs (assets) get no API headers. */
export const API_BASE = '/api';

export function isApiUrl(url: string): boolean {
  return url === API_BASE || url.startsWith(`${API_BASE}/`);
}

/**
 * Error callback for subscriptions whose failure the error interceptor already showed (snackbar, or the login
 * page on 401): nothing more to do, and the error must not reach the global handler as "unhandled".
 */
export const errorAlreadyShown = (): void => undefined;
