import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseAgentXml, type XmlObject } from '../../server/src/modules/inventory/protocol/agent-xml';
import { type InventoryDocument, readInventory } from '../../server/src/modules/inventory/protocol/inventory-document';
import { type ServerProcess, startServer, waitFor } from '../api/support/processes';
import { ADMIN_PASSWORD, freshDatabaseUrl, REDIS_URL } from '../api/support/test-app';

const run = promisify(execFile);
const FUSION_STATE = '/var/lib/fusioninventory-agent';
const FUSION_DUMP = join(FUSION_STATE, 'FusionInventory-Agent.dump');
/** Agents honour proxy variables: never let them leave the machine. */
const AGENT_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/_proxy$/i.test(k)));

interface ComputerView {
  id: number;
  name: string;
  serial: string;
  osName: string;
  osVersion: string;
  softwareCount: number;
  lastInventoryAt: string;
}

/**
 * The Debian packages of the FusionInventory agent 2.6 and the OCS Inventory NG agent 2.10, run against the
 * built server on MariaDB + Redis. Each agent first writes its inventory locally (--local): what the server stores
 * must be what the agent sent.
 */
describe('real FusionInventory and OCS agents against the server', () => {
  let server: ServerProcess;
  let base: string;
  let token: string;
  let dropDatabase: () => Promise<void>;
  let savedDump: string | null = null;
  const work = mkdtempSync(join(tmpdir(), 'parc-agents-'));

  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`${path} → ${res.status}`);
    return (await res.json()) as T;
  };
  const computers = () => api<{ items: ComputerView[]; total: number }>('/api/computers?limit=100');
  const agents = () => api<{ items: { deviceId: string; kind: string; computerId: number | null }[] }>('/api/agents?limit=100');
  const localInventory = (dir: string): InventoryDocument => {
    const file = readdirSync(dir).find((f) => f.endsWith('.ocs') || f.endsWith('.xml'));
    if (!file) throw new Error(`no local inventory in ${dir}`);
    return readInventory((parseAgentXml(readFileSync(join(dir, file), 'utf8')).value as XmlObject).CONTENT);
  };
  const fusion = (...args: string[]) => run('fusioninventory-agent', ['--config=none', '--tasks=Inventory', '--logger=stderr', ...args], { env: AGENT_ENV, timeout: 120_000 });
  const ocs = (vardir: string, ...args: string[]) => run('ocsinventory-agent', ['--nolocal', `--basevardir=${vardir}`, ...args], { env: AGENT_ENV, timeout: 120_000 });
  const expectStored = async (expected: InventoryDocument): Promise<ComputerView> => {
    const list = await computers();
    expect(list.total).toBe(1);
    const pc = await api<ComputerView>(`/api/computers/${list.items[0].id}`);
    expect(pc).toMatchObject({ name: expected.computer.name, serial: expected.computer.serial, osName: expected.computer.osName, osVersion: expected.computer.osVersion, softwareCount: expected.software.length });
    const network = await api<{ items: { mac: string; ipv4: string }[] }>(`/api/computers/${pc.id}/network`);
    expect(new Set(network.items.map((n) => `${n.mac} ${n.ipv4}`))).toEqual(new Set(expected.networks.map((n) => `${n.mac} ${n.ipv4}`)));
    return pc;
  };

  beforeAll(async () => {
    const db = await freshDatabaseUrl('mariadb');
    dropDatabase = db.drop;
    const port = 20000 + Math.floor(Math.random() * 20000);
    base = `http://127.0.0.1:${port}`;
    server = startServer({ DATABASE_URL: db.url, REDIS_URL, QUEUE_PREFIX: `parc-agents-${port}`, ADMIN_PASSWORD, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(tmpdir(), 'parc-agents-data-')) });
    await waitFor(async () => (await fetch(`${base}/api/health`)).ok, 60_000, 'the server');
    token = ((await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password: ADMIN_PASSWORD }) })).json()) as { accessToken: string }).accessToken;
    // The agent's identity lives in a fixed place: keep the machine's own and put it back afterwards.
    if (existsSync(FUSION_DUMP)) {
      savedDump = join(work, 'saved.dump');
      copyFileSync(FUSION_DUMP, savedDump);
    }
  });

  afterAll(async () => {
    await server?.stop();
    await dropDatabase?.();
    for (const entry of existsSync(FUSION_STATE) ? readdirSync(FUSION_STATE) : []) if (entry.includes(base.replace('http://', '').replace(':', ':'))) rmSync(join(FUSION_STATE, entry), { recursive: true, force: true });
    if (savedDump) copyFileSync(savedDump, FUSION_DUMP);
    rmSync(work, { recursive: true, force: true });
  });

  const serverUrl = () => `${base}/ocsinventory`;

  it('FusionInventory agent: the computer appears with the OS, serial, software count and network data it reports', async () => {
    const local = join(work, 'fusion-local');
    await run('mkdir', ['-p', local]);
    await fusion(`--local=${local}`);
    const expected = localInventory(local);
    expect(expected.software.length).toBeGreaterThan(100);
    await fusion(`--server=${serverUrl()}`);
    await expectStored(expected);
    expect((await agents()).items).toEqual([expect.objectContaining({ kind: 'fusioninventory', computerId: expect.any(Number) })]);
  });

  it('a second run updates the same computer, without duplicates', async () => {
    const before = (await computers()).items[0];
    await new Promise((r) => setTimeout(r, 1100));
    await fusion(`--server=${serverUrl()}`, '--force');
    const after = await computers();
    expect(after.total).toBe(1);
    expect(after.items[0].id).toBe(before.id);
    expect(new Date(after.items[0].lastInventoryAt).getTime()).toBeGreaterThan(new Date(before.lastInventoryAt).getTime());
  });

  it('a reinstalled agent (new device id, same machine) keeps the one computer', async () => {
    rmSync(FUSION_DUMP, { force: true });
    await new Promise((r) => setTimeout(r, 1100));
    await fusion(`--server=${serverUrl()}`, '--force');
    const list = await computers();
    expect(list.total).toBe(1);
    const fusionAgents = (await agents()).items.filter((a) => a.kind === 'fusioninventory');
    expect(fusionAgents).toHaveLength(2);
    expect(new Set(fusionAgents.map((a) => a.deviceId)).size).toBe(2);
    expect(fusionAgents.every((a) => a.computerId === list.items[0].id)).toBe(true);
  });

  it('OCS Inventory agent: same machine, so the same computer, with what the OCS agent reports', async () => {
    const local = join(work, 'ocs-local');
    await run('mkdir', ['-p', local]);
    await run('ocsinventory-agent', [`--local=${local}`, `--basevardir=${join(work, 'ocs-local-state')}`], { env: AGENT_ENV, timeout: 120_000 });
    const expected = localInventory(local);
    const vardir = join(work, 'ocs-state');
    await ocs(vardir, `--server=${serverUrl()}`);
    await expectStored(expected);
    // Again (forced): no duplicate. Then reinstalled (fresh state, new device id): still one computer.
    await ocs(vardir, `--server=${serverUrl()}`, '--force');
    await new Promise((r) => setTimeout(r, 1100));
    await ocs(join(work, 'ocs-state-reinstalled'), `--server=${serverUrl()}`);
    expect((await computers()).total).toBe(1);
    const ocsAgents = (await agents()).items.filter((a) => a.kind === 'ocs');
    expect(ocsAgents).toHaveLength(2);
  });
});
