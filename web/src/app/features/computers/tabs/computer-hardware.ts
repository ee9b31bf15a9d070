import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ComputerView } from '@parc/contracts';
import { TPipe } from '../../../core/i18n/t.pipe';
import { MegabytesPipe } from '../megabytes.pipe';

/** OS & hardware tab: operating system, BIOS, processors, memory and the computer's users. */
@Component({
  selector: 'parc-computer-hardware',
  imports: [TPipe, MegabytesPipe],
  template: `
    @let c = computer();
    <div class="columns">
      <section>
        <h3>{{ 'computers.osSection' | t }}</h3>
        <dl class="parc-properties" data-testid="computer-os">
          <dt>{{ 'computers.osName' | t }}</dt>
          <dd>{{ c.osName || '—' }}</dd>
          <dt>{{ 'computers.osVersion' | t }}</dt>
          <dd>{{ c.osVersion || '—' }}</dd>
          <dt>{{ 'computers.osArch' | t }}</dt>
          <dd>{{ c.osArch || '—' }}</dd>
          <dt>{{ 'computers.osKernel' | t }}</dt>
          <dd>{{ c.osKernel || '—' }}</dd>
          <dt>{{ 'computers.workgroup' | t }}</dt>
          <dd>{{ c.workgroup || '—' }}</dd>
          <dt>{{ 'computers.lastLoggedUser' | t }}</dt>
          <dd>{{ c.lastLoggedUser || '—' }}</dd>
          <dt>{{ 'computers.users' | t }}</dt>
          <dd data-testid="computer-users">{{ c.users.length ? c.users.join(', ') : '—' }}</dd>
        </dl>
      </section>
      <section>
        <h3>{{ 'computers.hardwareSection' | t }}</h3>
        <dl class="parc-properties" data-testid="computer-hardware">
          <dt>{{ 'computers.bios' | t }}</dt>
          <dd>{{ join(c.biosManufacturer, c.biosVersion) }}</dd>
          <dt>{{ 'computers.biosDate' | t }}</dt>
          <dd>{{ c.biosDate || '—' }}</dd>
          <dt>{{ 'computers.memory' | t }}</dt>
          <dd data-testid="computer-memory">{{ c.memoryMb | megabytes }}</dd>
          <dt>{{ 'computers.swap' | t }}</dt>
          <dd>{{ c.swapMb | megabytes }}</dd>
          <dt>{{ 'computers.cpu' | t }}</dt>
          <dd>{{ c.cpuModel || '—' }}</dd>
          <dt>{{ 'computers.cpuCount' | t }}</dt>
          <dd>{{ 'computers.cpuSummary' | t: { count: c.cpuCount, cores: c.cpuCores } }}</dd>
        </dl>
      </section>
    </div>

    <h3>{{ 'computers.cpus' | t }}</h3>
    <div class="parc-table-card">
      <table class="parc-simple-table" data-testid="cpu-table">
        <thead>
          <tr>
            <th>{{ 'computers.manufacturer' | t }}</th>
            <th>{{ 'computers.model' | t }}</th>
            <th>{{ 'computers.cpuSpeed' | t }}</th>
            <th>{{ 'computers.cores' | t }}</th>
            <th>{{ 'computers.threads' | t }}</th>
            <th>{{ 'computers.osArch' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (cpu of c.cpus; track $index) {
            <tr data-testid="cpu-row">
              <td>{{ cpu.manufacturer }}</td>
              <td>{{ cpu.model }}</td>
              <td>{{ cpu.speedMhz ? ('computers.mhz' | t: { value: cpu.speedMhz }) : '—' }}</td>
              <td>{{ cpu.cores }}</td>
              <td>{{ cpu.threads }}</td>
              <td>{{ cpu.arch }}</td>
            </tr>
          } @empty {
            <tr>
              <td colspan="6" class="parc-empty">{{ 'computers.noCpu' | t }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .columns {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(320px, 1fr));
      gap: 24px;
    }
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 8px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComputerHardware {
  readonly computer = input.required<ComputerView>();

  protected join(...parts: string[]): string {
    return parts.filter((part) => !!part).join(' ') || '—';
  }
}
