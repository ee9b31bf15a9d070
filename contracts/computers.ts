/** Agent kinds the intake recognises by User-Agent. */
export type AgentKind = 'fusioninventory' | 'glpi-agent' | 'ocs';

/** Criteria operators of the search (GLPI's searchtypes). Values may use `*` as a wildcard. */
export type SearchOperator = 'contains' | 'equals' | 'notequals' | 'less' | 'more';

export interface SearchCriterion {
  /** A search field key, from GET /api/computers/search-fields. */
  field: string;
  operator: SearchOperator;
  value: string;
}

export interface SearchFieldView {
  key: string;
  label: { en: string; fr?: string };
  type: 'string' | 'number' | 'date' | 'group';
  operators: SearchOperator[];
  /** Can be shown as a column of the list. */
  column: boolean;
  plugin?: string;
}

/** One row of the computers list (the CSV export writes the columns chosen among these). */
export interface ComputerRow {
  id: number;
  name: string;
  entityId: number;
  entityName: string;
  serial: string;
  uuid: string;
  manufacturer: string;
  model: string;
  osName: string;
  osVersion: string;
  lastInventoryAt: string | null;
  lastContactAt: string | null;
  agentKind: AgentKind | null;
  agentVersion: string | null;
  /** Primary IPv4 address (first non-loopback interface). */
  ip: string | null;
}

export interface ComputerView extends ComputerRow {
  type: string;
  osArch: string;
  osKernel: string;
  biosManufacturer: string;
  biosVersion: string;
  biosDate: string;
  cpuModel: string;
  cpuCount: number;
  cpuCores: number;
  memoryMb: number;
  swapMb: number;
  workgroup: string;
  lastLoggedUser: string;
  softwareCount: number;
  createdAt: string;
  updatedAt: string;
  cpus: { manufacturer: string; model: string; speedMhz: number; cores: number; threads: number; arch: string }[];
  users: string[];
  /** Fields an admin set by hand; inventories leave them alone (PATCH `unlock` releases them). */
  lockedFields: string[];
}

export interface ComputerSoftwareView {
  name: string;
  publisher: string;
  version: string;
}

export interface ComputerDiskView {
  mountPoint: string;
  device: string;
  fileSystem: string;
  totalMb: number;
  freeMb: number;
  label: string;
}

export interface NetworkInterfaceView {
  name: string;
  mac: string;
  ipv4: string;
  ipv4Mask: string;
  ipv4Gateway: string;
  ipv6: string;
  status: string;
  type: string;
  virtual: boolean;
}

export interface AgentView {
  id: number;
  deviceId: string;
  kind: AgentKind;
  version: string;
  userAgent: string;
  remoteAddress: string;
  httpPort: number | null;
  tag: string;
  entityId: number;
  entityName: string;
  computerId: number | null;
  computerName: string | null;
  lastContactAt: string | null;
  createdAt: string;
}

/** What one accepted inventory changed on a computer (its history tab). */
export interface InventoryChangeView {
  id: number;
  at: string;
  agentDeviceId: string | null;
  /** `created` for the first inventory of a computer. */
  kind: 'created' | 'updated';
  /** Changed fields of the computer itself: field → [before, after]. */
  fields: Record<string, [unknown, unknown]>;
  /** Per child section (software, disks, networks, cpus, users): what was added and removed. */
  sections: Record<string, { added: string[]; removed: string[]; addedCount: number; removedCount: number }>;
}

export type EntityRuleKind = 'tag' | 'ip';

/**
 * Where a new computer goes: the first active rule that matches, by position; else the default entity.
 * `tag`: the agent's TAG equals the pattern (`*` wildcards allowed). `ip`: the agent's address is in the range
 * (`10.1.0.0/16`, or `10.1.0.1-10.1.0.99`).
 */
export interface EntityRuleView {
  id: number;
  position: number;
  name: string;
  kind: EntityRuleKind;
  pattern: string;
  entityId: number;
  entityName: string;
  active: boolean;
}

export interface InventorySettingsView {
  /** Entity of new computers that no rule matches. */
  defaultEntityId: number;
  /** Hours between two inventories asked of an agent (PROLOG_FREQ). */
  frequencyHours: number;
}
