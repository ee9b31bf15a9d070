import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { Icon } from '../../core/icons/icon';

/**
 * The title row of a page: title, optional subtitle and back link, and the page's main actions projected on
 * the right (`<parc-page-header title="…"><button …>Create</button></parc-page-header>`).
 */
@Component({
  selector: 'parc-page-header',
  imports: [MatButtonModule, RouterLink, Icon],
  template: `
    @if (backLink(); as link) {
      <a mat-icon-button [routerLink]="link" class="back" [attr.aria-label]="backLabel()">
        <parc-icon name="arrow_back" />
      </a>
    }
    <div class="titles">
      <h1 data-testid="page-title">{{ title() }}</h1>
      @if (subtitle()) {
        <p class="subtitle">{{ subtitle() }}</p>
      }
    </div>
    <div class="actions"><ng-content /></div>
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
      margin-bottom: 16px;
    }
    .titles {
      flex: 1 1 auto;
      min-width: 0;
    }
    h1 {
      font: var(--mat-sys-headline-small);
      margin: 0;
    }
    .subtitle {
      margin: 4px 0 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .actions {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PageHeader {
  readonly title = input.required<string>();
  readonly subtitle = input<string>();
  readonly backLink = input<string>();
  readonly backLabel = input('Back');
}
