import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { NetworkInterfaceView } from '@parc/contracts';
import { TPipe } from '../../../core/i18n/t.pipe';
import { remoteData } from '../../../shared/data/remote-data';
import { ComputersApi } from '../computers.api';

/** Network tab: the interfaces of the computer. */
@Component({
  selector: 'parc-computer-network',
  imports: [TPipe],
  template: `
    <div class="parc-table-card">
      <table class="parc-simple-table" data-testid="network-table">
        <thead>
          <tr>
            <th>{{ 'network.name' | t }}</th>
            <th>{{ 'network.mac' | t }}</th>
            <th>{{ 'network.ipv4' | t }}</th>
            <th>{{ 'network.gateway' | t }}</th>
            <th>{{ 'network.ipv6' | t }}</th>
            <th>{{ 'network.type' | t }}</th>
            <th>{{ 'network.status' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (nic of interfaces.value(); track $index) {
            <tr data-testid="network-row" [attr.data-name]="nic.name">
              <td class="strong">
                {{ nic.name }}
                @if (nic.virtual) {
                  <span class="parc-badge off">{{ 'network.virtual' | t }}</span>
                }
              </td>
              <td><code>{{ nic.mac }}</code></td>
              <td>
                <code>{{ nic.ipv4 }}</code>
                @if (nic.ipv4Mask) {
                  <span class="muted">/ {{ nic.ipv4Mask }}</span>
                }
              </td>
              <td><code>{{ nic.ipv4Gateway }}</code></td>
              <td><code class="small">{{ nic.ipv6 }}</code></td>
              <td>{{ nic.type }}</td>
              <td>{{ nic.status }}</td>
            </tr>
          } @empty {
            <tr>
              <td colspan="7" class="parc-empty">{{ (interfaces.loading() ? 'common.loading' : 'network.empty') | t }}</td>
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
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .small {
      font-size: 0.8em;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComputerNetwork {
  private readonly api = inject(ComputersApi);

  readonly computerId = input.required<number>();

  protected readonly interfaces = remoteData(() => this.computerId(), (id) => this.api.network(id), [] as NetworkInterfaceView[]);
}
