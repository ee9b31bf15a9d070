/**
 * What a package revision holds, independent of any agent protocol, shared by the server and the web part (plain
 * TypeScript, no imports). The server renders it to the job JSON that FusionInventory/GLPI agents execute
 * (fusion-job.ts) and, later, to the OCS package and the SSH script.
 */

/** Check types of the FusionInventory deploy task (protocol §5.5). */
export const CHECK_TYPES = [
  'directoryExists',
  'directoryMissing',
  'fileExists',
  'fileMissing',
  'fileSizeEquals',
  'fileSizeGreater',
  'fileSizeLower',
  'fileSHA512',
  'fileSHA512mismatch',
  'freespaceGreater',
  'winkeyExists',
  'winkeyMissing',
  'winkeyEquals',
  'winkeyNotEquals',
  'winvalueExists',
  'winvalueMissing',
  'winvalueType',
] as const;
export type CheckType = (typeof CHECK_TYPES)[number];

/** Checks whose `value` means something, and what it must look like. */
export type CheckValueKind = 'bytes' | 'megabytes' | 'sha512' | 'text' | 'registry-type';
export const CHECK_VALUE: Partial<Record<CheckType, CheckValueKind>> = {
  fileSizeEquals: 'bytes',
  fileSizeGreater: 'bytes',
  fileSizeLower: 'bytes',
  fileSHA512: 'sha512',
  fileSHA512mismatch: 'sha512',
  freespaceGreater: 'megabytes',
  winkeyEquals: 'text',
  winkeyNotEquals: 'text',
  winvalueType: 'registry-type',
};

export const REGISTRY_TYPES = ['REG_SZ', 'REG_EXPAND_SZ', 'REG_MULTI_SZ', 'REG_DWORD', 'REG_QWORD', 'REG_BINARY', 'REG_NONE'] as const;

/** What the agent does when the check fails: abort, end the job successfully, report, or start at once. */
export const CHECK_OUTCOMES = ['error', 'skip', 'info', 'warning', 'startnow'] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

export interface CheckDefinition {
  name: string;
  type: CheckType;
  path: string;
  value: string;
  outcome: CheckOutcome;
}

export const RET_CHECK_TYPES = ['okCode', 'errorCode', 'okPattern', 'errorPattern'] as const;
export type RetCheckType = (typeof RET_CHECK_TYPES)[number];

export interface RetCheck {
  type: RetCheckType;
  values: string[];
}

export type ActionDefinition =
  | { type: 'cmd'; name: string; exec: string; retChecks: RetCheck[]; logLineLimit: number }
  | { type: 'move' | 'copy'; name: string; from: string; to: string }
  | { type: 'delete' | 'mkdir'; name: string; list: string[] };
export const ACTION_TYPES = ['cmd', 'move', 'copy', 'delete', 'mkdir'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export interface FileDefinition {
  /** SHA-512 of the whole file (its identity in the repository). */
  sha512: string;
  name: string;
  p2p: boolean;
  /** Minutes the agent keeps the parts after use (0: the agent's default). */
  p2pRetentionMinutes: number;
  uncompress: boolean;
}

/** When a message is shown to the logged-in users (Windows agents only; protocol §5.8). */
export const INTERACTION_EVENTS = ['before', 'after_download', 'after', 'after_download_failure', 'after_failure'] as const;
export type InteractionEvent = (typeof INTERACTION_EVENTS)[number];
export const INTERACTION_BUTTONS = ['ok', 'okcancel', 'yesno', 'yesnocancel', 'abortretryignore', 'retrycancel', 'canceltrycontinue'] as const;
export type InteractionButtons = (typeof INTERACTION_BUTTONS)[number];
export const INTERACTION_ICONS = ['none', 'warn', 'question', 'info', 'error'] as const;
export type InteractionIcon = (typeof INTERACTION_ICONS)[number];
/** Answers and situations a behaviour can be set for; the value is `<local policy>:<reported behaviour>`. */
export const INTERACTION_ANSWERS = ['on_ok', 'on_yes', 'on_no', 'on_cancel', 'on_abort', 'on_retry', 'on_ignore', 'on_tryagain', 'on_continue', 'on_timeout', 'on_nouser', 'on_multiusers'] as const;
export type InteractionAnswer = (typeof INTERACTION_ANSWERS)[number];
export const INTERACTION_BEHAVIOURS = ['continue:continue', 'stop:stop', 'stop:postpone'] as const;
export type InteractionBehaviour = (typeof INTERACTION_BEHAVIOURS)[number];
export type Behaviours = Partial<Record<InteractionAnswer, InteractionBehaviour>>;

export interface UserInteractionDefinition {
  name: string;
  /** A template whose icon, buttons, timeout and behaviours apply (copied in when the revision is published). */
  templateId: number | null;
  event: InteractionEvent;
  title: string;
  text: string;
  icon: InteractionIcon;
  buttons: InteractionButtons;
  /** Seconds before `on_timeout` applies (0: wait for ever). */
  timeout: number;
  behaviours: Behaviours;
}

/** What is wrong with a set of behaviours, one line per problem (keyed by the answer when it is known). */
export function behaviourProblems(behaviours: Record<string, string>): { answer?: string; problem: string }[] {
  return Object.entries(behaviours).flatMap(([answer, behaviour]) => {
    if (!(INTERACTION_ANSWERS as readonly string[]).includes(answer)) return [{ problem: `unknown answer '${answer}' (use ${INTERACTION_ANSWERS.join(', ')})` }];
    if (!(INTERACTION_BEHAVIOURS as readonly string[]).includes(behaviour)) return [{ answer, problem: `behaviour must be one of ${INTERACTION_BEHAVIOURS.join(', ')}` }];
    return [];
  });
}

export const OCS_ACTIONS = ['LAUNCH', 'EXECUTE', 'STORE'] as const;
export type OcsAction = (typeof OCS_ACTIONS)[number];

/** How the revision is published to OCS Inventory agents (protocol-ocs.md). */
export interface OcsOptions {
  /** 0 (first) to 10; OCS's default is 5. */
  priority: number;
  action: OcsAction;
  /** LAUNCH: the file to run; EXECUTE: the command line. */
  command: string;
  /** STORE: where the files go. */
  path: string;
  notify: { enabled: boolean; text: string; countdown: number; canAbort: boolean; canDelay: boolean; doneText: string };
}

export interface PackageDefinition {
  checks: CheckDefinition[];
  actions: ActionDefinition[];
  files: FileDefinition[];
  userInteractions: UserInteractionDefinition[];
  rebootAfter: boolean;
  ocs: OcsOptions;
}

export function emptyDefinition(): PackageDefinition {
  return {
    checks: [],
    actions: [],
    files: [],
    userInteractions: [],
    rebootAfter: false,
    ocs: { priority: 5, action: 'EXECUTE', command: '', path: '', notify: { enabled: false, text: '', countdown: 0, canAbort: false, canDelay: false, doneText: '' } },
  };
}
