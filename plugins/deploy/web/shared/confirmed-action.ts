import { computed, Injectable, inject, type Signal } from '@angular/core';
import { AuthService, Bits, type ConfirmRequest, ConfirmService, Notifier } from '@parc/web-sdk';
import { filter, type Observable, switchMap } from 'rxjs';

/**
 * Ask, run, tell: the one way the deploy pages run a change that needs a confirmation (delete, publish, retire).
 * A failed call has already been reported by the HTTP layer, so errors need nothing more here.
 */
@Injectable({ providedIn: 'root' })
export class ConfirmedAction {
  private readonly confirm = inject(ConfirmService);
  private readonly notifier = inject(Notifier);

  run<T>(question: ConfirmRequest, call: () => Observable<T>, done: (result: T) => { message: string; then?: () => void }): void {
    this.confirm
      .ask(question)
      .pipe(filter(Boolean), switchMap(call))
      .subscribe({
        next: (result) => {
          const { message, then } = done(result);
          this.notifier.success(message);
          then?.();
        },
        error: () => undefined,
      });
  }
}

/** Whether the signed-in user may create, update and delete with this right (in the active entity). */
export function rightSignals(right: string): { canCreate: Signal<boolean>; canUpdate: Signal<boolean>; canDelete: Signal<boolean> } {
  const auth = inject(AuthService);
  const can = (bits: number) => computed(() => auth.me() !== null && auth.can(right, bits));
  return { canCreate: can(Bits.CREATE), canUpdate: can(Bits.UPDATE), canDelete: can(Bits.DELETE) };
}
