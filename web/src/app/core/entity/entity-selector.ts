import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTooltipModule } from '@angular/material/tooltip';
import { AuthService } from '../auth/auth.service';
import { TPipe } from '../i18n/t.pipe';
import { ActiveEntityStore } from './active-entity.store';
import { errorAlreadyShown } from '../api/request-context';

/**
 * Toolbar control choosing the active entity and whether its sub-entities are included. The choice is stored
 * and sent with every request; pages and the menu reload on their own (they depend on the choice signal), and
 * /auth/me is reloaded here because the rights held depend on the entity.
 */
@Component({
  selector: 'parc-entity-selector',
  imports: [MatSelectModule, MatSlideToggleModule, MatTooltipModule, TPipe],
  template: `
    @if (choice(); as current) {
      <mat-select
        class="entity-select"
        panelClass="parc-entity-panel"
        [value]="current.entityId"
        (valueChange)="chooseEntity($event)"
        [aria-label]="'entity.active' | t"
        [attr.title]="store.activeEntity()?.completeName ?? null"
        data-testid="entity-selector"
      >
        <mat-select-trigger>{{ store.activeEntity()?.completeName }}</mat-select-trigger>
        @for (option of options(); track option.entity.id) {
          <mat-option
            [value]="option.entity.id"
            [attr.data-entity-id]="option.entity.id"
            [attr.data-entity-name]="option.entity.completeName"
            data-testid="entity-option"
          >
            <span [style.padding-inline-start.px]="option.depth * 16">{{ option.entity.name }}</span>
          </mat-option>
        }
      </mat-select>
      <mat-slide-toggle
        [checked]="current.recursive"
        (change)="chooseRecursive($event.checked)"
        [matTooltip]="'entity.recursiveHint' | t"
        [aria-label]="'entity.recursiveHint' | t"
        data-testid="entity-recursive"
      >
        <span class="recursive-label">{{ 'entity.recursive' | t }}</span>
      </mat-slide-toggle>
    }
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 16px;
      min-width: 0;
    }
    .entity-select {
      width: clamp(120px, 26vw, 340px);
      padding: 6px 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container-highest);
    }
    @media (max-width: 700px) {
      :host {
        gap: 8px;
      }
      .recursive-label {
        display: none;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EntitySelector {
  protected readonly store = inject(ActiveEntityStore);
  private readonly auth = inject(AuthService);

  protected readonly choice = this.store.choice;
  protected readonly options = this.store.tree;

  protected chooseEntity(entityId: number): void {
    this.apply({ entityId, recursive: this.choice()?.recursive ?? true });
  }

  protected chooseRecursive(recursive: boolean): void {
    const entityId = this.choice()?.entityId;
    if (entityId !== undefined) this.apply({ entityId, recursive });
  }

  private apply(choice: { entityId: number; recursive: boolean }): void {
    this.store.select(choice);
    this.auth.loadMe().subscribe({ error: errorAlreadyShown });
  }
}
