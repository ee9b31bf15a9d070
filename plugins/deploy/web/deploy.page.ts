import { ChangeDetectionStrategy, Component } from '@angular/core';
import { Icon, PageHeader, TPipe } from '@parc/web-sdk';

/** Placeholder until packages and tasks land. */
@Component({
  selector: 'parc-deploy-page',
  imports: [Icon, PageHeader, TPipe],
  template: `
    <parc-page-header [title]="'deploy.title' | t" [subtitle]="'deploy.subtitle' | t" />
    <p class="next" data-testid="deploy-placeholder">
      <parc-icon name="rocket_launch" />
      {{ 'deploy.comingNext' | t }}
    </p>
  `,
  styles: `
    .next {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 24px;
      border-radius: var(--mat-sys-corner-large);
      background: var(--mat-sys-surface-container-low);
      color: var(--mat-sys-on-surface-variant);
    }
    parc-icon {
      color: var(--mat-sys-primary);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeployPage {}
