import { Injectable, computed, signal } from '@angular/core';
import { StorageKeys, readStored, writeStored } from '../storage/local-storage';

export interface Session {
  accessToken: string;
  expiresAt: string;
  /** Who signed in: a remembered active entity only applies to the same login. */
  login: string;
}

function isUsable(session: Session | null): session is Session {
  return !!session?.accessToken && !(session.expiresAt && Date.parse(session.expiresAt) <= Date.now());
}

/**
 * The bearer token, kept in localStorage so a reload stays signed in. No HTTP here: the interceptors read it,
 * and AuthService writes it.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly session = signal<Session | null>(this.restore());

  readonly current = this.session.asReadonly();
  readonly token = computed(() => this.session()?.accessToken ?? null);

  start(session: Session): void {
    this.session.set(session);
    writeStored(StorageKeys.session, session);
  }

  clear(): void {
    this.session.set(null);
    writeStored(StorageKeys.session, null);
  }

  private restore(): Session | null {
    const stored = readStored<Session>(StorageKeys.session);
    return isUsable(stored) ? stored : null;
  }
}
