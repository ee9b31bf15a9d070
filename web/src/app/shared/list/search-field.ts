import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, output } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { Icon } from '../../core/icons/icon';

/**
 * The quick filter (`q`) of a list: emits the text once the user pauses typing. `value` sets the text from
 * outside (a filter restored from the URL) without emitting it back.
 */
@Component({
  selector: 'parc-search-field',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, Icon],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <parc-icon matPrefix name="search" class="prefix" />
      <mat-label>{{ label() }}</mat-label>
      <input matInput type="search" [formControl]="text" [attr.data-testid]="testId()" />
    </mat-form-field>
  `,
  styles: `
    mat-form-field {
      width: min(360px, 100%);
    }
    .prefix {
      margin: 0 4px 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchField {
  readonly label = input.required<string>();
  readonly testId = input('search');
  readonly value = input<string>();
  readonly search = output<string>();

  protected readonly text = new FormControl('', { nonNullable: true });

  constructor() {
    effect(() => {
      const value = this.value();
      if (value !== undefined && value !== this.text.value.trim()) this.text.setValue(value, { emitEvent: false });
    });
    this.text.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((value) => this.search.emit(value));
  }
}
