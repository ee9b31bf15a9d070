import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { AgentView } from '@parc/contracts';
import { DateTimePipe } from '../../../core/i18n/date-time.pipe';
import { TPipe } from '../../../core/i18n/t.pipe';
import { remoteData } from '../../../shared/data/remote-data';
import { ComputersApi } from '../computers.api';

/** Agents tab: the agents that report this computer. */
@Component({
  selector: 'parc-computer-agents',
  imports: [DateTimePipe, TPipe],
  template: `
    <div class="parc-table-card">
      <table class="parc-simple-table" data-testid="agent-table">
        <thead>
          <tr>
            <th>{{ 'agents.deviceId' | t }}</th>
            <th>{{ 'agents.kind' | t }}</th>
            <th>{{ 'agents.version' | t }}</th>
            <th>{{ 'agents.remoteAddress' | t }}</th>
            <th>{{ 'agents.tag' | t }}</th>
            <th>{{ 'agents.userAgent' | t }}</th>
            <th>{{ 'agents.lastContact' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (agent of agents.value(); track agent.id) {
            <tr data-testid="agent-row" [attr.data-device-id]="agent.deviceId">
              <td><code>{{ agent.deviceId }}</code></td>
              <td>{{ 'agents.kinds.' + agent.kind | t }}</td>
              <td>{{ agent.version }}</td>
              <td>
                <code>{{ agent.remoteAddress }}</code>
                @if (agent.httpPort) {
                  <span class="muted">:{{ agent.httpPort }}</span>
                }
              </td>
              <td>{{ agent.tag }}</td>
              <td class="muted small">{{ agent.userAgent }}</td>
              <td>{{ agent.lastContactAt | dateTime }}</td>
            </tr>
          } @empty {
            <tr>
              <td colspan="7" class="parc-empty">{{ (agents.loading() ? 'common.loading' : 'agents.empty') | t }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .small {
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComputerAgents {
  private readonly api = inject(ComputersApi);

  readonly computerId = input.required<number>();

  protected readonly agents = remoteData(() => this.computerId(), (id) => this.api.agents(id), [] as AgentView[]);
}
