import { type EnvironmentProviders, inject, provideEnvironmentInitializer } from '@angular/core';
import { MassActionInputs } from '../../shared/mass-actions/mass-action-inputs';

/** Mass actions on computers that take a group, and the (lazy) group picker asking for it. */
export function registerGroupMassActionInputs(inputs: MassActionInputs): void {
  inputs.register('group.add', () => import('./group-mass-input').then((m) => m.GroupAddInput));
  inputs.register('group.remove', () => import('./group-mass-input').then((m) => m.GroupRemoveInput));
}

/** In the app's providers, like the computers' inputs: any list of computers may offer these actions. */
export function provideGroupMassActionInputs(): EnvironmentProviders {
  return provideEnvironmentInitializer(() => registerGroupMassActionInputs(inject(MassActionInputs)));
}
