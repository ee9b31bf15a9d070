import { type AbstractControl, FormArray, FormControl, FormGroup, type ValidationErrors, type ValidatorFn, Validators } from '@angular/forms';
import {
  type ActionDefinition,
  type ActionType,
  type Behaviours,
  CHECK_VALUE,
  type CheckOutcome,
  type CheckType,
  type CheckValueKind,
  INTERACTION_ANSWERS,
  type InteractionAnswer,
  type InteractionBehaviour,
  type InteractionButtons,
  type InteractionEvent,
  type InteractionIcon,
  type OcsAction,
  type PackageDefinition,
  REGISTRY_TYPES,
  type RetCheckType,
  type TemplateView,
} from '../deploy.model';

/*
 * The draft editor's reactive form and its mapping to the definition PUT /api/deploy/packages/:id/draft takes,
 * with the same rules as the server's (DTOs + PackagesService.checkDefinition), so that most mistakes show
 * under the field before saving. Lists of values (return-check values, paths to delete) are edited one a line.
 */

/** A validation failure of the deploy forms: a translation key, shown by the `deployError` pipe. */
export interface DeployProblem {
  key: string;
  params?: Record<string, string | number>;
}

const problem = (key: string, params?: Record<string, string | number>): ValidationErrors => ({ deploy: params ? { key, params } : { key } });

export const SHA512 = /^[0-9a-f]{128}$/;
const SHA512_ANY_CASE = /^[0-9a-fA-F]{128}$/;
const WHOLE_NUMBER = /^\d{1,18}$/;
const EXIT_CODE = /^-?\d{1,10}$/;
const FILE_NAME = /^[^/\\\0]+$/;

/** What is wrong with a check's value for its type (translation key), or null. */
export function checkValueProblem(type: CheckType, value: string): string | null {
  const kind: CheckValueKind | undefined = CHECK_VALUE[type];
  const trimmed = value.trim();
  if (kind === 'bytes') return WHOLE_NUMBER.test(trimmed) ? null : 'deploy.invalid.bytes';
  if (kind === 'megabytes') return WHOLE_NUMBER.test(trimmed) ? null : 'deploy.invalid.megabytes';
  if (kind === 'sha512') return SHA512_ANY_CASE.test(trimmed) ? null : 'deploy.invalid.sha512';
  if (kind === 'registry-type') return (REGISTRY_TYPES as readonly string[]).includes(trimmed) ? null : 'deploy.invalid.registryType';
  return null;
}

/** One value a line, blank lines left out. */
export function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export const joinLines = (values: readonly string[]): string => values.join('\n');

/** What is wrong with a return check's values (translation key), or null. */
export function retCheckValuesProblem(type: RetCheckType, text: string): string | null {
  const values = splitLines(text);
  if (values.length === 0) return 'form.required';
  if (values.length > 20) return 'deploy.invalid.tooManyValues';
  if ((type === 'okCode' || type === 'errorCode') && !values.every((v) => EXIT_CODE.test(v))) return 'deploy.invalid.exitCodes';
  if (values.some((v) => v.length > 255)) return 'deploy.invalid.valueTooLong';
  return null;
}

/** FusionInventory and GLPI agents read the return checks differently unless the first one decides. */
export function firstRetCheckProblem(types: readonly RetCheckType[]): string | null {
  return types.length > 0 && types[0] !== 'okCode' && types[0] !== 'okPattern' ? 'deploy.invalid.firstRetCheck' : null;
}

/** Indexes of the items whose key was already used by an earlier item. */
export function repeatedIndexes<T>(items: readonly T[], key: (item: T) => string): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  items.forEach((item, index) => {
    const value = key(item);
    if (seen.has(value)) repeated.push(index);
    seen.add(value);
  });
  return repeated;
}

/**
 * A field of the server's 400 (`definition.checks[0].value` from the definition rules, `checks.0.value` from
 * the DTO validation) as the path of the form control (`checks.0.value`).
 */
export function formPath(field: string): string {
  return field
    .replace(/^definition\./, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\./, '');
}

/** Where a problem is, for the editor's list of problems: `actions.1.exec` → section actions, item 2, field exec. */
export function describePath(path: string): { section: string; item: number | null; field: string } {
  const [section = '', ...rest] = path.split('.');
  const item = rest.length > 0 && /^\d+$/.test(rest[0]) ? Number(rest.shift()) + 1 : null;
  return { section, item, field: rest.join('.') };
}

// Form values: what the controls hold (strings where the user types lists, null while a number is empty).

export interface CheckValue {
  name: string;
  type: CheckType;
  path: string;
  value: string;
  outcome: CheckOutcome;
}

export interface RetCheckValue {
  type: RetCheckType;
  /** One value a line. */
  values: string;
}

export interface ActionValue {
  type: ActionType;
  name: string;
  exec: string;
  retChecks: RetCheckValue[];
  logLineLimit: number | null;
  from: string;
  to: string;
  /** delete/mkdir: one path a line. */
  list: string;
}

export interface FileValue {
  sha512: string;
  name: string;
  p2p: boolean;
  p2pRetentionMinutes: number | null;
  uncompress: boolean;
}

/** `''`: the answer does nothing special (left out of the definition). */
export type BehaviourValues = Record<InteractionAnswer, InteractionBehaviour | ''>;

export interface InteractionValue {
  name: string;
  event: InteractionEvent;
  templateId: number | null;
  title: string;
  text: string;
  icon: InteractionIcon;
  buttons: InteractionButtons;
  timeout: number | null;
  behaviours: BehaviourValues;
}

export interface OcsValue {
  priority: number | null;
  action: OcsAction;
  command: string;
  path: string;
  notify: { enabled: boolean; text: string; countdown: number | null; canAbort: boolean; canDelay: boolean; doneText: string };
}

export interface DefinitionValue {
  checks: CheckValue[];
  actions: ActionValue[];
  files: FileValue[];
  userInteractions: InteractionValue[];
  rebootAfter: boolean;
  ocs: OcsValue;
}

export function newCheck(): CheckValue {
  return { name: '', type: 'fileExists', path: '', value: '', outcome: 'error' };
}

export function newAction(type: ActionType): ActionValue {
  return {
    type,
    name: '',
    exec: '',
    retChecks: type === 'cmd' ? [{ type: 'okCode', values: '0' }] : [],
    logLineLimit: 10,
    from: '',
    to: '',
    list: '',
  };
}

export function newFile(sha512: string, name: string): FileValue {
  return { sha512, name, p2p: false, p2pRetentionMinutes: 0, uncompress: false };
}

export function noBehaviours(): BehaviourValues {
  return Object.fromEntries(INTERACTION_ANSWERS.map((answer) => [answer, ''])) as BehaviourValues;
}

export function newInteraction(event: InteractionEvent): InteractionValue {
  return { name: event, event, templateId: null, title: '', text: '', icon: 'info', buttons: 'ok', timeout: 0, behaviours: noBehaviours() };
}

/** The editor's value of a stored definition (a revision saved before templates existed has no templateId). */
export function toFormValue(definition: PackageDefinition): DefinitionValue {
  return {
    checks: definition.checks.map((c) => ({ name: c.name, type: c.type, path: c.path, value: c.value, outcome: c.outcome })),
    actions: definition.actions.map((a): ActionValue => {
      const base = newAction(a.type);
      switch (a.type) {
        case 'cmd':
          return { ...base, name: a.name, exec: a.exec, logLineLimit: a.logLineLimit, retChecks: a.retChecks.map((r) => ({ type: r.type, values: joinLines(r.values) })) };
        case 'move':
        case 'copy':
          return { ...base, name: a.name, from: a.from, to: a.to };
        case 'delete':
        case 'mkdir':
          return { ...base, name: a.name, list: joinLines(a.list) };
      }
    }),
    files: definition.files.map((f) => ({ ...f })),
    userInteractions: definition.userInteractions.map((u) => ({
      name: u.name,
      event: u.event,
      templateId: u.templateId ?? null,
      title: u.title,
      text: u.text,
      icon: u.icon,
      buttons: u.buttons,
      timeout: u.timeout,
      behaviours: { ...noBehaviours(), ...u.behaviours },
    })),
    rebootAfter: definition.rebootAfter,
    ocs: { ...definition.ocs, notify: { ...definition.ocs.notify } },
  };
}

const BUTTON_ANSWERS: Record<InteractionButtons, readonly InteractionAnswer[]> = {
  ok: ['on_ok'],
  okcancel: ['on_ok', 'on_cancel'],
  yesno: ['on_yes', 'on_no'],
  yesnocancel: ['on_yes', 'on_no', 'on_cancel'],
  abortretryignore: ['on_abort', 'on_retry', 'on_ignore'],
  retrycancel: ['on_retry', 'on_cancel'],
  canceltrycontinue: ['on_cancel', 'on_tryagain', 'on_continue'],
};

/** The answers a set of buttons can give, then the situations without an answer (timeout, nobody, several users). */
export function answersFor(buttons: InteractionButtons): InteractionAnswer[] {
  return [...BUTTON_ANSWERS[buttons], 'on_timeout', 'on_nouser', 'on_multiusers'];
}

/** The behaviours chosen for the answers the buttons can give (a choice made for other buttons is dropped). */
export function behavioursOf(values: BehaviourValues, buttons: InteractionButtons): Behaviours {
  const chosen: Behaviours = {};
  for (const answer of answersFor(buttons)) {
    const behaviour = values[answer];
    if (behaviour) chosen[answer] = behaviour;
  }
  return chosen;
}

/**
 * The whole definition the server takes: only the fields of each action's type, lists split by line, text
 * trimmed where the server trims it. With a template, the interaction still carries the template's settings
 * (the server's DTO requires them), taken from `templates` when known.
 */
export function toDefinition(value: DefinitionValue, templates: readonly TemplateView[] = []): PackageDefinition {
  return {
    checks: value.checks.map((c) => ({
      name: c.name.trim(),
      type: c.type,
      path: c.path.trim(),
      value: CHECK_VALUE[c.type] ? c.value.trim() : '',
      outcome: c.outcome,
    })),
    actions: value.actions.map((a): ActionDefinition => {
      const name = a.name.trim();
      switch (a.type) {
        case 'cmd':
          return { type: 'cmd', name, exec: a.exec.trim(), logLineLimit: a.logLineLimit ?? 10, retChecks: a.retChecks.map((r) => ({ type: r.type, values: splitLines(r.values) })) };
        case 'move':
        case 'copy':
          return { type: a.type, name, from: a.from.trim(), to: a.to.trim() };
        case 'delete':
        case 'mkdir':
          return { type: a.type, name, list: splitLines(a.list) };
      }
    }),
    files: value.files.map((f) => ({ sha512: f.sha512, name: f.name.trim(), p2p: f.p2p, p2pRetentionMinutes: f.p2pRetentionMinutes ?? 0, uncompress: f.uncompress })),
    userInteractions: value.userInteractions.map((u) => {
      const template = u.templateId === null ? undefined : templates.find((t) => t.id === u.templateId);
      const settings = template
        ? { icon: template.icon, buttons: template.buttons, timeout: template.timeout, behaviours: { ...template.behaviours } }
        : { icon: u.icon, buttons: u.buttons, timeout: u.timeout ?? 0, behaviours: behavioursOf(u.behaviours, u.buttons) };
      return { name: u.name.trim(), event: u.event, title: u.title, text: u.text, ...settings, templateId: u.templateId };
    }),
    rebootAfter: value.rebootAfter,
    ocs: {
      priority: value.ocs.priority ?? 5,
      action: value.ocs.action,
      command: value.ocs.command,
      path: value.ocs.path,
      notify: { ...value.ocs.notify, countdown: value.ocs.notify.countdown ?? 0 },
    },
  };
}

// Validators

/** A text of a given shape; `key` says which. Empty is left to `required`. */
export function matches(pattern: RegExp, key: string): ValidatorFn {
  return (control) => (!control.value || pattern.test(String(control.value)) ? null : problem(key));
}

/** Whole numbers only (a number input may hold 1.5). */
export const integer: ValidatorFn = (control) => (control.value === null || control.value === '' || Number.isInteger(Number(control.value)) ? null : problem('deploy.invalid.integer'));

const checkValueValidator: ValidatorFn = (control) => {
  const type = control.parent?.get('type')?.value as CheckType | undefined;
  const key = type ? checkValueProblem(type, String(control.value ?? '')) : null;
  return key ? problem(key) : null;
};

const retCheckValuesValidator: ValidatorFn = (control) => {
  const type = control.parent?.get('type')?.value as RetCheckType | undefined;
  const key = type ? retCheckValuesProblem(type, String(control.value ?? '')) : null;
  return key ? problem(key) : null;
};

const firstRetCheckValidator: ValidatorFn = (control) => {
  const types = (control as FormArray<RetCheckForm>).controls.map((c) => c.controls.type.value);
  const key = firstRetCheckProblem(types);
  return key ? problem(key) : null;
};

const pathListValidator: ValidatorFn = (control) => {
  const paths = splitLines(String(control.value ?? ''));
  if (paths.length === 0) return problem('form.required');
  if (paths.length > 100) return problem('deploy.invalid.tooManyPaths');
  return paths.some((p) => p.length > 1024) ? problem('deploy.invalid.valueTooLong') : null;
};

/** Two items of a list sharing what must be unique: the later ones get the error on that field. */
function uniqueWithin(field: string, key: string): ValidatorFn {
  return (control) => {
    const items = (control as FormArray<FormGroup>).controls;
    const repeated = new Set(repeatedIndexes(items, (item) => String(item.get(field)?.value ?? '').trim()));
    items.forEach((item, index) => {
      const target = item.get(field);
      if (!target) return;
      const errors = { ...target.errors };
      const had = 'unique' in errors;
      if (repeated.has(index)) errors['unique'] = { key };
      else delete errors['unique'];
      if (had !== repeated.has(index)) target.setErrors(Object.keys(errors).length ? errors : null);
    });
    return null;
  };
}

// Typed forms

type Control<T> = FormControl<T>;
const text = (value: string, ...validators: ValidatorFn[]) => new FormControl(value, { nonNullable: true, validators });
const choice = <T>(value: T) => new FormControl<T>(value, { nonNullable: true, validators: Validators.required });
const flag = (value: boolean) => new FormControl(value, { nonNullable: true });
const count = (value: number | null, min: number, max: number) => new FormControl<number | null>(value, [Validators.required, Validators.min(min), Validators.max(max), integer]);

export type CheckForm = FormGroup<{ name: Control<string>; type: Control<CheckType>; path: Control<string>; value: Control<string>; outcome: Control<CheckOutcome> }>;
export type RetCheckForm = FormGroup<{ type: Control<RetCheckType>; values: Control<string> }>;
export type ActionForm = FormGroup<{
  type: Control<ActionType>;
  name: Control<string>;
  exec: Control<string>;
  retChecks: FormArray<RetCheckForm>;
  logLineLimit: Control<number | null>;
  from: Control<string>;
  to: Control<string>;
  list: Control<string>;
}>;
export type FileForm = FormGroup<{ sha512: Control<string>; name: Control<string>; p2p: Control<boolean>; p2pRetentionMinutes: Control<number | null>; uncompress: Control<boolean> }>;
export type BehaviourForm = FormGroup<Record<InteractionAnswer, Control<InteractionBehaviour | ''>>>;
export type InteractionForm = FormGroup<{
  name: Control<string>;
  event: Control<InteractionEvent>;
  templateId: Control<number | null>;
  title: Control<string>;
  text: Control<string>;
  icon: Control<InteractionIcon>;
  buttons: Control<InteractionButtons>;
  timeout: Control<number | null>;
  behaviours: BehaviourForm;
}>;
export type OcsForm = FormGroup<{
  priority: Control<number | null>;
  action: Control<OcsAction>;
  command: Control<string>;
  path: Control<string>;
  notify: FormGroup<{ enabled: Control<boolean>; text: Control<string>; countdown: Control<number | null>; canAbort: Control<boolean>; canDelay: Control<boolean>; doneText: Control<string> }>;
}>;
export type DefinitionForm = FormGroup<{
  checks: FormArray<CheckForm>;
  actions: FormArray<ActionForm>;
  files: FormArray<FileForm>;
  userInteractions: FormArray<InteractionForm>;
  rebootAfter: Control<boolean>;
  ocs: OcsForm;
}>;

/** Enables a control only when it applies (a disabled control is neither validated nor edited). */
function applies(control: AbstractControl, yes: boolean): void {
  if (yes && control.disabled) control.enable({ emitEvent: false });
  if (!yes && control.enabled) control.disable({ emitEvent: false });
}

export function checkForm(value: CheckValue): CheckForm {
  const form: CheckForm = new FormGroup({
    name: text(value.name, Validators.maxLength(255)),
    type: choice(value.type),
    path: text(value.path, Validators.required, Validators.maxLength(1024)),
    value: text(value.value, checkValueValidator, Validators.maxLength(1024)),
    outcome: choice(value.outcome),
  });
  const sync = (type: CheckType) => {
    applies(form.controls.value, CHECK_VALUE[type] !== undefined);
    form.controls.value.updateValueAndValidity({ emitEvent: false });
  };
  sync(value.type);
  form.controls.type.valueChanges.subscribe(sync);
  return form;
}

export function retCheckForm(value: RetCheckValue): RetCheckForm {
  const form: RetCheckForm = new FormGroup({ type: choice(value.type), values: text(value.values, retCheckValuesValidator) });
  // Validated again now that the values can see their type.
  form.controls.values.updateValueAndValidity({ emitEvent: false });
  // The values' rule depends on the type; the list's rule on the first type.
  form.controls.type.valueChanges.subscribe(() => {
    form.controls.values.updateValueAndValidity({ emitEvent: false });
    form.parent?.updateValueAndValidity();
  });
  return form;
}

export function actionForm(value: ActionValue): ActionForm {
  const form: ActionForm = new FormGroup({
    type: choice(value.type),
    name: text(value.name, Validators.required, Validators.maxLength(255)),
    exec: text(value.exec, Validators.required, Validators.maxLength(4000)),
    retChecks: new FormArray(value.retChecks.map(retCheckForm), [firstRetCheckValidator, Validators.maxLength(10)]),
    logLineLimit: count(value.logLineLimit, 0, 1000),
    from: text(value.from, Validators.required, Validators.maxLength(1024)),
    to: text(value.to, Validators.required, Validators.maxLength(1024)),
    list: text(value.list, pathListValidator),
  });
  const sync = (type: ActionType) => {
    const { exec, retChecks, logLineLimit, from, to, list } = form.controls;
    for (const control of [exec, retChecks, logLineLimit]) applies(control, type === 'cmd');
    for (const control of [from, to]) applies(control, type === 'move' || type === 'copy');
    applies(list, type === 'delete' || type === 'mkdir');
    form.updateValueAndValidity({ emitEvent: false });
  };
  sync(value.type);
  form.controls.type.valueChanges.subscribe(sync);
  return form;
}

export function fileForm(value: FileValue): FileForm {
  return new FormGroup({
    sha512: text(value.sha512, Validators.required, matches(SHA512, 'deploy.invalid.sha512Lowercase')),
    name: text(value.name, Validators.required, Validators.maxLength(255), matches(FILE_NAME, 'deploy.invalid.fileName')),
    p2p: flag(value.p2p),
    p2pRetentionMinutes: count(value.p2pRetentionMinutes, 0, 525_600),
    uncompress: flag(value.uncompress),
  });
}

export function interactionForm(value: InteractionValue): InteractionForm {
  const behaviours = new FormGroup(
    Object.fromEntries(INTERACTION_ANSWERS.map((answer) => [answer, new FormControl(value.behaviours[answer], { nonNullable: true })])) as Record<InteractionAnswer, Control<InteractionBehaviour | ''>>,
  );
  const form: InteractionForm = new FormGroup({
    name: text(value.name, Validators.required, Validators.maxLength(255)),
    event: choice(value.event),
    templateId: new FormControl<number | null>(value.templateId),
    title: text(value.title, Validators.maxLength(255)),
    text: text(value.text, Validators.maxLength(2000)),
    icon: choice(value.icon),
    buttons: choice(value.buttons),
    timeout: count(value.timeout, 0, 86_400),
    behaviours,
  });
  // A template supplies these: they are shown from it, not edited.
  const sync = (templateId: number | null) => {
    const { icon, buttons, timeout } = form.controls;
    for (const control of [icon, buttons, timeout, behaviours]) applies(control, templateId === null);
  };
  sync(value.templateId);
  form.controls.templateId.valueChanges.subscribe(sync);
  return form;
}

export function ocsForm(value: OcsValue): OcsForm {
  return new FormGroup({
    priority: count(value.priority, 0, 10),
    action: choice(value.action),
    command: text(value.command, Validators.maxLength(4000)),
    path: text(value.path, Validators.maxLength(1024)),
    notify: new FormGroup({
      enabled: flag(value.notify.enabled),
      text: text(value.notify.text, Validators.maxLength(2000)),
      countdown: count(value.notify.countdown, 0, 86_400),
      canAbort: flag(value.notify.canAbort),
      canDelay: flag(value.notify.canDelay),
      doneText: text(value.notify.doneText, Validators.maxLength(2000)),
    }),
  });
}

export function definitionForm(value: DefinitionValue): DefinitionForm {
  return new FormGroup({
    checks: new FormArray(value.checks.map(checkForm), Validators.maxLength(100)),
    actions: new FormArray(value.actions.map(actionForm), Validators.maxLength(100)),
    files: new FormArray(value.files.map(fileForm), [Validators.maxLength(100), uniqueWithin('name', 'deploy.invalid.fileNameTaken'), uniqueWithin('sha512', 'deploy.invalid.fileTwice')]),
    userInteractions: new FormArray(value.userInteractions.map(interactionForm), uniqueWithin('event', 'deploy.invalid.eventTwice')),
    rebootAfter: flag(value.rebootAfter),
    ocs: ocsForm(value.ocs),
  });
}

/** The form's whole value, disabled controls included (their values are ignored by toDefinition). */
export function formValue(form: DefinitionForm): DefinitionValue {
  return form.getRawValue() as DefinitionValue;
}

/** Moves an item of an ordered list (drag and drop, or the up/down buttons). */
export function moveItem<T extends AbstractControl>(list: FormArray<T>, from: number, to: number): void {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return;
  const item = list.at(from) as T;
  list.removeAt(from, { emitEvent: false });
  list.insert(to, item);
  list.markAsDirty();
}

/** The translation of a control's first problem: a deploy rule, or null for the SDK's `fieldError`. */
export function deployProblem(errors: ValidationErrors | null | undefined): DeployProblem | null {
  if (!errors) return null;
  return ((errors['deploy'] ?? errors['unique']) as DeployProblem | undefined) ?? null;
}
