import { ChangeDetectionStrategy, Component, Directive, computed, inject, signal } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { GroupView } from '@parc/contracts';
import { TPipe } from '../../core/i18n/t.pipe';
import { remoteData } from '../../shared/data/remote-data';
import type { MassActionInputComponent } from '../../shared/mass-actions/mass-action-inputs';
import { kindKeys, membersRemovable } from './group-form';
import { GroupsApi } from './groups.api';

/** The groups a mass action may change: those the user may edit, of the kinds it applies to. */
@Directive()
abstract class GroupPickerInput implements MassActionInputComponent {
  private readonly api = inject(GroupsApi);
  protected abstract accepts(group: GroupView): boolean;

  protected readonly all = remoteData(() => null, () => this.api.all(), [] as GroupView[]);
  protected readonly groups = computed(() => this.all.value().filter((group) => group.can.edit && this.accepts(group)));
  protected readonly groupId = signal<number | null>(null);
  protected readonly kindKeys = kindKeys;

  readonly value = computed(() => {
    const groupId = this.groupId();
    return groupId === null ? null : { groupId };
  });
}

/**
 * Shared by both inputs. No `styles` on them: two components with the same inline styles make the Angular CLI
 * build hang once the bundle is written (the styles are inline attributes instead).
 */
const TEMPLATE = `
  <mat-form-field appearance="outline" style="width: 100%">
    <mat-label>{{ 'groups.group' | t }}</mat-label>
    <mat-select [value]="groupId()" (selectionChange)="groupId.set($event.value)" data-testid="mass-input-group">
      @for (group of groups(); track group.id) {
        <mat-option [value]="group.id" data-testid="mass-input-group-option" [attr.data-group-id]="group.id" [attr.data-name]="group.name">
          {{ group.name }}
          <span style="color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small)">
            @for (key of kindKeys(group); track key) {
              · {{ key | t }}
            }
          </span>
        </mat-option>
      }
    </mat-select>
    @if (!all.loading() && groups().length === 0) {
      <mat-hint data-testid="mass-input-no-group">{{ 'groups.noEditableGroup' | t }}</mat-hint>
    }
  </mat-form-field>
`;

/** Input of the `group.add` mass action: a static group to add the computers to (`{groupId}`). */
@Component({
  selector: 'parc-group-add-input',
  imports: [MatFormFieldModule, MatSelectModule, TPipe],
  template: TEMPLATE,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupAddInput extends GroupPickerInput {
  protected accepts(group: GroupView): boolean {
    return group.kind === 'static';
  }
}

/** Input of the `group.remove` mass action: a group whose members are edited by hand (static, or a result). */
@Component({
  selector: 'parc-group-remove-input',
  imports: [MatFormFieldModule, MatSelectModule, TPipe],
  template: TEMPLATE,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GroupRemoveInput extends GroupPickerInput {
  protected accepts(group: GroupView): boolean {
    return membersRemovable(group);
  }
}
