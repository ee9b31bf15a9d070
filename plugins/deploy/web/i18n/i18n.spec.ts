import {
  ACTION_TYPES,
  CHECK_OUTCOMES,
  CHECK_TYPES,
  CHECK_VALUE,
  INTERACTION_ANSWERS,
  INTERACTION_BEHAVIOURS,
  INTERACTION_BUTTONS,
  INTERACTION_EVENTS,
  INTERACTION_ICONS,
  OCS_ACTIONS,
  RET_CHECK_TYPES,
} from '../deploy.model';
import { en } from './en';
import { fr } from './fr';

// Labels built from the vocabularies (`'deploy.checkTypes.' + type`) escape the compiler's key check.
describe('deploy translations', () => {
  const keys = [
    ...CHECK_TYPES.map((v) => `deploy.checkTypes.${v}`),
    ...Object.values(CHECK_VALUE).map((v) => `deploy.checkValue.${v}`),
    ...CHECK_OUTCOMES.map((v) => `deploy.outcomes.${v}`),
    ...ACTION_TYPES.map((v) => `deploy.actionTypes.${v}`),
    ...RET_CHECK_TYPES.map((v) => `deploy.retCheckTypes.${v}`),
    ...INTERACTION_EVENTS.map((v) => `deploy.events.${v}`),
    ...INTERACTION_ICONS.map((v) => `deploy.icons.${v}`),
    ...INTERACTION_BUTTONS.map((v) => `deploy.buttons.${v}`),
    ...INTERACTION_ANSWERS.map((v) => `deploy.answers.${v}`),
    ...INTERACTION_BEHAVIOURS.map((v) => `deploy.behaviours.${v}`),
    ...OCS_ACTIONS.map((v) => `deploy.ocsActions.${v}`),
    ...['draft', 'published', 'retired'].map((v) => `deploy.status.${v}`),
    ...['added', 'removed', 'changed'].map((v) => `deploy.diff.kinds.${v}`),
    ...['checks', 'files', 'actions', 'userInteractions', 'ocs', 'rebootAfter'].map((v) => `deploy.sections.${v}`),
  ];

  it('name every value of the vocabularies, in both languages', () => {
    expect(keys.filter((key) => !(key in en))).toEqual([]);
    expect(keys.filter((key) => !(key in fr))).toEqual([]);
  });

  it('keep the same placeholders in French', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort().join();
    const differing = Object.entries(en).filter(([key, text]) => placeholders(text) !== placeholders(fr[key as keyof typeof en]));
    expect(differing.map(([key]) => key)).toEqual([]);
  });
});
