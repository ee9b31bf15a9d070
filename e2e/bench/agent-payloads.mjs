// Agent messages for the benchmarks: the real OCS agent inventory given distinct identities, and PROLOGs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const INVENTORY = readFileSync(fileURLToPath(new URL('../fixtures/agents/ocs-inventory-linux.xml', import.meta.url)), 'utf8');
export const OCS_UA = 'OCS-NG_unified_unix_agent_v2.10.0';

const mac = (n, k) => `02:${k.toString(16).padStart(2, '0')}:${[24, 16, 8, 0].map((s) => ((n >>> s) & 255).toString(16).padStart(2, '0')).join(':')}`;

/**
 * The real inventory (923 packages) as computer number n: its own host name, device id and MAC addresses, and
 * optionally some more software.
 */
export function inventoryFor(prefix, n, extraSoftware = []) {
  let k = 0;
  const extra = extraSoftware.map((s) => `<SOFTWARES><NAME>${s.name}</NAME><VERSION>${s.version}</VERSION></SOFTWARES>`).join('');
  const xml = INVENTORY.replace('<NAME>vm</NAME>', `<NAME>${prefix}-${n}</NAME>`)
    .replace(/<DEVICEID>[^<]+<\/DEVICEID>/, `<DEVICEID>${prefix}-${n}-2020-01-01-00-00-00</DEVICEID>`)
    .replace(/<MACADDR>[^<]*<\/MACADDR>/g, () => `<MACADDR>${mac(n, k++)}</MACADDR>`)
    .replace('</CONTENT>', `${extra}</CONTENT>`);
  return deflateSync(Buffer.from(xml));
}

export function prologFor(deviceId) {
  return deflateSync(Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<REQUEST>\n  <DEVICEID>${deviceId}</DEVICEID>\n  <QUERY>PROLOG</QUERY>\n</REQUEST>\n`));
}

export async function postAgent(base, body) {
  const res = await fetch(`${base}/ocsinventory`, { method: 'POST', headers: { 'user-agent': OCS_UA, 'content-type': 'application/x-compress' }, body });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`agent message → ${res.status}`);
}
