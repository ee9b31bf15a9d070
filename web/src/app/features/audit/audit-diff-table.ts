import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { AuditEventView } from '@parc/contracts';
import { TPipe } from '../../core/i18n/t.pipe';
import { auditDiff } from './audit-diff';

/** Before / after of one audit event, changed fields highlighted; unchanged ones on request. */
@Component({
  selector: 'parc-audit-diff-table',
  imports: [MatSlideToggleModule, TPipe],
  template: `
    <table class="parc-simple-table diff" data-testid="audit-diff">
      <thead>
        <tr>
          <th>{{ 'audit.field' | t }}</th>
          <th>{{ 'audit.before' | t }}</th>
          <th>{{ 'audit.after' | t }}</th>
        </tr>
      </thead>
      <tbody>
        @for (change of visibleChanges(); track change.field) {
          <tr [class]="change.kind">
            <td class="field">{{ change.field }}</td>
            <td class="before">{{ change.before }}</td>
            <td class="after">{{ change.after }}</td>
          </tr>
        } @empty {
          <tr>
            <td colspan="3">{{ 'audit.noChanges' | t }}</td>
          </tr>
        }
      </tbody>
    </table>
    @if (unchangedCount()) {
      <mat-slide-toggle [checked]="showUnchanged()" (change)="showUnchanged.set($event.checked)">
        {{ 'audit.showUnchanged' | t: { count: unchangedCount() } }}
      </mat-slide-toggle>
    }
  `,
  styles: `
    :host {
      display: block;
      padding: 8px 0 16px;
    }
    .diff {
      margin-bottom: 8px;
    }
    .field {
      font-weight: 500;
      white-space: nowrap;
    }
    td.before,
    td.after {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 0.85em;
      word-break: break-word;
    }
    .changed td.before,
    .removed td.before {
      background: color-mix(in srgb, var(--mat-sys-error) 14%, transparent);
      text-decoration: line-through;
      text-decoration-color: color-mix(in srgb, var(--mat-sys-error) 60%, transparent);
    }
    .changed td.after,
    .added td.after {
      background: color-mix(in srgb, var(--parc-success) 16%, transparent);
    }
    .unchanged {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditDiffTable {
  readonly event = input.required<AuditEventView>();

  protected readonly showUnchanged = signal(false);
  private readonly changes = computed(() => auditDiff(this.event().before, this.event().after));
  protected readonly unchangedCount = computed(() => this.changes().filter((change) => change.kind === 'unchanged').length);
  protected readonly visibleChanges = computed(() =>
    this.showUnchanged() ? this.changes() : this.changes().filter((change) => change.kind !== 'unchanged'),
  );
}
