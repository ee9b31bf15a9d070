import type { SearchFieldDefinition } from '../../../sdk/plugin';

const field = (key: string, en: string, fr: string, type: SearchFieldDefinition['type'], sql: Pick<SearchFieldDefinition, 'column' | 'in'>): SearchFieldDefinition => ({
  itemType: 'computer',
  key,
  label: { en, fr },
  type,
  ...sql,
});

const SOFTWARE = 'computer_software cs JOIN software_versions sv ON sv.id = cs.software_version_id JOIN software s ON s.id = sv.software_id';

/** The core's computer search fields; plugins add theirs through their manifest. */
export const COMPUTER_SEARCH_FIELDS: SearchFieldDefinition[] = [
  field('name', 'Name', 'Nom', 'string', { column: 'c.name' }),
  field('serial', 'Serial number', 'Numéro de série', 'string', { column: 'c.serial' }),
  field('uuid', 'UUID', 'UUID', 'string', { column: 'c.uuid' }),
  field('manufacturer', 'Manufacturer', 'Fabricant', 'string', { column: 'c.manufacturer' }),
  field('model', 'Model', 'Modèle', 'string', { column: 'c.model' }),
  field('os', 'Operating system', "Système d'exploitation", 'string', { column: 'c.os_name' }),
  field('osVersion', 'OS version', 'Version du système', 'string', { column: 'c.os_version' }),
  field('memory', 'Memory (MB)', 'Mémoire (Mo)', 'number', { column: 'c.memory_mb' }),
  field('lastInventory', 'Last inventory', 'Dernier inventaire', 'date', { column: 'c.last_inventory_at' }),
  field('lastContact', 'Last contact', 'Dernier contact', 'date', { column: 'c.last_contact_at' }),
  field('entity', 'Entity', 'Entité', 'string', { in: { select: 'ce.id', from: 'computers ce JOIN entities e ON e.id = ce.entity_id', column: 'e.complete_name' } }),
  field('software', 'Software', 'Logiciel', 'string', { in: { select: 'cs.computer_id', from: SOFTWARE, column: 's.name' } }),
  field('softwareVersion', 'Software version', 'Version de logiciel', 'string', { in: { select: 'cs.computer_id', from: SOFTWARE, column: 'sv.version' } }),
  field('publisher', 'Software publisher', 'Éditeur de logiciel', 'string', { in: { select: 'cs.computer_id', from: SOFTWARE, column: 's.publisher' } }),
  field('ip', 'IP address', 'Adresse IP', 'string', { in: { select: 'ni.computer_id', from: 'network_interfaces ni', column: 'ni.ipv4' } }),
  field('mac', 'MAC address', 'Adresse MAC', 'string', { in: { select: 'nm.computer_id', from: 'network_interfaces nm', column: 'nm.mac' } }),
  field('agentKind', 'Agent kind', "Type d'agent", 'string', { in: { select: 'ak.computer_id', from: 'agents ak', column: 'ak.kind' } }),
  field('agentVersion', 'Agent version', "Version de l'agent", 'string', { in: { select: 'ak.computer_id', from: 'agents ak', column: 'ak.version' } }),
];
