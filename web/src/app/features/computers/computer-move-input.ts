import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { ActiveEntityStore } from '../../core/entity/active-entity.store';
import { TPipe } from '../../core/i18n/t.pipe';
import type { MassActionInputComponent } from '../../shared/mass-actions/mass-action-inputs';

/** Input of the `computer.move` mass action: the entity to move the computers to (`{entityId}`). */
@Component({
  selector: 'parc-computer-move-input',
  imports: [MatFormFieldModule, MatSelectModule, TPipe],
  template: `
    <mat-form-field appearance="outline" class="entity">
      <mat-label>{{ 'computers.targetEntity' | t }}</mat-label>
      <mat-select [value]="entityId()" (selectionChange)="entityId.set($event.value)" data-testid="mass-input-entity">
        @for (row of entities.tree(); track row.entity.id) {
          <mat-option
            [value]="row.entity.id"
            data-testid="mass-input-entity-option"
            [attr.data-entity-id]="row.entity.id"
            [attr.data-entity-name]="row.entity.completeName"
          >
            <span [style.padding-inline-start.px]="row.depth * 16">{{ row.entity.name }}</span>
          </mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    .entity {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComputerMoveInput implements MassActionInputComponent {
  protected readonly entities = inject(ActiveEntityStore);
  protected readonly entityId = signal<number | null>(null);

  readonly value = computed(() => {
    const entityId = this.entityId();
    return entityId === null ? null : { entityId };
  });
}
