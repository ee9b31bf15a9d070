import { Pipe, PipeTransform, inject } from '@angular/core';
import type { LocalizedText } from '@parc/contracts';
import { I18n, type TranslationParams } from './i18n.service';

/**
 * `{{ 'users.title' | t }}`, `{{ 'users.selected' | t: { count: 3 } }}`.
 * Impure on purpose: it reads the language signal, so the view re-renders when the language changes.
 */
@Pipe({ name: 't', pure: false })
export class TPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(key: string, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}

/** `{{ entry.label | localize }}` for `{en, fr?}` texts sent by the API. */
@Pipe({ name: 'localize', pure: false })
export class LocalizePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(text: LocalizedText | null | undefined): string {
    return this.i18n.localize(text);
  }
}
