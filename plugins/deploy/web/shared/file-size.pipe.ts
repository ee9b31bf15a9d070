import { Pipe, type PipeTransform, inject } from '@angular/core';
import { I18n } from '@parc/web-sdk';

const UNITS: Readonly<Record<string, readonly string[]>> = { en: ['B', 'kB', 'MB', 'GB', 'TB'], fr: ['o', 'ko', 'Mo', 'Go', 'To'] };

/** `1536` → `1.5 kB` (decimal units, as disks and downloads say them; `1,5 ko` in French). */
export function formatFileSize(bytes: number, language = 'en'): string {
  const units = UNITS[language] ?? UNITS['en'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** `{{ file.size | fileSize }}`; impure because it follows the language signal. */
@Pipe({ name: 'fileSize', pure: false })
export class FileSizePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(bytes: number | null | undefined): string {
    return bytes === null || bytes === undefined ? '—' : formatFileSize(bytes, this.i18n.language());
  }
}
