import { Injectable, type Signal, type Type, inject } from '@angular/core';
import { WEB_PLUGINS } from '../../core/plugins/web-plugin';

/**
 * A form asking for the `input` of a mass action (the entity to move computers to, the package to install…).
 * The mass-action bar shows it in a dialog and posts `value()` as the action's `input` once the user confirms;
 * `null` means "not complete yet" and keeps the confirm button disabled.
 */
export interface MassActionInputComponent {
  readonly value: Signal<Record<string, unknown> | null>;
}

/** Loads the input form of an action lazily, so that it costs nothing until the action runs. */
export type MassActionInputLoader = () => Promise<Type<MassActionInputComponent>>;

/**
 * Which mass actions need an input, and the form that asks for it, by action key. Features register theirs
 * (`inject(MassActionInputs).register('computer.move', () => import(…))`); plugins declare them in their
 * WebPlugin (`massActionInputs`). An action without a registered form runs with no input.
 */
@Injectable({ providedIn: 'root' })
export class MassActionInputs {
  private readonly loaders = new Map<string, MassActionInputLoader>();

  constructor() {
    for (const plugin of inject(WEB_PLUGINS)) {
      for (const [key, loader] of Object.entries(plugin.massActionInputs ?? {})) this.register(key, loader);
    }
  }

  register(actionKey: string, loader: MassActionInputLoader): void {
    this.loaders.set(actionKey, loader);
  }

  has(actionKey: string): boolean {
    return this.loaders.has(actionKey);
  }

  /** The form of the action, or undefined when it takes no input. */
  async load(actionKey: string): Promise<Type<MassActionInputComponent> | undefined> {
    return this.loaders.get(actionKey)?.();
  }
}
