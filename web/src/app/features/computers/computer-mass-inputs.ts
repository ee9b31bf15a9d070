import { type EnvironmentProviders, inject, provideEnvironmentInitializer } from '@angular/core';
import { MassActionInputs } from '../../shared/mass-actions/mass-action-inputs';

/** Mass actions on computers that need an input, and the (lazy) form asking for it. */
export function registerComputerMassActionInputs(inputs: MassActionInputs): void {
  inputs.register('computer.move', () => import('./computer-move-input').then((m) => m.ComputerMoveInput));
}

/**
 * In the app's providers: the forms are known before any list shows the bar (a plugin page may list computers
 * too). Only the loader is in the initial bundle; the form itself loads when the action runs.
 */
export function provideComputerMassActionInputs(): EnvironmentProviders {
  return provideEnvironmentInitializer(() => registerComputerMassActionInputs(inject(MassActionInputs)));
}
