import { Pipe, PipeTransform, inject } from '@angular/core';
import { I18n } from './i18n.service';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string): Intl.DateTimeFormat {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' });
    formats.set(language, format);
  }
  return format;
}

/** ISO timestamps from the API, formatted for the current UI language (no Angular locale data needed). */
@Pipe({ name: 'dateTime', pure: false })
export class DateTimePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(value: string | null | undefined, fallback = '—'): string {
    if (!value) return fallback;
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : formatter(this.i18n.language()).format(date);
  }
}
