import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { TPipe } from '../../core/i18n/t.pipe';
import { Icon } from '../../core/icons/icon';
import { COMPUTER_COLUMNS, type ColumnPreferences } from './computer-columns';

/**
 * "Columns" menu of the computers list: a checkable item per column (`role=menuitemcheckbox`, `aria-checked`);
 * the menu stays open while ticking.
 */
@Component({
  selector: 'parc-column-chooser',
  imports: [MatButtonModule, MatMenuModule, Icon, TPipe],
  template: `
    <button mat-stroked-button type="button" [matMenuTriggerFor]="menu" data-testid="columns-menu">
      <parc-icon matButtonIcon name="view_column" />
      {{ 'computers.columns' | t }}
    </button>
    <mat-menu #menu="matMenu" xPosition="before">
      <div class="columns" (click)="$event.stopPropagation()" role="none">
        @for (column of columns; track column.key) {
          @let shown = preferences().isVisible(column.key);
          <button
            mat-menu-item
            type="button"
            role="menuitemcheckbox"
            [attr.aria-checked]="shown"
            [disabled]="shown && preferences().visible().length === 1"
            (click)="preferences().toggle(column.key)"
            [attr.data-testid]="'column-toggle-' + column.key"
          >
            <parc-icon [name]="shown ? 'check_box' : 'check_box_outline_blank'" [class.on]="shown" />
            <span>{{ column.label | t }}</span>
          </button>
        }
        <button mat-menu-item type="button" (click)="preferences().reset()" data-testid="columns-reset">
          <parc-icon name="refresh" />
          <span>{{ 'computers.columnsReset' | t }}</span>
        </button>
      </div>
    </mat-menu>
  `,
  styles: `
    .on {
      color: var(--mat-sys-primary);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ColumnChooser {
  readonly preferences = input.required<ColumnPreferences>();
  protected readonly columns = COMPUTER_COLUMNS;
}
