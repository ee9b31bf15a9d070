import type { ActionDefinition, CheckDefinition, FileDefinition, PackageDefinition, UserInteractionDefinition } from '../../shared/definition';

/** One check of the job document, as the agent reads it (protocol §5.5). */
export interface FusionCheck {
  name: string;
  type: string;
  path: string;
  value: string;
  return: string;
}

export type FusionAction = Record<string, Record<string, unknown>>;

export interface FusionFile {
  name: string;
  p2p: 0 | 1;
  'p2p-retention-duration': number;
  uncompress: 0 | 1;
  mirrors: string[];
  multiparts: string[];
}

/** A job without its `uuid` (given per computer at dispatch) and the files it uses. */
export interface FusionJob {
  job: { checks: FusionCheck[]; associatedFiles: string[]; actions: FusionAction[]; userinteractions: Record<string, unknown>[] };
  associatedFiles: Record<string, FusionFile>;
}

/** What the file repository knows of a file at dispatch: its parts, and where agents fetch them. */
export interface FileParts {
  multiparts: string[];
  mirrors: string[];
}

const check = (c: CheckDefinition): FusionCheck => ({ name: c.name || c.type, type: c.type, path: c.path, value: c.value, return: c.outcome });

function action(a: ActionDefinition): FusionAction {
  switch (a.type) {
    case 'cmd':
      // No retChecks key means "success whatever the exit code"; an empty list fails on FusionInventory 2.6
      // (protocol §5.6), so the key is sent only with entries.
      return { cmd: { name: a.name, exec: a.exec, logLineLimit: a.logLineLimit, ...(a.retChecks.length ? { retChecks: a.retChecks.map((r) => ({ type: r.type, values: [...r.values] })) } : {}) } };
    case 'move':
    case 'copy':
      return { [a.type]: { name: a.name, from: a.from, to: a.to } };
    case 'delete':
    case 'mkdir':
      return { [a.type]: { name: a.name, list: [...a.list] } };
  }
}

function userInteraction(u: UserInteractionDefinition): Record<string, unknown> {
  return { name: u.name, type: u.event, title: u.title, text: u.text, icon: u.icon, buttons: u.buttons, timeout: u.timeout, wait: 'yes', platform: 'win32', ...u.behaviours };
}

function file(f: FileDefinition, parts: FileParts | undefined): FusionFile {
  // Every key must be present and non-null, or the agent drops the whole answer (protocol §5.3).
  return { name: f.name, p2p: f.p2p ? 1 : 0, 'p2p-retention-duration': f.p2pRetentionMinutes, uncompress: f.uncompress ? 1 : 0, mirrors: parts?.mirrors ?? [], multiparts: parts?.multiparts ?? [] };
}

/**
 * The FusionInventory/GLPI agent job document of a revision (protocol §5.3–§5.8), with the parts and mirrors of
 * its files when known (a preview renders them empty).
 */
export function renderFusionJob(definition: PackageDefinition, parts: ReadonlyMap<string, FileParts> = new Map()): FusionJob {
  return {
    job: {
      checks: definition.checks.map(check),
      associatedFiles: definition.files.map((f) => f.sha512),
      actions: definition.actions.map(action),
      userinteractions: definition.userInteractions.map(userInteraction),
    },
    associatedFiles: Object.fromEntries(definition.files.map((f) => [f.sha512, file(f, parts.get(f.sha512))])),
  };
}
