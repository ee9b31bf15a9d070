import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { EntityView } from '@parc/contracts';
import { ApiClient } from '../../core/api/api-client';
import { entityTree, subtreeIds } from '../../core/entity/entity-tree';
import { I18n } from '../../core/i18n/i18n.service';
import { TPipe } from '../../core/i18n/t.pipe';
import { Notifier } from '../../core/notify/notifier';

export interface MoveEntityData {
  entity: EntityView;
  /** The tree the new parent is picked from. */
  entities: readonly EntityView[];
}

/** Moves an entity under another parent (PATCH parentId); its own sub-tree is not offered. */
@Component({
  selector: 'parc-move-entity-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatSelectModule, TPipe],
  template: `
    <h2 mat-dialog-title>{{ 'entities.moveTitle' | t: { name: data.entity.name } }}</h2>
    <mat-dialog-content class="parc-form">
      <mat-form-field appearance="outline">
        <mat-label>{{ 'entities.newParent' | t }}</mat-label>
        <mat-select [formControl]="parentId" data-testid="entity-move-parent">
          @for (row of candidates; track row.entity.id) {
            <mat-option
              [value]="row.entity.id"
              data-testid="entity-move-parent-option"
              [attr.data-entity-name]="row.entity.completeName"
            >
              <span [style.padding-inline-start.px]="row.depth * 16">{{ row.entity.name }}</span>
            </mat-option>
          }
        </mat-select>
      </mat-form-field>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
      <button mat-flat-button type="button" [disabled]="saving() || parentId.invalid" (click)="save()" data-testid="entity-move-save">
        {{ 'entities.move' | t }}
      </button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MoveEntityDialog {
  private readonly api = inject(ApiClient);
  private readonly dialogRef = inject(MatDialogRef<MoveEntityDialog, boolean>);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  protected readonly data = inject<MoveEntityData>(MAT_DIALOG_DATA);

  protected readonly parentId = new FormControl<number | null>(this.data.entity.parentId, Validators.required);
  protected readonly saving = signal(false);
  private readonly excluded = subtreeIds(this.data.entities, this.data.entity.id);
  protected readonly candidates = entityTree(this.data.entities).filter((row) => !this.excluded.has(row.entity.id));

  protected save(): void {
    const parentId = this.parentId.value;
    if (parentId === null) return;
    if (parentId === this.data.entity.parentId) return this.dialogRef.close(false);
    this.saving.set(true);
    this.api.patch<EntityView>(`/entities/${this.data.entity.id}`, { parentId }).subscribe({
      next: () => {
        this.notifier.success(this.i18n.t('entities.moved', { name: this.data.entity.name }));
        this.dialogRef.close(true);
      },
      error: () => this.saving.set(false),
    });
  }
}
