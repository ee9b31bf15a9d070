import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { ComputerView } from '@parc/contracts';
import { DateTimePipe } from '../../../core/i18n/date-time.pipe';
import { TPipe } from '../../../core/i18n/t.pipe';
import { Icon } from '../../../core/icons/icon';
import { IconButton } from '../../../shared/buttons/icon-button';

/** General tab: identity of the computer, where it is filed, and its agent. */
@Component({
  selector: 'parc-computer-general',
  imports: [DateTimePipe, TPipe, Icon, IconButton],
  template: `
    @let c = computer();
    <dl class="parc-properties" data-testid="computer-general">
      <dt>{{ 'computers.name' | t }}</dt>
      <dd>
        <span data-testid="computer-name">{{ c.name }}</span>
        @if (c.lockedFields.includes('name')) {
          <span class="locked" data-testid="computer-name-locked">
            <parc-icon name="lock" /> {{ 'computers.nameLocked' | t }}
            @if (canUpdate()) {
              <parc-icon-button icon="lock_open" label="computers.unlockName" (pressed)="unlockName.emit()" data-testid="computer-name-unlock" />
            }
          </span>
        }
      </dd>
      <dt>{{ 'computers.entity' | t }}</dt>
      <dd data-testid="computer-entity">{{ c.entityName }}</dd>
      <dt>{{ 'computers.serial' | t }}</dt>
      <dd><code>{{ c.serial || '—' }}</code></dd>
      <dt>{{ 'computers.uuid' | t }}</dt>
      <dd><code>{{ c.uuid || '—' }}</code></dd>
      <dt>{{ 'computers.manufacturer' | t }}</dt>
      <dd>{{ c.manufacturer || '—' }}</dd>
      <dt>{{ 'computers.model' | t }}</dt>
      <dd>{{ c.model || '—' }}</dd>
      <dt>{{ 'computers.type' | t }}</dt>
      <dd>{{ c.type || '—' }}</dd>
      <dt>{{ 'computers.ip' | t }}</dt>
      <dd><code>{{ c.ip ?? '—' }}</code></dd>
      <dt>{{ 'computers.lastInventory' | t }}</dt>
      <dd>{{ c.lastInventoryAt | dateTime }}</dd>
      <dt>{{ 'computers.lastContact' | t }}</dt>
      <dd>{{ c.lastContactAt | dateTime }}</dd>
      <dt>{{ 'computers.agent' | t }}</dt>
      <dd>
        @if (c.agentKind) {
          {{ 'agents.kinds.' + c.agentKind | t }} {{ c.agentVersion ?? '' }}
        } @else {
          —
        }
      </dd>
      <dt>{{ 'computers.softwareCount' | t }}</dt>
      <dd>{{ c.softwareCount }}</dd>
      <dt>{{ 'common.createdAt' | t }}</dt>
      <dd>{{ c.createdAt | dateTime }}</dd>
      <dt>{{ 'common.updatedAt' | t }}</dt>
      <dd>{{ c.updatedAt | dateTime }}</dd>
    </dl>
  `,
  styles: `
    .locked {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      margin-left: 12px;
      color: var(--mat-sys-on-surface-variant);
      --parc-icon-size: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComputerGeneral {
  readonly computer = input.required<ComputerView>();
  readonly canUpdate = input(false);
  /** Asks to let inventories set the name again. */
  readonly unlockName = output<void>();
}
