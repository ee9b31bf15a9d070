import { Pipe, type PipeTransform, inject } from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import { FieldErrorPipe, I18n } from '@parc/web-sdk';
import { deployProblem } from '../packages/definition-form';

/**
 * `<mat-error>{{ control | deployError }}</mat-error>`: the SDK's `fieldError` (server problems, required,
 * min/max…) plus the deploy rules (exit codes, SHA-512, values per check type…), translated.
 * Impure like `fieldError`: control errors are not signals.
 */
@Pipe({ name: 'deployError', pure: false })
export class DeployErrorPipe implements PipeTransform {
  private readonly i18n = inject(I18n);
  private readonly fieldError = new FieldErrorPipe();

  transform(control: AbstractControl | null | undefined): string {
    const errors = control?.errors;
    if (!errors) return '';
    if (typeof errors['server'] === 'string') return errors['server'];
    const own = deployProblem(errors);
    if (own) return this.i18n.t(own.key, own.params);
    return this.fieldError.transform(control);
  }
}
