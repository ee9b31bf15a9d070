import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActiveEntityStore, I18n, Notifier, TPipe, applyServerErrors, toApiError } from '@parc/web-sdk';
import { DeployApi } from '../deploy.api';
import type { MirrorInput, MirrorView } from '../deploy.model';
import { integer, joinLines, matches, splitLines } from '../packages/definition-form';
import { DeployErrorPipe } from '../shared/deploy-error.pipe';
import { EntitySelect } from '../shared/entity-select';
import { networksValidator } from './networks';

export interface MirrorDialogData {
  /** Absent to create a mirror. */
  mirror?: MirrorView;
}

/** Creates or edits a mirror (a web server holding copies of the file parts); closes with true once saved. */
@Component({
  selector: 'parc-deploy-mirror-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatDialogModule, MatFormFieldModule, MatInputModule, TPipe, DeployErrorPipe, EntitySelect],
  template: `
    <h2 mat-dialog-title>{{ (mirror ? 'deploy.mirrors.editTitle' : 'deploy.mirrors.createTitle') | t }}</h2>
    <mat-dialog-content>
      <form [formGroup]="form" (ngSubmit)="save()" id="mirror-form" class="parc-form">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'deploy.mirrors.name' | t }}</mat-label>
          <input matInput formControlName="name" autocomplete="off" data-testid="mirror-name" />
          <mat-error>{{ form.controls.name | deployError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'deploy.mirrors.url' | t }}</mat-label>
          <input matInput formControlName="url" autocomplete="off" placeholder="https://mirror.example.org/deploy/" data-testid="mirror-url" />
          <mat-error>{{ form.controls.url | deployError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'deploy.mirrors.networks' | t }}</mat-label>
          <textarea matInput formControlName="networks" rows="3" placeholder="10.1.0.0/16" data-testid="mirror-networks"></textarea>
          <mat-hint>{{ 'deploy.mirrors.networksHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.networks | deployError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'deploy.mirrors.position' | t }}</mat-label>
          <input matInput type="number" min="0" formControlName="position" data-testid="mirror-position" />
          <mat-hint>{{ 'deploy.mirrors.positionHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.position | deployError }}</mat-error>
        </mat-form-field>
        <parc-deploy-entity-select [control]="form.controls.entityId" [label]="'deploy.entity' | t" testId="mirror-entity" [outsideName]="mirror?.entityName ?? ''" />
        <mat-checkbox formControlName="recursive" data-testid="mirror-recursive">{{ 'deploy.recursive' | t }}</mat-checkbox>
        <mat-checkbox formControlName="active" data-testid="mirror-active">{{ 'deploy.mirrors.active' | t }}</mat-checkbox>
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
      <button mat-flat-button type="submit" form="mirror-form" [disabled]="saving()" data-testid="mirror-save">
        {{ (mirror ? 'common.save' : 'common.create') | t }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .parc-form {
      padding-top: 8px;
      gap: 6px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MirrorDialog {
  private readonly api = inject(DeployApi);
  private readonly dialogRef = inject(MatDialogRef<MirrorDialog, boolean>);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  protected readonly mirror = inject<MirrorDialogData>(MAT_DIALOG_DATA).mirror;
  protected readonly saving = signal(false);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.mirror?.name ?? '', [Validators.required, Validators.maxLength(255)]],
    url: [this.mirror?.url ?? '', [Validators.required, Validators.maxLength(1024), matches(/^https?:\/\/\S+$/, 'deploy.invalid.url')]],
    networks: [joinLines(this.mirror?.networks ?? []), networksValidator],
    position: [this.mirror?.position ?? (0 as number | null), [Validators.required, Validators.min(0), Validators.max(1000), integer]],
    entityId: [this.mirror?.entityId ?? inject(ActiveEntityStore).choice()?.entityId ?? (null as number | null), Validators.required],
    recursive: [this.mirror?.recursive ?? true],
    active: [this.mirror?.active ?? true],
  });

  protected save(): void {
    if (this.form.invalid) return this.form.markAllAsTouched();
    const value = this.form.getRawValue();
    const input: MirrorInput = {
      name: value.name.trim(),
      url: value.url.trim(),
      networks: splitLines(value.networks),
      position: value.position ?? 0,
      entityId: value.entityId as number,
      recursive: value.recursive,
      active: value.active,
    };
    this.saving.set(true);
    const request = this.mirror ? this.api.updateMirror(this.mirror.id, input) : this.api.createMirror(input);
    request.subscribe({
      next: () => {
        this.notifier.success(this.i18n.t('deploy.mirrors.saved', { name: input.name }));
        this.dialogRef.close(true);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        applyServerErrors(this.form, toApiError(error));
      },
    });
  }
}
