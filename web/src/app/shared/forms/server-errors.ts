import { Pipe, PipeTransform, inject } from '@angular/core';
import type { AbstractControl, FormGroup } from '@angular/forms';
import type { ApiError } from '../../core/api/api-error';
import { I18n } from '../../core/i18n/i18n.service';

/**
 * Puts the server's field-level problems (`details` of a 400) on the matching form controls, as a `server`
 * error shown by the `fieldError` pipe. Returns false when no field matched (the snackbar then says it all).
 */
export function applyServerErrors(form: FormGroup, error: ApiError): boolean {
  let matched = false;
  for (const [field, problem] of Object.entries(error.fieldErrors)) {
    const control = form.get(field);
    if (!control) continue;
    control.setErrors({ ...control.errors, server: problem });
    control.markAsTouched();
    matched = true;
  }
  return matched;
}

/**
 * `<mat-error>{{ form.controls.login | fieldError }}</mat-error>`: the first problem of a control, translated.
 * Impure because control errors are not signals; it only reads the errors object.
 */
@Pipe({ name: 'fieldError', pure: false })
export class FieldErrorPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(control: AbstractControl | null | undefined): string {
    const errors = control?.errors;
    if (!errors) return '';
    if (typeof errors['server'] === 'string') return errors['server'];
    if (errors['required']) return this.i18n.t('form.required');
    if (errors['email']) return this.i18n.t('form.email');
    if (errors['minlength']) return this.i18n.t('form.minLength', { length: (errors['minlength'] as { requiredLength: number }).requiredLength });
    if (errors['maxlength']) return this.i18n.t('form.maxLength', { length: (errors['maxlength'] as { requiredLength: number }).requiredLength });
    if (errors['min']) return this.i18n.t('form.min', { min: (errors['min'] as { min: number }).min });
    if (errors['max']) return this.i18n.t('form.max', { max: (errors['max'] as { max: number }).max });
    if (errors['mismatch']) return this.i18n.t('form.mismatch');
    return this.i18n.t('form.invalid');
  }
}
