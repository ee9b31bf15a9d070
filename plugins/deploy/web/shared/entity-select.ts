import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { ActiveEntityStore } from '@parc/web-sdk';
import { DeployErrorPipe } from './deploy-error.pipe';

/**
 * The entity of something the deploy plugin creates (package, mirror, template): the entities the user may
 * choose, as a tree. Options carry `<testId>-option` with `data-entity-id` and `data-entity-name`.
 */
@Component({
  selector: 'parc-deploy-entity-select',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatSelectModule, DeployErrorPipe],
  template: `
    <mat-form-field appearance="outline">
      <mat-label>{{ label() }}</mat-label>
      <mat-select [formControl]="control()" [attr.data-testid]="testId()">
        @if (outside(); as id) {
          <mat-option [value]="id">{{ outsideName() || '#' + id }}</mat-option>
        }
        @for (row of entities.tree(); track row.entity.id) {
          <mat-option
            [value]="row.entity.id"
            [attr.data-testid]="testId() + '-option'"
            [attr.data-entity-id]="row.entity.id"
            [attr.data-entity-name]="row.entity.completeName"
          >
            <span [style.padding-inline-start.px]="row.depth * 16">{{ row.entity.name }}</span>
          </mat-option>
        }
      </mat-select>
      <mat-error>{{ control() | deployError }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    mat-form-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EntitySelect {
  protected readonly entities = inject(ActiveEntityStore);
  readonly control = input.required<FormControl<number | null>>();
  readonly label = input.required<string>();
  readonly testId = input.required<string>();
  /** The name of the current entity when the user cannot choose it (an item edited from a parent entity). */
  readonly outsideName = input('');

  /** The current value when it is not among the choosable entities (kept, so that saving does not move it). */
  protected readonly outside = computed(() => {
    const id = this.control().value;
    return id !== null && !this.entities.entities().some((entity) => entity.id === id) ? id : null;
  });
}
