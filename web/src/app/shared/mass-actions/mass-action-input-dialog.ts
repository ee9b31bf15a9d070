import {
  ChangeDetectionStrategy,
  Component,
  type ComponentRef,
  type OnInit,
  type Type,
  ViewChild,
  ViewContainerRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TPipe } from '../../core/i18n/t.pipe';
import type { MassActionInputComponent } from './mass-action-inputs';

export interface MassActionInputDialogData {
  /** Translated title (the action's label). */
  title: string;
  /** Translated text above the form: the action's confirmation and the number of items. */
  message: string;
  component: Type<MassActionInputComponent>;
  danger: boolean;
}

/** Asks for a mass action's input with the form registered for it; closes with the input, or nothing. */
@Component({
  selector: 'parc-mass-action-input-dialog',
  imports: [MatButtonModule, MatDialogModule, TPipe],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content data-testid="mass-input">
      <p class="message">{{ data.message }}</p>
      <ng-container #form />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="undefined" data-testid="mass-input-cancel">{{ 'common.cancel' | t }}</button>
      <button
        mat-flat-button
        type="button"
        [class.danger]="data.danger"
        [disabled]="value() === null"
        (click)="confirm()"
        data-testid="mass-input-confirm"
      >
        {{ data.title }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .message {
      margin-top: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MassActionInputDialog implements OnInit {
  protected readonly data = inject<MassActionInputDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject(MatDialogRef<MassActionInputDialog, Record<string, unknown>>);
  @ViewChild('form', { read: ViewContainerRef, static: true }) private host!: ViewContainerRef;
  private readonly form = signal<ComponentRef<MassActionInputComponent> | null>(null);

  /** The form's value (null while incomplete). */
  protected readonly value = computed(() => this.form()?.instance.value() ?? null);

  ngOnInit(): void {
    this.form.set(this.host.createComponent(this.data.component));
  }

  protected confirm(): void {
    const value = this.value();
    if (value !== null) this.dialogRef.close(value);
  }
}
