import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActiveEntityStore, I18n, Notifier, TPipe, applyServerErrors, toApiError } from '@parc/web-sdk';
import { DeployApi } from '../deploy.api';
import {
  INTERACTION_ANSWERS,
  INTERACTION_BEHAVIOURS,
  INTERACTION_BUTTONS,
  INTERACTION_ICONS,
  type InteractionAnswer,
  type InteractionBehaviour,
  type InteractionButtons,
  type InteractionIcon,
  type TemplateInput,
  type TemplateView,
} from '../deploy.model';
import { answersFor, behavioursOf, integer, noBehaviours } from '../packages/definition-form';
import { DeployErrorPipe } from '../shared/deploy-error.pipe';
import { EntitySelect } from '../shared/entity-select';

export interface TemplateDialogData {
  /** Absent to create a template. */
  template?: TemplateView;
}

/** Creates or edits an interaction template (icon, buttons, timeout, what each answer does); closes with true once saved. */
@Component({
  selector: 'parc-deploy-template-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, TPipe, DeployErrorPipe, EntitySelect],
  template: `
    <h2 mat-dialog-title>{{ (template ? 'deploy.templates.editTitle' : 'deploy.templates.createTitle') | t }}</h2>
    <mat-dialog-content>
      <form [formGroup]="form" (ngSubmit)="save()" id="template-form" class="parc-form">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'deploy.templates.name' | t }}</mat-label>
          <input matInput formControlName="name" autocomplete="off" data-testid="template-name" />
          <mat-error>{{ form.controls.name | deployError }}</mat-error>
        </mat-form-field>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'deploy.interaction.icon' | t }}</mat-label>
            <mat-select formControlName="icon" data-testid="template-icon">
              @for (icon of icons; track icon) {
                <mat-option [value]="icon" data-testid="template-icon-option" [attr.data-value]="icon">{{ 'deploy.icons.' + icon | t }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'deploy.interaction.buttons' | t }}</mat-label>
            <mat-select formControlName="buttons" data-testid="template-buttons">
              @for (buttonSet of buttonSets; track buttonSet) {
                <mat-option [value]="buttonSet" data-testid="template-buttons-option" [attr.data-value]="buttonSet">{{ 'deploy.buttons.' + buttonSet | t }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'deploy.interaction.timeout' | t }}</mat-label>
            <input matInput type="number" min="0" formControlName="timeout" data-testid="template-timeout" />
            <mat-hint>{{ 'deploy.interaction.timeoutHint' | t }}</mat-hint>
            <mat-error>{{ form.controls.timeout | deployError }}</mat-error>
          </mat-form-field>
        </div>
        <p class="behaviours-title">{{ 'deploy.interaction.behaviours' | t }}</p>
        <div class="behaviours" formGroupName="behaviours">
          @for (answer of answers(); track answer) {
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>{{ 'deploy.answers.' + answer | t }}</mat-label>
              <mat-select [formControlName]="answer" [attr.data-testid]="'template-behaviour-' + answer">
                <mat-option value="">{{ 'deploy.behaviours.none' | t }}</mat-option>
                @for (behaviour of behaviourChoices; track behaviour) {
                  <mat-option [value]="behaviour" [attr.data-value]="behaviour">{{ 'deploy.behaviours.' + behaviour | t }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          }
        </div>
        <parc-deploy-entity-select [control]="form.controls.entityId" [label]="'deploy.entity' | t" testId="template-entity" [outsideName]="template?.entityName ?? ''" />
        <mat-checkbox formControlName="recursive" data-testid="template-recursive">{{ 'deploy.recursive' | t }}</mat-checkbox>
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
      <button mat-flat-button type="submit" form="template-form" [disabled]="saving()" data-testid="template-save">
        {{ (template ? 'common.save' : 'common.create') | t }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .parc-form {
      padding-top: 8px;
      gap: 2px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .row mat-form-field {
      flex: 1 1 160px;
    }
    .behaviours-title {
      margin: 0 0 8px;
      font: var(--mat-sys-label-large);
    }
    .behaviours {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
      gap: 8px 12px;
      margin-bottom: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TemplateDialog {
  private readonly api = inject(DeployApi);
  private readonly dialogRef = inject(MatDialogRef<TemplateDialog, boolean>);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  protected readonly template = inject<TemplateDialogData>(MAT_DIALOG_DATA).template;
  protected readonly icons = INTERACTION_ICONS;
  protected readonly buttonSets = INTERACTION_BUTTONS;
  protected readonly behaviourChoices = INTERACTION_BEHAVIOURS;
  protected readonly saving = signal(false);

  private readonly behaviours = new FormGroup(
    Object.fromEntries(
      INTERACTION_ANSWERS.map((answer) => [answer, new FormControl<InteractionBehaviour | ''>(this.template?.behaviours[answer] ?? '', { nonNullable: true })]),
    ) as Record<InteractionAnswer, FormControl<InteractionBehaviour | ''>>,
  );
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.template?.name ?? '', [Validators.required, Validators.maxLength(255)]],
    icon: [this.template?.icon ?? ('info' as InteractionIcon), Validators.required],
    buttons: [this.template?.buttons ?? ('ok' as InteractionButtons), Validators.required],
    timeout: [this.template?.timeout ?? (0 as number | null), [Validators.required, Validators.min(0), Validators.max(86_400), integer]],
    behaviours: this.behaviours,
    entityId: [this.template?.entityId ?? inject(ActiveEntityStore).choice()?.entityId ?? (null as number | null), Validators.required],
    recursive: [this.template?.recursive ?? true],
  });
  private readonly buttons = toSignal(this.form.controls.buttons.valueChanges, { initialValue: this.form.controls.buttons.value });
  protected readonly answers = computed(() => answersFor(this.buttons()));

  protected save(): void {
    if (this.form.invalid) return this.form.markAllAsTouched();
    const value = this.form.getRawValue();
    const input: TemplateInput = {
      name: value.name.trim(),
      icon: value.icon,
      buttons: value.buttons,
      timeout: value.timeout ?? 0,
      behaviours: behavioursOf({ ...noBehaviours(), ...value.behaviours }, value.buttons),
      entityId: value.entityId as number,
      recursive: value.recursive,
    };
    this.saving.set(true);
    const request = this.template ? this.api.updateTemplate(this.template.id, input) : this.api.createTemplate(input);
    request.subscribe({
      next: () => {
        this.notifier.success(this.i18n.t('deploy.templates.saved', { name: input.name }));
        this.dialogRef.close(true);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        applyServerErrors(this.form, toApiError(error));
      },
    });
  }
}
