import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Icon } from '../../core/icons/icon';
import { TPipe } from '../../core/i18n/t.pipe';

/**
 * `<parc-icon-button icon="edit" label="entities.rename" (pressed)="…" />`: an icon-only action whose translated
 * label is both its tooltip and its accessible name. Put the test id on the host.
 */
@Component({
  selector: 'parc-icon-button',
  imports: [MatButtonModule, MatTooltipModule, Icon, TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-icon-button
      type="button"
      [disabled]="disabled()"
      (click)="pressed.emit()"
      [matTooltip]="label() | t"
      [attr.aria-label]="label() | t"
    >
      <parc-icon [name]="icon()" />
    </button>
  `,
  styles: `
    :host {
      display: inline-block;
    }
  `,
})
export class IconButton {
  readonly icon = input.required<string>();
  /** Translation key of the label. */
  readonly label = input.required<string>();
  readonly disabled = input(false);
  readonly pressed = output<void>();
}
