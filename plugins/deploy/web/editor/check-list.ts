import { CdkDrag, type CdkDragDrop, CdkDropList } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormArray, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Icon, TPipe } from '@parc/web-sdk';
import { CHECK_OUTCOMES, CHECK_TYPES, CHECK_VALUE, type CheckType, REGISTRY_TYPES } from '../deploy.model';
import { type CheckForm, checkForm, moveItem, newCheck } from '../packages/definition-form';
import { DeployErrorPipe } from '../shared/deploy-error.pipe';
import { ItemControls } from './item-controls';

/** The checks of a definition, in the order the agent evaluates them: add, edit, reorder (drag or buttons), remove. */
@Component({
  selector: 'parc-deploy-check-list',
  imports: [CdkDropList, CdkDrag, ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, Icon, TPipe, DeployErrorPipe, ItemControls],
  template: `
    <div cdkDropList [cdkDropListDisabled]="readOnly()" (cdkDropListDropped)="drop($event)" class="items" data-testid="checks-list">
      @for (check of checks().controls; track check; let i = $index) {
        <div cdkDrag cdkDragLockAxis="y" class="item" [formGroup]="check" data-testid="check-item" [attr.data-index]="i" [attr.data-type]="check.controls.type.value" [attr.data-path]="check.controls.path.value">
          <parc-deploy-item-controls kind="check" [index]="i" [count]="checks().length" [readOnly]="readOnly()" (up)="move(i, i - 1)" (down)="move(i, i + 1)" (remove)="remove(i)">
            <span class="title">{{ check.controls.name.value || ('deploy.checkTypes.' + check.controls.type.value | t) }}</span>
          </parc-deploy-item-controls>
          <div class="fields">
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>{{ 'deploy.check.type' | t }}</mat-label>
              <mat-select formControlName="type" data-testid="check-type">
                @for (type of types; track type) {
                  <mat-option [value]="type" data-testid="check-type-option" [attr.data-value]="type">{{ 'deploy.checkTypes.' + type | t }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="wide">
              <mat-label>{{ 'deploy.check.path' | t }}</mat-label>
              <input matInput formControlName="path" autocomplete="off" data-testid="check-path" />
              <mat-error>{{ check.controls.path | deployError }}</mat-error>
            </mat-form-field>
            @if (valueKind(check.controls.type.value); as kind) {
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>{{ 'deploy.checkValue.' + kind | t }}</mat-label>
                @if (kind === 'registry-type') {
                  <mat-select formControlName="value" data-testid="check-value">
                    @for (type of registryTypes; track type) {
                      <mat-option [value]="type" data-testid="check-value-option" [attr.data-value]="type">{{ type }}</mat-option>
                    }
                  </mat-select>
                } @else {
                  <input matInput formControlName="value" autocomplete="off" [attr.inputmode]="kind === 'bytes' || kind === 'megabytes' ? 'numeric' : null" data-testid="check-value" />
                }
                <mat-error>{{ check.controls.value | deployError }}</mat-error>
              </mat-form-field>
            }
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>{{ 'deploy.check.outcome' | t }}</mat-label>
              <mat-select formControlName="outcome" data-testid="check-outcome">
                @for (outcome of outcomes; track outcome) {
                  <mat-option [value]="outcome" data-testid="check-outcome-option" [attr.data-value]="outcome">{{ 'deploy.outcomes.' + outcome | t }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>{{ 'deploy.check.name' | t }}</mat-label>
              <input matInput formControlName="name" autocomplete="off" [placeholder]="'deploy.check.namePlaceholder' | t" data-testid="check-name" />
              <mat-error>{{ check.controls.name | deployError }}</mat-error>
            </mat-form-field>
          </div>
        </div>
      } @empty {
        <p class="empty" data-testid="checks-empty">{{ 'deploy.editor.noChecks' | t }}</p>
      }
    </div>
    @if (!readOnly()) {
      <button mat-stroked-button type="button" (click)="add()" data-testid="checks-add">
        <parc-icon matButtonIcon name="add" />
        {{ 'deploy.editor.addCheck' | t }}
      </button>
    }
  `,
  styleUrl: './ordered-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CheckList {
  readonly checks = input.required<FormArray<CheckForm>>();
  readonly readOnly = input(false);
  /** Re-renders on any change of the form: form events do not mark OnPush views (zoneless). */
  readonly formVersion = input(0);

  protected readonly types = CHECK_TYPES;
  protected readonly outcomes = CHECK_OUTCOMES;
  protected readonly registryTypes = REGISTRY_TYPES;

  protected valueKind(type: CheckType) {
    return CHECK_VALUE[type] ?? null;
  }

  protected add(): void {
    this.checks().push(checkForm(newCheck()));
    this.checks().markAsDirty();
  }

  protected remove(index: number): void {
    this.checks().removeAt(index);
    this.checks().markAsDirty();
  }

  protected move(from: number, to: number): void {
    moveItem(this.checks(), from, to);
  }

  protected drop(event: CdkDragDrop<unknown>): void {
    moveItem(this.checks(), event.previousIndex, event.currentIndex);
  }
}
