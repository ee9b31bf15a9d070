import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import type { RightDefinition } from '@parc/contracts';
import { LocalizePipe, TPipe } from '../../core/i18n/t.pipe';
import { RIGHT_COLUMNS, appliesTo, groupRights, isSet, rowState, withAllColumns, withBit } from './rights-bits';

/**
 * The rights of a profile as a grid: one row per right (GET /api/rights), one checkbox per bit the right uses
 * (READ, UPDATE, CREATE, DELETE, PURGE). Two-way bound: `[(value)]="rights"`, a `{rightName: bits}` map.
 */
@Component({
  selector: 'parc-rights-matrix',
  imports: [MatCheckboxModule, TPipe, LocalizePipe],
  templateUrl: './rights-matrix.html',
  styleUrl: './rights-matrix.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RightsMatrix {
  readonly rights = input.required<readonly RightDefinition[]>();
  readonly value = model.required<Readonly<Record<string, number>>>();
  readonly disabled = input(false);

  protected readonly columns = RIGHT_COLUMNS;
  protected readonly groups = computed(() => groupRights(this.rights()));
  protected readonly appliesTo = appliesTo;

  protected isSet(right: RightDefinition, bit: number): boolean {
    return isSet(this.value()[right.name], bit);
  }

  protected rowState(right: RightDefinition): 'all' | 'some' | 'none' {
    return rowState(this.value()[right.name], right);
  }

  protected toggle(right: RightDefinition, bit: number, on: boolean): void {
    this.value.update((current) => ({ ...current, [right.name]: withBit(current[right.name], bit, on) }));
  }

  protected toggleRow(right: RightDefinition): void {
    const on = this.rowState(right) !== 'all';
    this.value.update((current) => ({ ...current, [right.name]: withAllColumns(current[right.name], right, on) }));
  }
}
