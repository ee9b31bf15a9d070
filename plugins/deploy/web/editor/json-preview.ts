import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { IconButton, TPipe, remoteData } from '@parc/web-sdk';
import { DeployApi, type FusionJobPreview } from '../deploy.api';

/** The job FusionInventory/GLPI agents would run for the saved revision, pretty-printed. */
@Component({
  selector: 'parc-deploy-json-preview',
  imports: [MatProgressBarModule, IconButton, TPipe],
  template: `
    <div class="bar">
      <span class="note">{{ 'deploy.preview.note' | t }}</span>
      <parc-icon-button icon="refresh" label="common.refresh" (pressed)="job.reload()" data-testid="json-preview-refresh" />
    </div>
    @if (job.loading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (job.error(); as error) {
      <p class="failed" role="alert" data-testid="json-preview-error">{{ error.message }}</p>
    }
    <pre data-testid="json-preview" [attr.data-version]="version()">{{ text() }}</pre>
  `,
  styles: `
    .bar {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
    .note {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .failed {
      color: var(--mat-sys-error);
    }
    pre {
      max-height: 70vh;
      margin: 8px 0 0;
      padding: 12px;
      overflow: auto;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container);
      font-size: 12px;
      line-height: 1.4;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JsonPreview {
  private readonly api = inject(DeployApi);
  readonly packageId = input.required<number>();
  readonly number = input.required<number>();
  /** Bumped by the editor after each save: the preview loads again. */
  readonly version = input(0);

  protected readonly job = remoteData(
    () => ({ id: this.packageId(), number: this.number(), version: this.version() }),
    ({ id, number }) => this.api.fusionJob(id, number),
    null as FusionJobPreview | null,
  );
  protected readonly text = computed(() => {
    const job = this.job.value();
    return job ? JSON.stringify(job, null, 2) : '';
  });
}
