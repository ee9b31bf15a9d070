import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { iconShape } from './icon-paths';

/**
 * `<parc-icon name="group" />`: a Material icon drawn as inline SVG (no icon font needed offline). It carries
 * the `mat-icon` class, so Material buttons, lists and menus size and colour it like their own icons.
 */
@Component({
  selector: 'parc-icon',
  template: `
    <svg [attr.viewBox]="shape().viewBox ?? '0 0 24 24'" focusable="false" aria-hidden="true">
      @for (path of shape().paths; track $index) {
        <path [attr.d]="path" />
      }
    </svg>
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-shrink: 0;
      width: var(--parc-icon-size, 24px);
      height: var(--parc-icon-size, 24px);
      vertical-align: middle;
    }
    svg {
      width: 100%;
      height: 100%;
      fill: currentColor;
    }
  `,
  host: { class: 'mat-icon parc-icon', role: 'img', 'aria-hidden': 'true' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Icon {
  readonly name = input.required<string>();
  protected readonly shape = computed(() => iconShape(this.name()));
}
