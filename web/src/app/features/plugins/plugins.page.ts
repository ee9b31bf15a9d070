import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { PluginView } from '@parc/contracts';
import { ApiClient } from '../../core/api/api-client';
import { I18n } from '../../core/i18n/i18n.service';
import { LocalizePipe, TPipe } from '../../core/i18n/t.pipe';
import { Icon } from '../../core/icons/icon';
import { remoteData } from '../../shared/data/remote-data';
import { PageHeader } from '../../shared/page-header/page-header';
import { RIGHT_COLUMNS, appliesTo } from '../profiles/rights-bits';

/** The plugins the server runs (GET /api/plugins) and what each contributes: rights, menu, mass actions. */
@Component({
  selector: 'parc-plugins-page',
  imports: [MatExpansionModule, MatProgressBarModule, Icon, TPipe, LocalizePipe, PageHeader],
  templateUrl: './plugins.page.html',
  styleUrl: './plugins.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PluginsPage {
  private readonly api = inject(ApiClient);
  private readonly i18n = inject(I18n);
  protected readonly plugins = remoteData(() => null, () => this.api.items<PluginView>('/plugins'), [] as PluginView[]);

  /** "Read, Update" for a right's bits mask, in the current language. */
  protected bitNames(bits: number): string {
    return RIGHT_COLUMNS.filter((column) => appliesTo({ bits }, column.bit))
      .map((column) => this.i18n.t(`rights.${column.name}`))
      .join(', ');
  }
}
