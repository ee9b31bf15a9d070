import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Icon, TPipe } from '@parc/web-sdk';
import { finalize } from 'rxjs';
import { DeployApi } from '../deploy.api';
import type { RevisionDiff, RevisionSummary } from '../deploy.model';

/** A value of a change, as one line: text as is, anything else as compact JSON; absent as a dash. */
export function diffValue(value: unknown): string {
  if (value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Two revisions of a package side by side: what changed from one to the other, field by field. */
@Component({
  selector: 'parc-deploy-revision-diff',
  imports: [MatButtonModule, MatFormFieldModule, MatProgressBarModule, MatSelectModule, Icon, TPipe],
  template: `
    <div class="pick">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'deploy.diff.from' | t }}</mat-label>
        <mat-select [value]="from()" (selectionChange)="from.set($event.value)" data-testid="diff-from">
          @for (revision of revisions(); track revision.number) {
            <mat-option [value]="revision.number" data-testid="diff-from-option" [attr.data-value]="revision.number">
              {{ 'deploy.revisionShort' | t: { number: revision.number } }}
            </mat-option>
          }
        </mat-select>
      </mat-form-field>
      <parc-icon name="swap_horiz" />
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'deploy.diff.to' | t }}</mat-label>
        <mat-select [value]="to()" (selectionChange)="to.set($event.value)" data-testid="diff-to">
          @for (revision of revisions(); track revision.number) {
            <mat-option [value]="revision.number" data-testid="diff-to-option" [attr.data-value]="revision.number">
              {{ 'deploy.revisionShort' | t: { number: revision.number } }}
            </mat-option>
          }
        </mat-select>
      </mat-form-field>
      <button mat-stroked-button type="button" (click)="compare()" [disabled]="from() === null || to() === null || from() === to() || loading()" data-testid="diff-show">
        {{ 'deploy.diff.compare' | t }}
      </button>
    </div>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (diff(); as result) {
      @if (result.changes.length === 0) {
        <p class="none" data-testid="diff-empty">{{ 'deploy.diff.none' | t: { from: result.from, to: result.to } }}</p>
      } @else {
        <table class="parc-simple-table" data-testid="diff-changes">
          <thead>
            <tr>
              <th>{{ 'deploy.diff.path' | t }}</th>
              <th>{{ 'deploy.diff.kind' | t }}</th>
              <th>{{ 'deploy.diff.before' | t }}</th>
              <th>{{ 'deploy.diff.after' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (change of result.changes; track change.path) {
              <tr data-testid="diff-change" [attr.data-path]="change.path" [attr.data-kind]="change.kind">
                <td><code>{{ change.path }}</code></td>
                <td><span class="parc-badge" [class.off]="change.kind === 'removed'">{{ 'deploy.diff.kinds.' + change.kind | t }}</span></td>
                <td class="value"><code>{{ show(change.before) }}</code></td>
                <td class="value"><code>{{ show(change.after) }}</code></td>
              </tr>
            }
          </tbody>
        </table>
      }
    }
  `,
  styles: `
    .pick {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      margin-bottom: 12px;
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
    .value code {
      white-space: pre-wrap;
      word-break: break-word;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RevisionDiffPanel {
  private readonly api = inject(DeployApi);
  readonly packageId = input.required<number>();
  /** Newest first. */
  readonly revisions = input.required<readonly RevisionSummary[]>();

  protected readonly from = signal<number | null>(null);
  protected readonly to = signal<number | null>(null);
  protected readonly diff = signal<RevisionDiff | null>(null);
  protected readonly loading = signal(false);
  protected readonly show = diffValue;

  constructor() {
    // By default: the previous revision against the latest.
    effect(() => {
      const [latest, previous] = this.revisions();
      untracked(() => {
        if (this.to() === null) this.to.set(latest?.number ?? null);
        if (this.from() === null) this.from.set(previous?.number ?? null);
      });
    });
  }

  protected compare(): void {
    const from = this.from();
    const to = this.to();
    if (from === null || to === null) return;
    this.loading.set(true);
    this.api
      .diff(this.packageId(), from, to)
      .pipe(finalize(() => this.loading.set(false)))
      .subscribe({ next: (diff) => this.diff.set(diff), error: () => this.diff.set(null) });
  }
}
