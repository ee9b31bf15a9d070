import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TPipe } from '@parc/web-sdk';
import { OCS_ACTIONS } from '../deploy.model';
import type { DefinitionForm } from '../packages/definition-form';
import { DeployErrorPipe } from '../shared/deploy-error.pipe';

/** Reboot after the job, and how the revision is offered to OCS Inventory agents (priority, action, notice). */
@Component({
  selector: 'parc-deploy-options-form',
  imports: [ReactiveFormsModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, TPipe, DeployErrorPipe],
  template: `
    @let ocs = form().controls.ocs;
    @let notify = ocs.controls.notify;
    <div [formGroup]="form()">
      <mat-checkbox formControlName="rebootAfter" data-testid="option-reboot">{{ 'deploy.options.rebootAfter' | t }}</mat-checkbox>
    </div>
    <h3>{{ 'deploy.options.ocs' | t }}</h3>
    <div class="grid" [formGroup]="ocs">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'deploy.options.priority' | t }}</mat-label>
        <input matInput type="number" min="0" max="10" formControlName="priority" data-testid="ocs-priority" />
        <mat-hint>{{ 'deploy.options.priorityHint' | t }}</mat-hint>
        <mat-error>{{ ocs.controls.priority | deployError }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'deploy.options.action' | t }}</mat-label>
        <mat-select formControlName="action" data-testid="ocs-action">
          @for (action of actions; track action) {
            <mat-option [value]="action" data-testid="ocs-action-option" [attr.data-value]="action">{{ 'deploy.ocsActions.' + action | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      @if (ocs.controls.action.value === 'STORE') {
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="span">
          <mat-label>{{ 'deploy.options.path' | t }}</mat-label>
          <input matInput formControlName="path" autocomplete="off" data-testid="ocs-path" />
          <mat-error>{{ ocs.controls.path | deployError }}</mat-error>
        </mat-form-field>
      } @else {
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="span">
          <mat-label>{{ (ocs.controls.action.value === 'LAUNCH' ? 'deploy.options.launch' : 'deploy.options.command') | t }}</mat-label>
          <input matInput formControlName="command" autocomplete="off" data-testid="ocs-command" />
          <mat-error>{{ ocs.controls.command | deployError }}</mat-error>
        </mat-form-field>
      }
    </div>
    <div [formGroup]="notify" class="notify">
      <mat-checkbox formControlName="enabled" data-testid="ocs-notify-enabled">{{ 'deploy.options.notify' | t }}</mat-checkbox>
      @if (notify.controls.enabled.value) {
        <div class="grid">
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="span">
            <mat-label>{{ 'deploy.options.notifyText' | t }}</mat-label>
            <textarea matInput formControlName="text" rows="2" data-testid="ocs-notify-text"></textarea>
            <mat-error>{{ notify.controls.text | deployError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ 'deploy.options.countdown' | t }}</mat-label>
            <input matInput type="number" min="0" formControlName="countdown" data-testid="ocs-notify-countdown" />
            <mat-error>{{ notify.controls.countdown | deployError }}</mat-error>
          </mat-form-field>
          <div class="flags">
            <mat-checkbox formControlName="canAbort" data-testid="ocs-notify-abort">{{ 'deploy.options.canAbort' | t }}</mat-checkbox>
            <mat-checkbox formControlName="canDelay" data-testid="ocs-notify-delay">{{ 'deploy.options.canDelay' | t }}</mat-checkbox>
          </div>
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="span">
            <mat-label>{{ 'deploy.options.doneText' | t }}</mat-label>
            <input matInput formControlName="doneText" autocomplete="off" data-testid="ocs-notify-done" />
            <mat-error>{{ notify.controls.doneText | deployError }}</mat-error>
          </mat-form-field>
        </div>
      }
    </div>
  `,
  styles: `
    h3 {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-small);
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      gap: 12px;
      margin-bottom: 12px;
    }
    .span {
      grid-column: 1 / -1;
    }
    .flags {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OptionsForm {
  readonly form = input.required<DefinitionForm>();
  /** Re-renders on any change of the form: form events do not mark OnPush views (zoneless). */
  readonly formVersion = input(0);
  protected readonly actions = OCS_ACTIONS;
}
