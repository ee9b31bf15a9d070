import { ChangeDetectionStrategy, Component, computed, effect, input, output, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { SearchCriterion, SearchFieldView, SearchOperator } from '@parc/contracts';
import { LocalizePipe, TPipe } from '../../core/i18n/t.pipe';
import { Icon } from '../../core/icons/icon';
import { IconButton } from '../../shared/buttons/icon-button';
import { SEARCH_OPERATORS } from './computer-search';

/** A criterion being edited: the field may not be chosen yet. */
interface DraftCriterion {
  id: number;
  field: string;
  operator: SearchOperator;
  value: string;
}

let nextId = 1;

function draft(criterion?: SearchCriterion): DraftCriterion {
  return { id: nextId++, field: criterion?.field ?? '', operator: criterion?.operator ?? 'contains', value: criterion?.value ?? '' };
}

/**
 * The criteria search: rows of field / operator / value, all of which must match. Editing changes nothing
 * until "Search" emits the complete rows; "Reset" clears them. `applied` (the search in force) refills the rows
 * when it changes, so the builder always starts from what the list shows.
 */
@Component({
  selector: 'parc-criteria-builder',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, Icon, IconButton, TPipe, LocalizePipe],
  template: `
    <form class="criteria" (submit)="$event.preventDefault(); apply()" data-testid="criteria-builder">
      @for (row of rows(); track row.id; let index = $index) {
        @let field = fieldOf(row.field);
        <div class="row" data-testid="criterion-row">
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="field">
            <mat-label>{{ 'criteria.field' | t }}</mat-label>
            <mat-select [value]="row.field" (selectionChange)="setField(index, $event.value)" data-testid="criterion-field">
              @for (option of fields(); track option.key) {
                <mat-option [value]="option.key" data-testid="criterion-field-option" [attr.data-key]="option.key">
                  {{ option.label | localize }}
                </mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="operator">
            <mat-label>{{ 'criteria.operator' | t }}</mat-label>
            <mat-select [value]="row.operator" (selectionChange)="setOperator(index, $event.value)" data-testid="criterion-operator">
              @for (operator of operatorsOf(field); track operator) {
                <mat-option [value]="operator" data-testid="criterion-operator-option" [attr.data-value]="operator">
                  {{ operatorLabel(field, operator) | t }}
                </mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="value">
            <mat-label>{{ 'criteria.value' | t }}</mat-label>
            <input
              matInput
              [value]="row.value"
              (input)="setValue(index, $any($event.target).value)"
              [attr.inputmode]="field?.type === 'number' ? 'numeric' : null"
              [placeholder]="(field?.type === 'date' ? 'criteria.dateHint' : 'criteria.wildcardHint') | t"
              data-testid="criterion-value"
            />
          </mat-form-field>
          <parc-icon-button icon="close" label="criteria.remove" (pressed)="remove(index)" data-testid="criterion-remove" />
        </div>
      } @empty {
        <p class="hint">{{ 'criteria.none' | t }}</p>
      }
      <div class="actions">
        <button mat-button type="button" (click)="add()" data-testid="criteria-add">
          <parc-icon matButtonIcon name="add" />
          {{ 'criteria.add' | t }}
        </button>
        <span class="spacer"></span>
        <button mat-button type="button" (click)="reset()" data-testid="criteria-reset">
          {{ 'criteria.reset' | t }}
        </button>
        <button mat-flat-button type="submit" [class.pending]="changed()" data-testid="criteria-search">
          <parc-icon matButtonIcon name="search" />
          {{ 'common.search' | t }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .criteria {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding: 12px;
      margin-bottom: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-lowest);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .field {
      width: 220px;
    }
    .operator {
      width: 170px;
    }
    .value {
      flex: 1 1 200px;
    }
    .hint {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .spacer {
      flex: 1 1 auto;
    }
    .pending {
      box-shadow: 0 0 0 3px color-mix(in srgb, var(--mat-sys-primary) 30%, transparent);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CriteriaBuilder {
  /** Search fields from GET /api/computers/search-fields. */
  readonly fields = input.required<readonly SearchFieldView[]>();
  /** The criteria the list currently applies. */
  readonly applied = input.required<readonly SearchCriterion[]>();
  readonly search = output<SearchCriterion[]>();

  protected readonly rows = signal<DraftCriterion[]>([]);
  /** Whether "Search" would change anything (the button then stands out). */
  protected readonly changed = computed(() => JSON.stringify(complete(this.rows())) !== JSON.stringify(this.applied()));

  constructor() {
    effect(() => {
      const applied = this.applied();
      untracked(() => this.rows.set(applied.map((criterion) => draft(criterion))));
    });
  }

  protected fieldOf(key: string): SearchFieldView | undefined {
    return this.fields().find((field) => field.key === key);
  }

  protected operatorsOf(field: SearchFieldView | undefined): readonly SearchOperator[] {
    return field?.operators.length ? field.operators : SEARCH_OPERATORS;
  }

  /** Dates read "before / after" rather than "less / more". */
  protected operatorLabel(field: SearchFieldView | undefined, operator: SearchOperator): string {
    return field?.type === 'date' && (operator === 'less' || operator === 'more') ? `criteria.op.${operator}.date` : `criteria.op.${operator}`;
  }

  protected add(): void {
    this.rows.update((rows) => [...rows, draft()]);
  }

  protected remove(index: number): void {
    this.rows.update((rows) => rows.filter((_, i) => i !== index));
  }

  protected setField(index: number, key: string): void {
    const operators = this.operatorsOf(this.fieldOf(key));
    this.update(index, (row) => ({ ...row, field: key, operator: operators.includes(row.operator) ? row.operator : operators[0] }));
  }

  protected setOperator(index: number, operator: SearchOperator): void {
    this.update(index, (row) => ({ ...row, operator }));
  }

  protected setValue(index: number, value: string): void {
    this.update(index, (row) => ({ ...row, value }));
  }

  protected apply(): void {
    this.search.emit(complete(this.rows()));
  }

  protected reset(): void {
    this.rows.set([]);
    this.search.emit([]);
  }

  private update(index: number, change: (row: DraftCriterion) => DraftCriterion): void {
    this.rows.update((rows) => rows.map((row, i) => (i === index ? change(row) : row)));
  }
}

/** Rows with a field make criteria; a row whose field was never chosen is ignored. */
function complete(rows: readonly DraftCriterion[]): SearchCriterion[] {
  return rows.filter((row) => row.field).map(({ field, operator, value }) => ({ field, operator, value: value.trim() }));
}
