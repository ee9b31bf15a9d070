import type { PackageDefinition, TemplateView } from '../deploy.model';
import {
  actionForm,
  answersFor,
  checkForm,
  checkValueProblem,
  definitionForm,
  deployProblem,
  describePath,
  firstRetCheckProblem,
  formPath,
  formValue,
  moveItem,
  newAction,
  newCheck,
  newFile,
  newInteraction,
  retCheckValuesProblem,
  splitLines,
  toDefinition,
  toFormValue,
} from './definition-form';

const sha = 'ab'.repeat(64);

const stored: PackageDefinition = {
  checks: [
    { name: 'Enough room', type: 'freespaceGreater', path: 'C:\\', value: '500', outcome: 'error' },
    { name: '', type: 'winkeyExists', path: 'HKLM\\Software\\Acme', value: '', outcome: 'skip' },
  ],
  actions: [
    { type: 'cmd', name: 'Install', exec: 'msiexec /i acme.msi /qn', logLineLimit: 20, retChecks: [{ type: 'okCode', values: ['0', '3010'] }, { type: 'errorPattern', values: ['failed'] }] },
    { type: 'copy', name: 'Config', from: 'acme.ini', to: 'C:\\Acme\\' },
    { type: 'delete', name: 'Clean', list: ['C:\\Temp\\a', 'C:\\Temp\\b'] },
  ],
  files: [{ sha512: sha, name: 'acme.msi', p2p: true, p2pRetentionMinutes: 60, uncompress: false }],
  userInteractions: [{ name: 'warn', event: 'before', title: 'Acme', text: 'Closing %u', icon: 'warn', buttons: 'okcancel', timeout: 30, behaviours: { on_ok: 'continue:continue', on_cancel: 'stop:postpone' }, templateId: null }],
  rebootAfter: true,
  ocs: { priority: 3, action: 'EXECUTE', command: 'setup.exe', path: '', notify: { enabled: true, text: 'Soon', countdown: 60, canAbort: false, canDelay: true, doneText: 'Done' } },
};

describe('definition ↔ editor value', () => {
  it('round-trips a stored definition', () => {
    expect(toDefinition(toFormValue(stored))).toEqual(stored);
  });

  it('edits lists one value a line and sends them split, blank lines left out', () => {
    const value = toFormValue(stored);
    expect(value.actions[0].retChecks[0].values).toBe('0\n3010');
    expect(value.actions[2].list).toBe('C:\\Temp\\a\nC:\\Temp\\b');
    expect(splitLines(' 0 \n\n 1641\n')).toEqual(['0', '1641']);
  });

  it('sends only the fields of each action type, whatever the editor still holds', () => {
    const value = toFormValue(stored);
    value.actions[1] = { ...value.actions[1], exec: 'left over', list: 'left over' };
    value.actions[2] = { ...value.actions[2], from: 'left over', retChecks: [{ type: 'okCode', values: '1' }] };
    const [, copy, del] = toDefinition(value).actions;
    expect(copy).toEqual({ type: 'copy', name: 'Config', from: 'acme.ini', to: 'C:\\Acme\\' });
    expect(del).toEqual({ type: 'delete', name: 'Clean', list: ['C:\\Temp\\a', 'C:\\Temp\\b'] });
  });

  it('empties the value of checks that take none, and trims the others', () => {
    const value = toFormValue(stored);
    value.checks[0].value = ' 750 ';
    value.checks[1].value = 'typed before changing the type';
    const [room, key] = toDefinition(value).checks;
    expect(room.value).toBe('750');
    expect(key.value).toBe('');
  });

  it('leaves out behaviours set to nothing', () => {
    const value = toFormValue(stored);
    expect(value.userInteractions[0].behaviours.on_yes).toBe('');
    expect(toDefinition(value).userInteractions[0].behaviours).toEqual({ on_ok: 'continue:continue', on_cancel: 'stop:postpone' });
  });

  it('keeps only the behaviours the buttons can lead to', () => {
    const value = toFormValue(stored);
    value.userInteractions[0].buttons = 'yesno';
    value.userInteractions[0].behaviours.on_yes = 'continue:continue';
    value.userInteractions[0].behaviours.on_timeout = 'stop:stop';
    expect(toDefinition(value).userInteractions[0].behaviours).toEqual({ on_yes: 'continue:continue', on_timeout: 'stop:stop' });
    expect(answersFor('retrycancel')).toEqual(['on_retry', 'on_cancel', 'on_timeout', 'on_nouser', 'on_multiusers']);
  });

  it("takes a template's settings for an interaction that uses it", () => {
    const template: TemplateView = { id: 4, entityId: 1, entityName: 'Root', recursive: true, name: 'Ask', icon: 'question', buttons: 'yesno', timeout: 120, behaviours: { on_yes: 'continue:continue', on_no: 'stop:stop' } };
    const value = toFormValue(stored);
    value.userInteractions[0].templateId = 4;
    expect(toDefinition(value, [template]).userInteractions[0]).toEqual({
      name: 'warn',
      event: 'before',
      title: 'Acme',
      text: 'Closing %u',
      icon: 'question',
      buttons: 'yesno',
      timeout: 120,
      behaviours: { on_yes: 'continue:continue', on_no: 'stop:stop' },
      templateId: 4,
    });
  });

  it('reads revisions saved before templates existed', () => {
    const old = structuredClone(stored) as PackageDefinition;
    delete (old.userInteractions[0] as Partial<PackageDefinition['userInteractions'][number]>).templateId;
    expect(toFormValue(old).userInteractions[0].templateId).toBeNull();
  });

  it('starts new items with sensible defaults', () => {
    expect(newCheck()).toEqual({ name: '', type: 'fileExists', path: '', value: '', outcome: 'error' });
    expect(newAction('cmd').retChecks).toEqual([{ type: 'okCode', values: '0' }]);
    expect(newAction('mkdir').retChecks).toEqual([]);
    expect(newFile(sha, 'a.zip')).toEqual({ sha512: sha, name: 'a.zip', p2p: false, p2pRetentionMinutes: 0, uncompress: false });
    expect(newInteraction('after').event).toBe('after');
  });
});

describe('definition rules (as the server checks them)', () => {
  it('wants whole numbers for sizes and free space, a SHA-512, a registry type', () => {
    expect(checkValueProblem('fileSizeEquals', '1024')).toBeNull();
    expect(checkValueProblem('fileSizeGreater', '1.5')).toBe('deploy.invalid.bytes');
    expect(checkValueProblem('freespaceGreater', '')).toBe('deploy.invalid.megabytes');
    expect(checkValueProblem('fileSHA512', sha.toUpperCase())).toBeNull();
    expect(checkValueProblem('fileSHA512mismatch', 'abc')).toBe('deploy.invalid.sha512');
    expect(checkValueProblem('winvalueType', 'REG_DWORD')).toBeNull();
    expect(checkValueProblem('winvalueType', 'DWORD')).toBe('deploy.invalid.registryType');
    expect(checkValueProblem('winkeyEquals', '')).toBeNull();
    expect(checkValueProblem('fileExists', 'anything')).toBeNull();
  });

  it('wants exit codes for okCode and errorCode, any text for patterns', () => {
    expect(retCheckValuesProblem('okCode', '0\n-1\n3010')).toBeNull();
    expect(retCheckValuesProblem('errorCode', '1, 2')).toBe('deploy.invalid.exitCodes');
    expect(retCheckValuesProblem('okPattern', 'Installed (ok|done)')).toBeNull();
    expect(retCheckValuesProblem('okCode', ' \n ')).toBe('form.required');
  });

  it('wants okCode or okPattern first', () => {
    expect(firstRetCheckProblem([])).toBeNull();
    expect(firstRetCheckProblem(['okPattern', 'errorCode'])).toBeNull();
    expect(firstRetCheckProblem(['errorCode', 'okCode'])).toBe('deploy.invalid.firstRetCheck');
  });

  it('maps the server’s field names to the form’s', () => {
    expect(formPath('definition.checks[0].value')).toBe('checks.0.value');
    expect(formPath('definition.actions[2].retChecks[1].values')).toBe('actions.2.retChecks.1.values');
    expect(formPath('checks.3.path')).toBe('checks.3.path');
    expect(formPath('definition.userInteractions[0].behaviours.on_ok')).toBe('userInteractions.0.behaviours.on_ok');
  });

  it('says where a problem is, items counted from 1', () => {
    expect(describePath('actions.1.retChecks.0.values')).toEqual({ section: 'actions', item: 2, field: 'retChecks.0.values' });
    expect(describePath('ocs.notify.text')).toEqual({ section: 'ocs', item: null, field: 'notify.text' });
    expect(describePath('rebootAfter')).toEqual({ section: 'rebootAfter', item: null, field: '' });
  });
});

describe('editor form', () => {
  const problemOf = (errors: Parameters<typeof deployProblem>[0]) => deployProblem(errors)?.key ?? null;

  it('validates a check value against its type, again when the type changes', () => {
    const check = checkForm({ ...newCheck(), type: 'fileSizeEquals', path: '/tmp/a', value: 'big' });
    expect(problemOf(check.controls.value.errors)).toBe('deploy.invalid.bytes');
    check.controls.type.setValue('fileExists');
    expect(check.controls.value.disabled).toBe(true);
    expect(check.valid).toBe(true);
    check.controls.type.setValue('fileSHA512');
    expect(problemOf(check.controls.value.errors)).toBe('deploy.invalid.sha512');
  });

  it('validates only the fields of the action type', () => {
    const action = actionForm({ ...newAction('move'), name: 'Move', from: 'a', to: '' });
    expect(action.controls.to.hasError('required')).toBe(true);
    expect(action.controls.exec.disabled).toBe(true);
    action.controls.to.setValue('b');
    expect(action.valid).toBe(true);
    action.controls.type.setValue('cmd');
    expect(action.controls.exec.hasError('required')).toBe(true);
    expect(action.controls.from.disabled).toBe(true);
  });

  it('puts the first-return-check rule on the list and the exit codes on the values', () => {
    const action = actionForm({ ...newAction('cmd'), name: 'Run', exec: 'run.sh', retChecks: [{ type: 'errorCode', values: 'x' }] });
    expect(problemOf(action.controls.retChecks.errors)).toBe('deploy.invalid.firstRetCheck');
    expect(problemOf(action.controls.retChecks.at(0).controls.values.errors)).toBe('deploy.invalid.exitCodes');
    action.controls.retChecks.at(0).controls.type.setValue('okPattern');
    expect(action.controls.retChecks.errors).toBeNull();
    expect(action.valid).toBe(true);
  });

  it('refuses numbers out of range or not whole', () => {
    const action = actionForm({ ...newAction('cmd'), name: 'Run', exec: 'run.sh', logLineLimit: 1.5 });
    expect(problemOf(action.controls.logLineLimit.errors)).toBe('deploy.invalid.integer');
    action.controls.logLineLimit.setValue(5000);
    expect(action.controls.logLineLimit.hasError('max')).toBe(true);
  });

  it('flags a second file with the same name or content, and two messages for one event', () => {
    const value = toFormValue(stored);
    value.files.push({ ...newFile(sha, 'acme.msi') });
    value.userInteractions.push({ ...newInteraction('before'), name: 'again' });
    const form = definitionForm(value);
    expect(problemOf(form.controls.files.at(1).controls.name.errors)).toBe('deploy.invalid.fileNameTaken');
    expect(problemOf(form.controls.files.at(1).controls.sha512.errors)).toBe('deploy.invalid.fileTwice');
    expect(form.controls.files.at(0).valid).toBe(true);
    expect(problemOf(form.controls.userInteractions.at(1).controls.event.errors)).toBe('deploy.invalid.eventTwice');
    form.controls.files.at(1).controls.name.setValue('other.msi');
    expect(form.controls.files.at(1).controls.name.errors).toBeNull();
  });

  it('lets a template supply the interaction settings', () => {
    const form = definitionForm({ ...toFormValue(stored) });
    const interaction = form.controls.userInteractions.at(0);
    interaction.controls.templateId.setValue(7);
    expect(interaction.controls.buttons.disabled).toBe(true);
    expect(interaction.controls.behaviours.disabled).toBe(true);
    interaction.controls.templateId.setValue(null);
    expect(interaction.controls.buttons.enabled).toBe(true);
  });

  it('reorders checks and actions, and the saved definition follows', () => {
    const form = definitionForm(toFormValue(stored));
    moveItem(form.controls.actions, 2, 0);
    moveItem(form.controls.checks, 0, 1);
    moveItem(form.controls.checks, 0, 5);
    const definition = toDefinition(formValue(form));
    expect(definition.actions.map((a) => a.name)).toEqual(['Clean', 'Install', 'Config']);
    expect(definition.checks.map((c) => c.type)).toEqual(['winkeyExists', 'freespaceGreater']);
    expect(form.dirty).toBe(true);
  });

  it('is valid for a stored definition and gives it back unchanged', () => {
    const form = definitionForm(toFormValue(stored));
    expect(form.valid).toBe(true);
    expect(toDefinition(formValue(form))).toEqual(stored);
  });
});
