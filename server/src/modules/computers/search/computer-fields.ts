import type { SearchFieldDefinition } from '../../../sdk/plugin';

const field = (key: string, en: string, fr: string, type: SearchFieldDefinition['type'], sql: Pick<SearchFieldDefinition, 'column' | 'in'>, sections: string[]): SearchFieldDefinition => ({
  itemType: 'computer',
  key,
  label: { en, fr },
  type,
  ...sql,
  sections,
});

const SOFTWARE = 'computer_software cs JOIN software_versions sv ON sv.id = cs.software_version_id JOIN software s ON s.id = sv.software_id';

/** The core's computer search fields; plugins add theirs through their manifest. */
export const COMPUTER_SEARCH_FIELDS: SearchFieldDefinition[] = [
  field('name', 'Name', 'Nom', 'string', { column: 'c.name' }, ['computer']),
  field('serial', 'Serial number', 'Numéro de série', 'string', { column: 'c.serial' }, ['computer']),
  field('uuid', 'UUID', 'UUID', 'string', { column: 'c.uuid' }, ['computer']),
  field('manufacturer', 'Manufacturer', 'Fabricant', 'string', { column: 'c.manufacturer' }, ['computer']),
  field('model', 'Model', 'Modèle', 'string', { column: 'c.model' }, ['computer']),
  field('os', 'Operating system', "Système d'exploitation", 'string', { column: 'c.os_name' }, ['computer']),
  field('osVersion', 'OS version', 'Version du système', 'string', { column: 'c.os_version' }, ['computer']),
  field('memory', 'Memory (MB)', 'Mémoire (Mo)', 'number', { column: 'c.memory_mb' }, ['computer']),
  field('lastInventory', 'Last inventory', 'Dernier inventaire', 'date', { column: 'c.last_inventory_at' }, ['contact']),
  field('lastContact', 'Last contact', 'Dernier contact', 'date', { column: 'c.last_contact_at' }, ['contact']),
  field('entity', 'Entity', 'Entité', 'string', { in: { select: 'ce.id', from: 'computers ce JOIN entities e ON e.id = ce.entity_id', column: 'e.complete_name' } }, ['entity']),
  field('software', 'Software', 'Logiciel', 'string', { in: { select: 'cs.computer_id', from: SOFTWARE, column: 's.name' } }, ['software']),
  field('softwareVersion', 'Software version', 'Version de logiciel', 'string', { in: { select: 'cs.computer_id', from: SOFTWARE, column: 'sv.version' } }, ['software']),
  field('publisher', 'Software publisher', 'Éditeur de logiciel', 'string', { in: { select: 'cs.computer_id', from: SOFTWARE, column: 's.publisher' } }, ['software']),
  field('ip', 'IP address', 'Adresse IP', 'string', { in: { select: 'ni.computer_id', from: 'network_interfaces ni', column: 'ni.ipv4' } }, ['networks']),
  field('mac', 'MAC address', 'Adresse MAC', 'string', { in: { select: 'nm.computer_id', from: 'network_interfaces nm', column: 'nm.mac' } }, ['networks']),
  field('agentKind', 'Agent kind', "Type d'agent", 'string', { in: { select: 'ak.computer_id', from: 'agents ak', column: 'ak.kind' } }, ['agent']),
  field('agentVersion', 'Agent version', "Version de l'agent", 'string', { in: { select: 'ak.computer_id', from: 'agents ak', column: 'ak.version' } }, ['agent']),
  field('group', 'Member of group', 'Membre du groupe', 'group', { in: { select: 'gm.computer_id', from: 'computer_group_members gm', column: 'gm.group_id' } }, []),
];
