import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, gzipSync, inflateSync } from 'node:zlib';
import { AgentRegistry } from '../../server/src/modules/inventory/agent-registry';
import { AGENT_FIXTURES, FUSION_UA, OCS_UA, ocsInventory, sendInventory } from './support/agents';
import { createTree, TestApp } from './support/test-app';

const prolog = (deviceId: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<REQUEST>\n  <DEVICEID>${deviceId}</DEVICEID>\n  <QUERY>PROLOG</QUERY>\n</REQUEST>\n`;

describe('agent intake (MariaDB + Redis)', () => {
  let app: TestApp;
  let admin: ReturnType<TestApp['as']>;

  beforeAll(async () => {
    app = await TestApp.start({ env: { AGENT_MAX_XML_BYTES: String(4 * 1024 * 1024), AGENT_MAX_BODY_BYTES: String(1024 * 1024) } });
    admin = app.as(await app.loginAdmin());
  });
  afterAll(() => app.close());

  const post = (body: Buffer | string, ua = OCS_UA, path = '/ocsinventory', contentType = 'application/x-compress') =>
    app.http().post(path).set('User-Agent', ua).set('Content-Type', contentType).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).send(body);
  const computers = async () => (await admin.get('/api/computers?limit=500').expect(200)).body as { items: { id: number; name: string }[]; total: number };

  describe('PROLOG', () => {
    it('answers an OCS agent in zlib (78 9C), SEND for an unknown computer, with PROLOG_FREQ', async () => {
      const res = await post(deflateSync(prolog('ocs-new-2026-01-01-00-00-00'))).expect(200);
      expect(res.headers['content-type']).toBe('application/x-compressed');
      expect([...res.body.subarray(0, 2)]).toEqual([0x78, 0x9c]);
      const xml = inflateSync(res.body).toString();
      expect(xml).toMatch(/<RESPONSE>SEND<\/RESPONSE>/);
      expect(xml).toMatch(/<PROLOG_FREQ>24<\/PROLOG_FREQ>/);
    });

    it('answers a FusionInventory agent as it expects, and plain XML to a plain request', async () => {
      const zlib = await post(deflateSync(prolog('fi-new-2026-01-01-00-00-00')), FUSION_UA, '/plugins/fusioninventory/', 'application/x-compress-zlib').expect(200);
      expect(zlib.headers['content-type']).toBe('application/x-compress-zlib');
      expect(inflateSync(zlib.body).toString()).toMatch(/<REPLY>\s*<PROLOG_FREQ>24<\/PROLOG_FREQ>\s*<RESPONSE>SEND<\/RESPONSE>\s*<\/REPLY>/);
      const plain = await post(prolog('fi-new-2026-01-01-00-00-00'), FUSION_UA, '/', 'application/xml').expect(200);
      expect(plain.headers['content-type']).toBe('application/xml');
      expect(plain.body.toString()).toMatch(/^<\?xml/);
      const gzip = await post(gzipSync(prolog('fi-new-2026-01-01-00-00-00')), FUSION_UA, '/plugins/glpiinventory').expect(200);
      expect([...gzip.body.subarray(0, 2)]).toEqual([0x78, 0x9c]);
    });

    it('registers the agent with its kind and version, and coalesces last-contact writes', async () => {
      await post(deflateSync(prolog('fi-new-2026-01-01-00-00-00')), 'GLPI-Agent_v1.12').expect(200);
      await app.app.get(AgentRegistry).flush();
      const agent = (await admin.get('/api/agents?q=fi-new').expect(200)).body.items[0];
      expect(agent).toMatchObject({ deviceId: 'fi-new-2026-01-01-00-00-00', kind: 'glpi-agent', version: '1.12', computerId: null, lastContactAt: expect.any(String) });
    });

    it('stops asking for an inventory once one is fresh, and follows the configured frequency', async () => {
      await sendInventory(app, 'fresh-pc');
      const stop = inflateSync((await post(deflateSync(prolog('fresh-pc-2026-01-01-00-00-00'))).expect(200)).body).toString();
      expect(stop).toMatch(/<RESPONSE>STOP<\/RESPONSE>/);
      await admin.put('/api/inventory/settings').send({ defaultEntityId: 1, frequencyHours: 6 }).expect(200);
      const fusion = inflateSync((await post(deflateSync(prolog('fresh-pc-2026-01-01-00-00-00')), FUSION_UA).expect(200)).body).toString();
      expect(fusion).toMatch(/<PROLOG_FREQ>6<\/PROLOG_FREQ>/);
      expect(fusion).not.toMatch(/RESPONSE/);
      await admin.put('/api/inventory/settings').send({ defaultEntityId: 1, frequencyHours: 24 }).expect(200);
    });
  });

  describe('INVENTORY', () => {
    it('creates the computer from a real OCS inventory: OS, network, disks, software, agent', async () => {
      const res = await post(readFileSync(join(AGENT_FIXTURES, 'ocs-inventory-linux.xml')), OCS_UA, '/ocsinventory', 'application/xml').expect(200);
      expect(res.body.toString()).toMatch(/<RESPONSE>NO_ACCOUNT_UPDATE<\/RESPONSE>/);
      const row = (await admin.get('/api/computers?q=vm&limit=5').expect(200)).body.items.find((c: { name: string }) => c.name === 'vm');
      const pc = (await admin.get(`/api/computers/${row.id}`).expect(200)).body;
      expect(pc).toMatchObject({ name: 'vm', osName: 'Debian GNU/Linux 12', osVersion: '12', osArch: 'x86_64', memoryMb: 24105, softwareCount: 923, ip: '192.0.2.2', agentKind: 'ocs', agentVersion: '2.10.0' });
      const software = (await admin.get(`/api/computers/${row.id}/software?q=openssh-client`).expect(200)).body;
      expect(software.items).toEqual([{ name: 'openssh-client', publisher: 'https://www.openssh.com/', version: '1:9.2p1-2+deb12u6' }]);
      expect((await admin.get(`/api/computers/${row.id}/network`).expect(200)).body.items).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: 'eth0', mac: '02:fc:00:00:00:01', ipv4: '192.0.2.2' })]),
      );
      expect((await admin.get(`/api/computers/${row.id}/disks`).expect(200)).body.items).toEqual([expect.objectContaining({ mountPoint: '/', fileSystem: 'ext4', totalMb: 258019 })]);
      expect((await admin.get(`/api/computers/${row.id}/agents`).expect(200)).body.items).toEqual([expect.objectContaining({ deviceId: 'vm-2026-11-23-18-41-43', kind: 'ocs' })]);
    });

    it('a second identical inventory duplicates nothing and records no change', async () => {
      await sendInventory(app, 'twice');
      const id = (await computers()).items.find((c) => c.name === 'twice')!.id;
      const historyBefore = (await admin.get(`/api/computers/${id}/history`).expect(200)).body.total;
      const body = ocsInventory('twice', 'NA', { mac: '02:00:00:00:aa:01' });
      await post(body).expect(200);
      await post(body).expect(200);
      const after = await computers();
      expect(after.items.filter((c) => c.name === 'twice')).toHaveLength(1);
      expect((await admin.get(`/api/computers/${id}`).expect(200)).body.softwareCount).toBe(923);
      // The MAC changed once (random in the first send), then nothing.
      expect((await admin.get(`/api/computers/${id}/history`).expect(200)).body.total).toBe(historyBefore + 1);
    });

    it('records what changed: software added and removed, fields before and after', async () => {
      const base = { mac: '02:00:00:00:bb:01', onlySoftware: true };
      await post(ocsInventory('changing', 'NA', { ...base, software: [{ name: 'firefox-esr', version: '115.1' }, { name: 'vim', version: '9.0' }] })).expect(200);
      await post(ocsInventory('changing', 'NA', { ...base, software: [{ name: 'firefox-esr', version: '128.3' }, { name: 'vim', version: '9.0' }] })).expect(200);
      const id = (await computers()).items.find((c) => c.name === 'changing')!.id;
      const history = (await admin.get(`/api/computers/${id}/history`).expect(200)).body;
      expect(history.items[0]).toMatchObject({ kind: 'updated', sections: { software: { added: ['firefox-esr 128.3'], removed: ['firefox-esr 115.1'], addedCount: 1, removedCount: 1 } } });
      expect(history.items[1]).toMatchObject({ kind: 'created' });
      expect((await admin.get(`/api/computers/${id}/software`).expect(200)).body.items.map((s: { version: string }) => s.version).sort()).toEqual(['128.3', '9.0']);
    });

    it('keeps a name set by hand (a lock), until it is unlocked', async () => {
      const inventory = ocsInventory('agent-name', 'NA', { mac: '02:00:00:00:ee:01' });
      await post(inventory).expect(200);
      const id = (await computers()).items.find((c) => c.name === 'agent-name')!.id;
      const renamed = await admin.patch(`/api/computers/${id}`).send({ name: 'Reception desk' }).expect(200);
      expect(renamed.body.lockedFields).toEqual(['name']);
      await post(ocsInventory('agent-name', 'NA', { mac: '02:00:00:00:ee:01', software: [{ name: 'new-tool', version: '1' }] })).expect(200);
      expect((await admin.get(`/api/computers/${id}`).expect(200)).body.name).toBe('Reception desk');
      await admin.patch(`/api/computers/${id}`).send({ unlock: ['name'] }).expect(200);
      await post(inventory).expect(200);
      expect((await admin.get(`/api/computers/${id}`).expect(200)).body).toMatchObject({ name: 'agent-name', lockedFields: [] });
      await admin.patch(`/api/computers/${id}`).send({ unlock: ['serial'] }).expect(400);
    });

    it('reads a real FusionInventory inventory (OS from OPERATINGSYSTEM)', async () => {
      const xml = readFileSync(join(AGENT_FIXTURES, 'fusion-inventory-linux.xml'), 'utf8').replace(/<NAME>vm<\/NAME>/, '<NAME>fusion-pc</NAME>').replace(/<DEVICEID>[^<]+<\/DEVICEID>/, '<DEVICEID>fusion-pc-2026-01-01-00-00-00</DEVICEID>').replace(/<MACADDR>02:fc:00:00:00:01<\/MACADDR>/g, '<MACADDR>02:00:00:00:f1:01</MACADDR>');
      await post(deflateSync(xml), FUSION_UA, '/ocsinventory', 'application/x-compress-zlib').expect(200);
      const id = (await computers()).items.find((c) => c.name === 'fusion-pc')!.id;
      expect((await admin.get(`/api/computers/${id}`).expect(200)).body).toMatchObject({ osName: 'Debian GNU/Linux 12 (bookworm)', osVersion: '12.11', agentKind: 'fusioninventory' });
    });
  });

  describe('matching a reinstalled agent to its computer', () => {
    it('by serial number and UUID, then by MAC address; otherwise a new computer', async () => {
      await post(ocsInventory('serial-pc', 'NA', { deviceId: 'serial-pc-2026-01-01-00-00-00', serial: 'CZC123', uuid: '4c4c4544-0042-3510-8058-b7c04f4a3132' })).expect(200);
      await post(ocsInventory('serial-pc', 'NA', { deviceId: 'serial-pc-2027-02-02-00-00-00', serial: 'CZC123', uuid: '4C4C4544-0042-3510-8058-B7C04F4A3132' })).expect(200);
      await post(ocsInventory('mac-pc', 'NA', { deviceId: 'mac-pc-2026-01-01-00-00-00', mac: '02:00:00:00:cc:01' })).expect(200);
      await post(ocsInventory('mac-pc', 'NA', { deviceId: 'mac-pc-2027-02-02-00-00-00', mac: '02:00:00:00:CC:01' })).expect(200);
      await post(ocsInventory('mac-pc', 'NA', { deviceId: 'mac-pc-2028-03-03-00-00-00', mac: '02:00:00:00:cc:99' })).expect(200);
      const all = await computers();
      const serial = all.items.filter((c) => c.name === 'serial-pc');
      expect(serial).toHaveLength(1);
      expect((await admin.get(`/api/computers/${serial[0].id}/agents`).expect(200)).body.total).toBe(2);
      expect(all.items.filter((c) => c.name === 'mac-pc')).toHaveLength(2);
    });
  });

  describe('entity rules', () => {
    it('places new computers by TAG, then by address range, else in the default entity', async () => {
      const { a, b, c } = await createTree(app, await app.loginAdmin());
      await admin.post('/api/inventory/entity-rules').send({ name: 'Tag B', kind: 'tag', pattern: 'site-b*', entityId: b }).expect(201);
      await admin.post('/api/inventory/entity-rules').send({ name: 'Loopback', kind: 'ip', pattern: '127.0.0.0/8', entityId: c }).expect(201);
      await admin.post('/api/inventory/entity-rules').send({ name: 'Bad', kind: 'ip', pattern: '10.0.0.0/40', entityId: c }).expect(400);
      await sendInventory(app, 'tagged-pc', 'SITE-B-12');
      await sendInventory(app, 'untagged-pc', 'NA');
      const entityOf = async (name: string) => (await computers()).items.find((x) => x.name === name)!;
      const tagged = (await admin.get(`/api/computers/${(await entityOf('tagged-pc')).id}`).expect(200)).body;
      const untagged = (await admin.get(`/api/computers/${(await entityOf('untagged-pc')).id}`).expect(200)).body;
      expect([tagged.entityId, untagged.entityId]).toEqual([b, c]);
      // Rules off: the default entity.
      const rules = (await admin.get('/api/inventory/entity-rules').expect(200)).body.items;
      for (const r of rules) await admin.patch(`/api/inventory/entity-rules/${r.id}`).send({ active: false }).expect(200);
      await admin.put('/api/inventory/settings').send({ defaultEntityId: a, frequencyHours: 24 }).expect(200);
      await sendInventory(app, 'default-pc', 'SITE-B-13');
      expect((await admin.get(`/api/computers/${(await entityOf('default-pc')).id}`).expect(200)).body.entityId).toBe(a);
      await admin.put('/api/inventory/settings').send({ defaultEntityId: 1, frequencyHours: 24 }).expect(200);
    });
  });

  describe('bad input: a clear 4xx, nothing stored, the server keeps serving', () => {
    it.each([
      ['malformed XML', deflateSync('<REQUEST><QUERY>PROLOG</QUERY><DEVICEID>x-2026-01-01-00-00-00</DEVICEID>'), 400, /Malformed XML/],
      ['an unknown QUERY', deflateSync('<REQUEST><QUERY>FOO</QUERY><DEVICEID>x-2026-01-01-00-00-00</DEVICEID></REQUEST>'), 400, /Unknown QUERY 'FOO'/],
      ['a missing DEVICEID', deflateSync('<REQUEST><QUERY>PROLOG</QUERY></REQUEST>'), 400, /no DEVICEID/],
      ['a malformed DEVICEID', deflateSync('<REQUEST><QUERY>PROLOG</QUERY><DEVICEID>robert\'); DROP TABLE computers;--</DEVICEID></REQUEST>'), 400, /Malformed DEVICEID/],
      ['another root element', deflateSync('<REPLY><QUERY>PROLOG</QUERY></REPLY>'), 400, /root element must be REQUEST/],
      ['an INVENTORY without CONTENT', deflateSync('<REQUEST><QUERY>INVENTORY</QUERY><DEVICEID>x-2026-01-01-00-00-00</DEVICEID></REQUEST>'), 400, /needs a CONTENT/],
      ['a body that is neither zlib, gzip nor XML', Buffer.from('hello world'), 400, /neither zlib, gzip nor XML/],
      ['a corrupt zlib stream', Buffer.concat([deflateSync(prolog('x-2026-01-01-00-00-00')).subarray(0, 20), Buffer.alloc(10, 7)]), 400, /corrupt/],
      ['a DOCTYPE', deflateSync('<!DOCTYPE x [<!ENTITY a "b">]><REQUEST/>'), 400, /DOCTYPE/],
    ])('refuses %s', async (_, body, status, message) => {
      const before = (await computers()).total;
      const res = await post(body as Buffer).expect(status as number);
      expect(JSON.parse(res.body.toString()).message).toMatch(message as RegExp);
      expect((await computers()).total).toBe(before);
    });

    it('refuses an unknown User-Agent', async () => {
      const res = await post(deflateSync(prolog('x-2026-01-01-00-00-00')), 'curl/8.0').expect(400);
      expect(res.body.toString()).toMatch(/Unsupported agent/);
    });

    it('stops inflating a zlib bomb at the limit (413), and a body over the raw limit', async () => {
      const bomb = deflateSync(Buffer.concat([Buffer.from('<REQUEST><CONTENT><X>'), Buffer.alloc(200 * 1024 * 1024, 0x41), Buffer.from('</X></CONTENT></REQUEST>')]));
      expect(bomb.length).toBeLessThan(1024 * 1024);
      const started = Date.now();
      const res = await post(bomb).expect(413);
      expect(res.body.toString()).toMatch(/exceeds the limit of 4194304 bytes/);
      expect(Date.now() - started).toBeLessThan(5000);
      await post(Buffer.alloc(2 * 1024 * 1024, 0x3c)).expect(413);
      await app.http().get('/api/health').expect(200);
    });
  });

  describe('concurrency: nothing lost, nothing duplicated', () => {
    it('stores 16 concurrent inventories of different computers, and 8 concurrent ones of the same computer once', async () => {
      const before = (await computers()).total;
      const distinct = await Promise.all(Array.from({ length: 16 }, (_, i) => post(ocsInventory(`burst-${i}`, 'NA', { software: [{ name: `burst-only-${i}`, version: '1' }] }))));
      expect(distinct.map((r) => r.status)).toEqual(Array(16).fill(200));
      const same = ocsInventory('same-pc', 'NA', { mac: '02:00:00:00:dd:01' });
      const repeated = await Promise.all(Array.from({ length: 8 }, () => post(same)));
      expect(repeated.map((r) => r.status)).toEqual(Array(8).fill(200));
      const after = await computers();
      expect(after.total).toBe(before + 17);
      const same1 = after.items.filter((c) => c.name === 'same-pc');
      expect(same1).toHaveLength(1);
      const counts = await app.dataSource.query('SELECT c.name, COUNT(cs.software_version_id) AS n FROM computers c JOIN computer_software cs ON cs.computer_id = c.id WHERE c.name LIKE ? GROUP BY c.name', ['burst-%']);
      expect(counts.map((r: { n: number }) => Number(r.n))).toEqual(Array(16).fill(924));
    });
  });
});
