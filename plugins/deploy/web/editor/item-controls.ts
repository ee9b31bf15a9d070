import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { CdkDragHandle } from '@angular/cdk/drag-drop';
import { Icon, IconButton, TPipe } from '@parc/web-sdk';

/**
 * The head of an item of an ordered list (checks, actions): a drag handle, its number, and buttons to move it
 * up or down (the keyboard way to reorder) or remove it. Test ids are `<kind>-drag`, `<kind>-up`, `<kind>-down`,
 * `<kind>-remove`.
 */
@Component({
  selector: 'parc-deploy-item-controls',
  imports: [CdkDragHandle, Icon, IconButton, TPipe],
  template: `
    @if (!readOnly()) {
      <span class="handle" cdkDragHandle [attr.aria-label]="'deploy.editor.drag' | t" [attr.data-testid]="kind() + '-drag'">
        <parc-icon name="drag_indicator" />
      </span>
    }
    <span class="number" [attr.data-testid]="kind() + '-number'">{{ index() + 1 }}</span>
    <ng-content />
    @if (!readOnly()) {
      <span class="buttons">
        <parc-icon-button icon="arrow_upward" label="deploy.editor.moveUp" [disabled]="index() === 0" (pressed)="up.emit()" [attr.data-testid]="kind() + '-up'" />
        <parc-icon-button icon="arrow_downward" label="deploy.editor.moveDown" [disabled]="index() === count() - 1" (pressed)="down.emit()" [attr.data-testid]="kind() + '-down'" />
        <parc-icon-button icon="delete" label="deploy.editor.remove" (pressed)="remove.emit()" [attr.data-testid]="kind() + '-remove'" />
      </span>
    }
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .handle {
      display: inline-flex;
      cursor: grab;
      color: var(--mat-sys-on-surface-variant);
    }
    .number {
      min-width: 2ch;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-primary);
    }
    .buttons {
      display: inline-flex;
      margin-inline-start: auto;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ItemControls {
  /** `check`, `action`: the prefix of the test ids. */
  readonly kind = input.required<string>();
  readonly index = input.required<number>();
  readonly count = input.required<number>();
  readonly readOnly = input(false);
  readonly up = output<void>();
  readonly down = output<void>();
  readonly remove = output<void>();
}
