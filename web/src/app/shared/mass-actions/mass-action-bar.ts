import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import type { MassActionResult, MassActionView } from '@parc/contracts';
import { EMPTY, Observable, concatMap, filter, finalize, from, map, of, reduce, switchMap } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';
import { errorAlreadyShown } from '../../core/api/request-context';
import { ActiveEntityStore } from '../../core/entity/active-entity.store';
import { I18n } from '../../core/i18n/i18n.service';
import { LocalizePipe, TPipe } from '../../core/i18n/t.pipe';
import { ConfirmService } from '../dialogs/confirm-dialog';
import { remoteData } from '../data/remote-data';
import { RowSelection } from '../list/row-selection';
import { NO_RESULT, addResults, inBatches } from './mass-action-batches';
import { MassActionInputDialog, type MassActionInputDialogData } from './mass-action-input-dialog';
import { MassActionInputs } from './mass-action-inputs';
import { MassActionResultsDialog, type MassActionResultsData } from './mass-action-results-dialog';

/**
 * The bar above a list when rows are selected: selection summary ("select all N" across pages) and the mass
 * actions the server offers for the item type (GET /api/mass-actions?itemType=…). Running one posts the ids and
 * shows the per-item results. Put it on any list: `<parc-mass-action-bar itemType="user" [selection]="…"
 * [total]="…" [resolveAllIds]="…" (completed)="reload()" />`. Actions registered in MassActionInputs first ask
 * for their `input` in a dialog; content projected into the bar (say an export button) shows with the actions.
 */
@Component({
  selector: 'parc-mass-action-bar',
  imports: [MatButtonModule, MatProgressSpinnerModule, TPipe, LocalizePipe],
  templateUrl: './mass-action-bar.html',
  styleUrl: './mass-action-bar.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MassActionBar {
  private readonly api = inject(ApiClient);
  private readonly dialog = inject(MatDialog);
  private readonly confirm = inject(ConfirmService);
  private readonly i18n = inject(I18n);
  private readonly inputs = inject(MassActionInputs);

  readonly itemType = input.required<string>();
  readonly selection = input.required<RowSelection>();
  /** Rows matching the list's current filter. */
  readonly total = input.required<number>();
  /** Ids of every row matching the current filter, for an "all matching" selection. */
  readonly resolveAllIds = input.required<() => Observable<number[]>>();
  readonly completed = output<MassActionResult>();

  protected readonly actions = remoteData(
    () => this.itemType(),
    (itemType) => this.api.items<MassActionView>('/mass-actions', { itemType }),
    [] as MassActionView[],
  );
  protected readonly running = signal<string | null>(null);

  constructor() {
    // Rows picked in one entity scope may not even be visible in the next: start over when it changes.
    const scope = inject(ActiveEntityStore).choice;
    effect(() => {
      scope();
      untracked(() => this.selection().clear());
    });
  }

  protected run(action: MassActionView): void {
    const selection = this.selection();
    const count = selection.count(this.total());
    const itemCount = this.i18n.t('massActions.itemCount', { count });
    const title = this.i18n.localize(action.label);
    // An action with an input asks for it (its dialog is the confirmation); others confirm when they say so.
    const input: Observable<{ input?: Record<string, unknown> } | null> = this.inputs.has(action.key)
      ? from(this.inputs.load(action.key)).pipe(
          switchMap((component) =>
            this.dialog
              .open<MassActionInputDialog, MassActionInputDialogData, Record<string, unknown>>(MassActionInputDialog, {
                data: {
                  title,
                  message: action.confirm ? `${this.i18n.localize(action.confirm)} (${itemCount})` : itemCount,
                  component: component!,
                  danger: !!action.confirm,
                },
                width: '480px',
                maxWidth: '96vw',
              })
              .afterClosed(),
          ),
          map((value) => (value ? { input: value } : null)),
        )
      : action.confirm
        ? this.confirm
            .ask({ title, message: `${this.i18n.localize(action.confirm)} (${itemCount})`, confirm: title, danger: true })
            .pipe(map((ok) => (ok ? {} : null)))
        : of({});

    input
      .pipe(
        filter((answer): answer is { input?: Record<string, unknown> } => answer !== null),
        switchMap((answer) => {
          this.running.set(action.key);
          const ids = selection.allMatching() ? this.resolveAllIds()() : of(selection.ids());
          return ids.pipe(
            switchMap((list) => this.post(action.key, list, answer.input)),
            finalize(() => this.running.set(null)),
          );
        }),
      )
      .subscribe({
        next: (result) => {
          this.dialog.open<MassActionResultsDialog, MassActionResultsData>(MassActionResultsDialog, {
            data: { label: action.label, result },
            width: '560px',
          });
          this.completed.emit(result);
        },
        error: errorAlreadyShown,
      });
  }

  /** Runs the action on the ids, batch after batch, and adds up the per-item results. */
  private post(key: string, ids: readonly number[], input?: Record<string, unknown>): Observable<MassActionResult> {
    if (ids.length === 0) return EMPTY;
    return from(inBatches(ids)).pipe(
      concatMap((batch) =>
        this.api.post<MassActionResult>(`/mass-actions/${encodeURIComponent(key)}`, {
          itemType: this.itemType(),
          ids: batch,
          ...(input ? { input } : {}),
        }),
      ),
      reduce(addResults, NO_RESULT),
    );
  }
}
