import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { ComputerDiskView } from '@parc/contracts';
import { TPipe } from '../../../core/i18n/t.pipe';
import { remoteData } from '../../../shared/data/remote-data';
import { ComputersApi } from '../computers.api';
import { MegabytesPipe } from '../megabytes.pipe';

/** Share of a disk in use (0–100), from its total and free space. */
export function diskUsage(disk: Pick<ComputerDiskView, 'totalMb' | 'freeMb'>): number {
  if (!disk.totalMb || disk.totalMb <= 0) return 0;
  const used = disk.totalMb - Math.min(Math.max(disk.freeMb ?? 0, 0), disk.totalMb);
  return Math.round((used / disk.totalMb) * 100);
}

/** Disks tab: volumes with their size and a usage bar (used = total − free). */
@Component({
  selector: 'parc-computer-disks',
  imports: [TPipe, MegabytesPipe],
  template: `
    <div class="parc-table-card">
      <table class="parc-simple-table" data-testid="disk-table">
        <thead>
          <tr>
            <th>{{ 'disks.mountPoint' | t }}</th>
            <th>{{ 'disks.device' | t }}</th>
            <th>{{ 'disks.fileSystem' | t }}</th>
            <th>{{ 'disks.label' | t }}</th>
            <th>{{ 'disks.total' | t }}</th>
            <th>{{ 'disks.free' | t }}</th>
            <th class="usage-cell">{{ 'disks.usage' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (disk of disks.value(); track $index) {
            @let usage = diskUsage(disk);
            <tr data-testid="disk-row" [attr.data-mount-point]="disk.mountPoint">
              <td class="strong">{{ disk.mountPoint }}</td>
              <td><code>{{ disk.device }}</code></td>
              <td>{{ disk.fileSystem }}</td>
              <td>{{ disk.label }}</td>
              <td>{{ disk.totalMb | megabytes }}</td>
              <td>{{ disk.freeMb | megabytes }}</td>
              <td class="usage-cell">
                <div
                  class="bar"
                  role="meter"
                  aria-valuemin="0"
                  aria-valuemax="100"
                  [attr.aria-valuenow]="usage"
                  [attr.aria-label]="'disks.usage' | t"
                  data-testid="disk-usage"
                >
                  <div class="used" [class.high]="usage >= 90" [style.width.%]="usage"></div>
                </div>
                <span class="percent">{{ usage }} %</span>
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="7" class="parc-empty">{{ (disks.loading() ? 'common.loading' : 'disks.empty') | t }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .strong {
      font-weight: 500;
    }
    .usage-cell {
      min-width: 180px;
      white-space: nowrap;
    }
    .bar {
      display: inline-block;
      vertical-align: middle;
      width: 120px;
      height: 8px;
      border-radius: 4px;
      overflow: hidden;
      background: var(--mat-sys-surface-container-highest);
    }
    .used {
      height: 100%;
      background: var(--mat-sys-primary);
    }
    .used.high {
      background: var(--mat-sys-error);
    }
    .percent {
      margin-inline-start: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComputerDisks {
  private readonly api = inject(ComputersApi);

  readonly computerId = input.required<number>();

  protected readonly disks = remoteData(() => this.computerId(), (id) => this.api.disks(id), [] as ComputerDiskView[]);
  protected readonly diskUsage = diskUsage;
}
