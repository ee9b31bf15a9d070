import { Pipe, PipeTransform, inject } from '@angular/core';
import { I18n } from '../../core/i18n/i18n.service';

const formats = new Map<string, Intl.NumberFormat>();

function number(language: string, value: number): string {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
    formats.set(language, format);
  }
  return format.format(value);
}

/** Sizes the inventory gives in MB, as an admin reads them: `512 MB`, `15.6 GB`, `1.8 TB` (`Go` in French). */
export function formatMegabytes(megabytes: number, language: string, unit: (key: 'mb' | 'gb' | 'tb', value: string) => string): string {
  if (megabytes >= 1024 * 1024) return unit('tb', number(language, megabytes / (1024 * 1024)));
  if (megabytes >= 1024) return unit('gb', number(language, megabytes / 1024));
  return unit('mb', number(language, megabytes));
}

/** `{{ disk.totalMb | megabytes }}` */
@Pipe({ name: 'megabytes', pure: false })
export class MegabytesPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(megabytes: number | null | undefined, fallback = '—'): string {
    if (megabytes === null || megabytes === undefined || !Number.isFinite(megabytes)) return fallback;
    return formatMegabytes(megabytes, this.i18n.language(), (key, value) => this.i18n.t(`units.${key}`, { value }));
  }
}
