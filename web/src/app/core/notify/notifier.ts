import { Injectable, Injector, inject } from '@angular/core';
import type { MatSnackBar, MatSnackBarConfig } from '@angular/material/snack-bar';
import { I18n } from '../i18n/i18n.service';

/**
 * Short messages at the bottom of the screen: API errors and confirmations. The snack bar (and the overlay
 * machinery under it) is loaded on first use: the error interceptor needs this service at startup, and a
 * static import would put ~120 kB more in the initial bundle.
 */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly injector = inject(Injector);
  private readonly i18n = inject(I18n);
  private snackBar: Promise<MatSnackBar> | undefined;

  error(message: string): void {
    this.open(message, this.i18n.t('common.close'), { duration: 8000, panelClass: 'parc-snack-error' });
  }

  /** Something the user should read (not an error), with time to read it. */
  info(message: string): void {
    this.open(message, this.i18n.t('common.close'), { duration: 8000 });
  }

  success(message: string): void {
    this.open(message, undefined, { duration: 3000 });
  }

  private open(message: string, action: string | undefined, config: MatSnackBarConfig): void {
    this.snackBar ??= import('@angular/material/snack-bar').then((m) => this.injector.get(m.MatSnackBar));
    void this.snackBar.then((snackBar) => snackBar.open(message, action, config));
  }
}
