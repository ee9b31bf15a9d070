import { CHECK_TYPES, emptyDefinition, type PackageDefinition } from '../../shared/definition';
import { renderFusionJob } from './fusion-job';

const SHA_A = 'a'.repeat(128);
const SHA_B = 'b'.repeat(128);

/**
 * Golden renderings, checked against protocol-fusioninventory.md §5.3–§5.8 (and Appendix A, the answer the real
 * agent executed): key names, value types, and what must never be sent (an empty retChecks list, a null key).
 */
describe('renderFusionJob', () => {
  it('renders an empty revision as a job the agent accepts: arrays everywhere, an object for the files', () => {
    expect(renderFusionJob(emptyDefinition())).toEqual({ job: { checks: [], associatedFiles: [], actions: [], userinteractions: [] }, associatedFiles: {} });
  });

  it.each(CHECK_TYPES.map((type) => [type]))('renders a %s check with name, type, path, value and return', (type) => {
    const definition: PackageDefinition = { ...emptyDefinition(), checks: [{ name: `check ${type}`, type, path: '/opt/app', value: '42', outcome: 'skip' }] };
    expect(renderFusionJob(definition).job.checks).toEqual([{ name: `check ${type}`, type, path: '/opt/app', value: '42', return: 'skip' }]);
  });

  it('renders every check outcome and names an unnamed check after its type', () => {
    const outcomes = ['error', 'skip', 'info', 'warning', 'startnow'] as const;
    const definition: PackageDefinition = { ...emptyDefinition(), checks: outcomes.map((outcome) => ({ name: '', type: 'fileExists', path: '%TEMP%\\x', value: '', outcome })) };
    expect(renderFusionJob(definition).job.checks.map((c) => [c.name, c.return])).toEqual(outcomes.map((o) => ['fileExists', o]));
  });

  it('renders cmd with its return checks, and without the key when there are none', () => {
    const definition: PackageDefinition = {
      ...emptyDefinition(),
      actions: [
        { type: 'cmd', name: 'install', exec: 'sh install.sh', logLineLimit: 10, retChecks: [{ type: 'okCode', values: ['0'] }, { type: 'errorPattern', values: ['FATAL'] }] },
        { type: 'cmd', name: 'whatever', exec: 'true', logLineLimit: 5, retChecks: [] },
      ],
    };
    expect(renderFusionJob(definition).job.actions).toEqual([
      { cmd: { name: 'install', exec: 'sh install.sh', logLineLimit: 10, retChecks: [{ type: 'okCode', values: ['0'] }, { type: 'errorPattern', values: ['FATAL'] }] } },
      { cmd: { name: 'whatever', exec: 'true', logLineLimit: 5 } },
    ]);
  });

  it('renders move, copy, delete and mkdir as one-key objects, in order', () => {
    const definition: PackageDefinition = {
      ...emptyDefinition(),
      actions: [
        { type: 'move', name: 'move it', from: '*.conf', to: '/etc/app/' },
        { type: 'copy', name: 'copy it', from: 'app.bin', to: '/usr/local/bin/app' },
        { type: 'delete', name: 'clean', list: ['/tmp/app-old'] },
        { type: 'mkdir', name: 'dirs', list: ['/etc/app', '/var/lib/app'] },
      ],
    };
    expect(renderFusionJob(definition).job.actions).toEqual([
      { move: { name: 'move it', from: '*.conf', to: '/etc/app/' } },
      { copy: { name: 'copy it', from: 'app.bin', to: '/usr/local/bin/app' } },
      { delete: { name: 'clean', list: ['/tmp/app-old'] } },
      { mkdir: { name: 'dirs', list: ['/etc/app', '/var/lib/app'] } },
    ]);
  });

  it('lists the files in order with every key the agent requires, parts and mirrors when known', () => {
    const definition: PackageDefinition = {
      ...emptyDefinition(),
      files: [
        { sha512: SHA_A, name: 'app.tar.gz', p2p: true, p2pRetentionMinutes: 1440, uncompress: true },
        { sha512: SHA_B, name: 'install.sh', p2p: false, p2pRetentionMinutes: 0, uncompress: false },
      ],
    };
    const parts = new Map([[SHA_A, { multiparts: ['1'.repeat(128), '2'.repeat(128)], mirrors: ['http://server/deploy/?action=getFilePart&file='] }]]);
    const rendered = renderFusionJob(definition, parts);
    expect(rendered.job.associatedFiles).toEqual([SHA_A, SHA_B]);
    expect(rendered.associatedFiles).toEqual({
      [SHA_A]: { name: 'app.tar.gz', p2p: 1, 'p2p-retention-duration': 1440, uncompress: 1, mirrors: ['http://server/deploy/?action=getFilePart&file='], multiparts: ['1'.repeat(128), '2'.repeat(128)] },
      [SHA_B]: { name: 'install.sh', p2p: 0, 'p2p-retention-duration': 0, uncompress: 0, mirrors: [], multiparts: [] },
    });
    for (const f of Object.values(rendered.associatedFiles)) for (const value of Object.values(f)) expect(value).not.toBeNull();
  });

  it('renders user interactions for Windows agents with their behaviours', () => {
    const definition: PackageDefinition = {
      ...emptyDefinition(),
      userInteractions: [{ name: 'warn', templateId: null, event: 'before', title: 'Install', text: 'Closing app %u', icon: 'warn', buttons: 'yesno', timeout: 60, behaviours: { on_yes: 'continue:continue', on_no: 'stop:stop', on_timeout: 'continue:continue' } }],
    };
    expect(renderFusionJob(definition).job.userinteractions).toEqual([
      { name: 'warn', type: 'before', title: 'Install', text: 'Closing app %u', icon: 'warn', buttons: 'yesno', timeout: 60, wait: 'yes', platform: 'win32', on_yes: 'continue:continue', on_no: 'stop:stop', on_timeout: 'continue:continue' },
    ]);
  });
});
