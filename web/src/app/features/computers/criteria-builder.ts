import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { GroupView, SearchCriterion, SearchFieldView, SearchOperator } from '@parc/contracts';
import { catchError, of } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';
import { LocalizePipe, TPipe } from '../../core/i18n/t.pipe';
import { Icon } from '../../core/icons/icon';
import { IconButton } from '../../shared/buttons/icon-button';
import { remoteData } from '../../shared/data/remote-data';
import { SEARCH_OPERATORS } from './computer-search';
import { NO_SEARCH_PROBLEMS, type SearchProblems, appendCriterion, removeCriterion } from './criteria-expression';

/** Criteria and how they combine: what the builder edits and emits. */
export interface CriteriaQuery {
  criteria: readonly SearchCriterion[];
  /** Prefix notation over the 1-based row numbers; empty = every criterion must match. */
  expression: string;
}

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
 * The criteria search: numbered rows of field / operator / value, combined by an optional expression over their
 * numbers (all must match without one). Removing or adding a row keeps the expression in step.
 *
 * By default editing changes nothing until "Search" emits the criteria ("Reset" clears them), and `applied`
 * (the search in force) refills the rows when it changes, so the builder starts from what the list shows.
 * With `live` (a group's editor) every change is emitted at once and there is no Search button.
 */
@Component({
  selector: 'parc-criteria-builder',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, Icon, IconButton, TPipe, LocalizePipe],
  template: `
    <form class="criteria" (submit)="$event.preventDefault(); apply()" data-testid="criteria-builder">
      @for (row of rows(); track row.id; let index = $index) {
        @let field = fieldOf(row.field);
        <div class="row" data-testid="criterion-row" [attr.data-number]="index + 1">
          <span class="number" data-testid="criterion-number" [attr.aria-label]="'criteria.number' | t: { number: index + 1 }">
            {{ index + 1 }}
          </span>
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
          @if (field?.type === 'group') {
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="value">
              <mat-label>{{ 'criteria.group' | t }}</mat-label>
              <mat-select [value]="row.value" (selectionChange)="setValue(index, $event.value)" data-testid="criterion-group">
                @if (row.value && !groupNamed(row.value)) {
                  <mat-option [value]="row.value">#{{ row.value }}</mat-option>
                }
                @for (group of groups.value(); track group.id) {
                  <mat-option
                    [value]="'' + group.id"
                    data-testid="criterion-group-option"
                    [attr.data-group-id]="group.id"
                    [attr.data-name]="group.name"
                  >
                    {{ group.name }}
                  </mat-option>
                }
              </mat-select>
            </mat-form-field>
          } @else {
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
          }
          <parc-icon-button icon="close" label="criteria.remove" (pressed)="remove(index)" data-testid="criterion-remove" />
        </div>
      } @empty {
        <p class="hint">{{ 'criteria.none' | t }}</p>
      }
      @for (problem of problems().criteria ?? []; track $index) {
        <p class="error" role="alert" data-testid="criteria-error">
          {{ problem.number === null ? problem.problem : ('criteria.problemAt' | t: { number: problem.number, problem: problem.problem }) }}
        </p>
      }
      @if (rows().length > 0) {
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="expression">
          <mat-label>{{ 'criteria.expression' | t }}</mat-label>
          <input
            matInput
            [value]="expression()"
            (input)="setExpression($any($event.target).value)"
            autocomplete="off"
            spellcheck="false"
            placeholder="AND(1, OR(2, 3))"
            data-testid="criteria-expression"
          />
          <mat-hint>{{ 'criteria.expressionHint' | t }}</mat-hint>
        </mat-form-field>
        @if (problems().expression; as problem) {
          <p class="error" role="alert" data-testid="criteria-expression-error">
            {{ problem.position === null ? problem.problem : ('criteria.expressionErrorAt' | t: { position: problem.position, problem: problem.problem }) }}
          </p>
        }
      }
      <div class="actions">
        <button mat-button type="button" (click)="add()" data-testid="criteria-add">
          <parc-icon matButtonIcon name="add" />
          {{ 'criteria.add' | t }}
        </button>
        @if (!live()) {
          <span class="spacer"></span>
          <button mat-button type="button" (click)="reset()" data-testid="criteria-reset">
            {{ 'criteria.reset' | t }}
          </button>
          <button mat-flat-button type="submit" [class.pending]="changed()" data-testid="criteria-search">
            <parc-icon matButtonIcon name="search" />
            {{ 'common.search' | t }}
          </button>
        }
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
    .number {
      display: inline-grid;
      place-items: center;
      min-width: 28px;
      height: 28px;
      border-radius: 50%;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-large);
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
    .expression {
      width: 100%;
      margin-top: 4px;
    }
    .expression input {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
    .hint {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      margin: 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
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
  private readonly api = inject(ApiClient);

  /** Search fields from GET /api/computers/search-fields. */
  readonly fields = input.required<readonly SearchFieldView[]>();
  /** The criteria the list currently applies (or the group's, for the editor). */
  readonly applied = input.required<CriteriaQuery>();
  /** Emit every change (no Search button). */
  readonly live = input(false);
  /** What the server said about the last search, shown under the rows and the expression. */
  readonly problems = input<SearchProblems>(NO_SEARCH_PROBLEMS);
  readonly search = output<CriteriaQuery>();

  protected readonly rows = signal<DraftCriterion[]>([]);
  protected readonly expression = signal('');
  private readonly current = computed(() => query(this.rows(), this.expression()));
  /** Whether "Search" would change anything (the button then stands out). */
  protected readonly changed = computed(() => !sameQuery(this.current(), this.applied()));

  /** The groups a "member of group" criterion picks from, fetched once such a field is in use. */
  private readonly needsGroups = computed(() => this.rows().some((row) => this.fieldOf(row.field)?.type === 'group'));
  protected readonly groups = remoteData(
    () => this.needsGroups(),
    (needed) =>
      needed
        ? this.api.all<GroupView>('/groups', {}, 'name').pipe(catchError(() => of([] as GroupView[])))
        : of([] as GroupView[]),
    [] as GroupView[],
  );

  constructor() {
    effect(() => {
      const applied = this.applied();
      untracked(() => {
        // What this builder just emitted comes back as `applied`: keep the rows (and the focus) as they are.
        if (sameQuery(this.current(), applied)) return;
        this.rows.set(applied.criteria.map((criterion) => draft(criterion)));
        this.expression.set(applied.expression);
      });
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

  protected groupNamed(value: string): boolean {
    return this.groups.value().some((group) => String(group.id) === value);
  }

  protected add(): void {
    const number = this.rows().length + 1;
    this.rows.update((rows) => [...rows, draft()]);
    this.expression.update((expression) => appendCriterion(expression, number));
    this.changedLive();
  }

  protected remove(index: number): void {
    this.rows.update((rows) => rows.filter((_, i) => i !== index));
    this.expression.update((expression) => removeCriterion(expression, index + 1));
    this.changedLive();
  }

  protected setField(index: number, key: string): void {
    const field = this.fieldOf(key);
    const operators = this.operatorsOf(field);
    this.update(index, (row) => {
      // A group id means nothing to a text field, and text is no group: the value starts over.
      const wasGroup = this.fieldOf(row.field)?.type === 'group';
      const value = wasGroup !== (field?.type === 'group') ? '' : row.value;
      return { ...row, field: key, value, operator: operators.includes(row.operator) ? row.operator : operators[0] };
    });
  }

  protected setOperator(index: number, operator: SearchOperator): void {
    this.update(index, (row) => ({ ...row, operator }));
  }

  protected setValue(index: number, value: string): void {
    this.update(index, (row) => ({ ...row, value }));
  }

  protected setExpression(expression: string): void {
    this.expression.set(expression);
    this.changedLive();
  }

  protected apply(): void {
    this.search.emit(this.current());
  }

  protected reset(): void {
    this.rows.set([]);
    this.expression.set('');
    this.search.emit({ criteria: [], expression: '' });
  }

  private update(index: number, change: (row: DraftCriterion) => DraftCriterion): void {
    this.rows.update((rows) => rows.map((row, i) => (i === index ? change(row) : row)));
    this.changedLive();
  }

  private changedLive(): void {
    if (this.live()) this.apply();
  }
}

/**
 * Rows with a field make criteria; a row whose field was never chosen is ignored, and the expression is read as
 * if it were removed, so that the numbers sent still match the rows sent.
 */
export function query(rows: readonly { field: string; operator: SearchOperator; value: string }[], expression: string): CriteriaQuery {
  let text = expression.trim();
  for (let index = rows.length - 1; index >= 0; index--) {
    if (!rows[index].field) text = removeCriterion(text, index + 1);
  }
  const criteria = rows.filter((row) => row.field).map(({ field, operator, value }) => ({ field, operator, value: value.trim() }));
  return { criteria, expression: criteria.length ? text : '' };
}

export function sameQuery(a: CriteriaQuery, b: CriteriaQuery): boolean {
  const plain = (q: CriteriaQuery) => JSON.stringify([q.criteria.map(({ field, operator, value }) => [field, operator, value]), q.expression.trim()]);
  return plain(a) === plain(b);
}
