import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { TestApp } from './test-app';

export const AGENT_FIXTURES = join(__dirname, '../../fixtures/agents');
export const OCS_UA = 'OCS-NG_unified_unix_agent_v2.10.0';
export const FUSION_UA = 'FusionInventory-Agent_v2.6-3';

const OCS_INVENTORY = readFileSync(join(AGENT_FIXTURES, 'ocs-inventory-linux.xml'), 'utf8');

export interface InventoryOptions {
  deviceId?: string;
  serial?: string;
  uuid?: string;
  mac?: string;
  software?: { name: string; version: string; publisher?: string }[];
  /** Replace the real agent's software list with this one instead of adding to it. */
  onlySoftware?: boolean;
  ip?: string;
}

/**
 * The real OCS agent inventory (samples of the OCS peer), given another identity: host name, TAG, serial, UUID,
 * MAC, extra software. Zlib-compressed as the agent sends it.
 */
export function ocsInventory(name: string, tag = 'NA', options: InventoryOptions = {}): Buffer {
  const mac = options.mac ?? randomMac();
  let xml = OCS_INVENTORY.replace('<NAME>vm</NAME>', `<NAME>${name}</NAME>${options.uuid ? `<UUID>${options.uuid}</UUID>` : ''}`)
    .replace('<DEVICEID>vm-2026-11-23-18-41-43</DEVICEID>', `<DEVICEID>${options.deviceId ?? `${name}-2026-01-01-00-00-00`}</DEVICEID>`)
    .replace(/<BIOS>\s*<\/BIOS>/, `<BIOS><SSN>${options.serial ?? ''}</SSN></BIOS>`)
    .replace(/<MACADDR>[^<]*<\/MACADDR>/g, `<MACADDR>${mac}</MACADDR>`);
  if (options.ip) xml = xml.replace(/<IPADDRESS>192\.0\.2\.2<\/IPADDRESS>/g, `<IPADDRESS>${options.ip}</IPADDRESS>`);
  if (options.onlySoftware) xml = xml.replace(/<SOFTWARES>[\s\S]*?<\/SOFTWARES>\s*/g, '');
  const extra = (options.software ?? []).map((s) => `<SOFTWARES><NAME>${s.name}</NAME><VERSION>${s.version}</VERSION><PUBLISHER>${s.publisher ?? ''}</PUBLISHER></SOFTWARES>`).join('');
  xml = xml.replace('</CONTENT>', `<ACCOUNTINFO><KEYNAME>TAG</KEYNAME><KEYVALUE>${tag}</KEYVALUE></ACCOUNTINFO>${extra}</CONTENT>`);
  return deflateSync(Buffer.from(xml));
}

function randomMac(): string {
  return ['02', ...Array.from({ length: 5 }, () => Math.floor(Math.random() * 256).toString(16).padStart(2, '0'))].join(':');
}

export async function sendInventory(app: TestApp, name: string, tag = 'NA', options: InventoryOptions = {}): Promise<void> {
  const res = await app.http().post('/ocsinventory').set('User-Agent', OCS_UA).set('Content-Type', 'application/x-compress').send(ocsInventory(name, tag, options));
  if (res.status !== 200) throw new Error(`inventory of ${name} → ${res.status} ${JSON.stringify(res.body)}`);
}
