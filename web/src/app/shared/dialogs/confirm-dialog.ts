import { ChangeDetectionStrategy, Component, Injectable, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule } from '@angular/material/dialog';
import { Observable, map } from 'rxjs';
import { TPipe } from '../../core/i18n/t.pipe';

export interface ConfirmRequest {
  title: string;
  message: string;
  /** Label of the confirming button (translated by the caller); "Confirm" when absent. */
  confirm?: string;
  /** Shows the confirming button as destructive. */
  danger?: boolean;
}

@Component({
  selector: 'parc-confirm-dialog',
  imports: [MatButtonModule, MatDialogModule, TPipe],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.message }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" data-testid="confirm-cancel">
        {{ 'common.cancel' | t }}
      </button>
      <button
        mat-flat-button
        type="button"
        [class.danger]="data.danger"
        [mat-dialog-close]="true"
        cdkFocusInitial
        data-testid="confirm-ok"
      >
        {{ data.confirm ?? ('common.confirm' | t) }}
      </button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmRequest>(MAT_DIALOG_DATA);
}

/** `confirm.ask({...}).subscribe(ok => …)`: a yes/no question before destructive actions. */
@Injectable({ providedIn: 'root' })
export class ConfirmService {
  private readonly dialog = inject(MatDialog);

  ask(request: ConfirmRequest): Observable<boolean> {
    return this.dialog
      .open<ConfirmDialog, ConfirmRequest, boolean>(ConfirmDialog, { data: request, width: '440px' })
      .afterClosed()
      .pipe(map((answer) => answer === true));
  }
}
