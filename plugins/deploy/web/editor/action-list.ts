import { CdkDrag, type CdkDragDrop, CdkDropList } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormArray, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatSelectModule } from '@angular/material/select';
import { Icon, IconButton, TPipe } from '@parc/web-sdk';
import { ACTION_TYPES, type ActionType, RET_CHECK_TYPES } from '../deploy.model';
import { type ActionForm, actionForm, moveItem, newAction, retCheckForm } from '../packages/definition-form';
import { DeployErrorPipe } from '../shared/deploy-error.pipe';
import { ItemControls } from './item-controls';

/**
 * The actions of a definition, run in order: commands (with their return checks), move, copy, delete, mkdir.
 * Each has the form of its type; reorder by dragging or with the buttons.
 */
@Component({
  selector: 'parc-deploy-action-list',
  imports: [
    CdkDropList,
    CdkDrag,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatMenuModule,
    MatSelectModule,
    Icon,
    IconButton,
    TPipe,
    DeployErrorPipe,
    ItemControls,
  ],
  templateUrl: './action-list.html',
  styleUrl: './ordered-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActionList {
  readonly actions = input.required<FormArray<ActionForm>>();
  readonly readOnly = input(false);
  /** Re-renders on any change of the form: form events do not mark OnPush views (zoneless). */
  readonly formVersion = input(0);

  protected readonly types = ACTION_TYPES;
  protected readonly retCheckTypes = RET_CHECK_TYPES;

  protected add(type: ActionType): void {
    this.actions().push(actionForm(newAction(type)));
    this.actions().markAsDirty();
  }

  protected remove(index: number): void {
    this.actions().removeAt(index);
    this.actions().markAsDirty();
  }

  protected move(from: number, to: number): void {
    moveItem(this.actions(), from, to);
  }

  protected drop(event: CdkDragDrop<unknown>): void {
    moveItem(this.actions(), event.previousIndex, event.currentIndex);
  }

  protected addRetCheck(action: ActionForm): void {
    // okCode first, as agents require; the next ones default to a failure pattern.
    action.controls.retChecks.push(retCheckForm({ type: action.controls.retChecks.length === 0 ? 'okCode' : 'errorCode', values: '' }));
    action.controls.retChecks.markAsDirty();
  }

  protected removeRetCheck(action: ActionForm, index: number): void {
    action.controls.retChecks.removeAt(index);
    action.controls.retChecks.markAsDirty();
  }
}
