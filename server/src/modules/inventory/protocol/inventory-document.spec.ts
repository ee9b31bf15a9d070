import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAgentXml, type XmlObject } from './agent-xml';
import { cleanMac, cleanSerial, readInventory, sectionHashes } from './inventory-document';

const FIXTURES = join(__dirname, '../../../../../e2e/fixtures/agents');
const content = (file: string) => (parseAgentXml(readFileSync(join(FIXTURES, file), 'utf8')).value as XmlObject).CONTENT;

describe('readInventory', () => {
  it('reads the real OCS agent inventory', () => {
    const doc = readInventory(content('ocs-inventory-linux.xml'));
    expect(doc.computer).toMatchObject({ name: 'vm', osName: 'Debian GNU/Linux 12', osVersion: '12', osArch: 'x86_64', memoryMb: 24105, cpuModel: expect.stringMatching(/\S/) });
    expect(doc.software).toHaveLength(923);
    expect(doc.software[0]).toEqual({ name: expect.any(String), publisher: expect.any(String), version: expect.any(String) });
    expect(doc.networks.length).toBeGreaterThan(0);
    expect(doc.disks.length).toBeGreaterThan(0);
    expect(doc.tag).toBe('');
  });

  it('reads the real FusionInventory agent inventory, OS from OPERATINGSYSTEM', () => {
    const doc = readInventory(content('fusion-inventory-linux.xml'));
    expect(doc.computer).toMatchObject({ name: 'vm', osName: 'Debian GNU/Linux 12 (bookworm)', osVersion: '12.11', osArch: 'x86_64', osKernel: expect.stringMatching(/^\d/) });
    expect(doc.software.length).toBeGreaterThan(900);
    expect(doc.disks.find((d) => d.mountPoint === '/')).toMatchObject({ fileSystem: expect.any(String), totalMb: expect.any(Number) });
    expect(doc.computer.ip).not.toMatch(/^127\./);
  });

  it('reads the TAG, the package history and clips oversized fields', () => {
    const doc = readInventory(
      parseAgentXml(`<C><ACCOUNTINFO><KEYNAME>TAG</KEYNAME><KEYVALUE>paris</KEYVALUE></ACCOUNTINFO>
        <DOWNLOAD><HISTORY><PACKAGE ID="1700000001"/></HISTORY></DOWNLOAD>
        <HARDWARE><NAME>${'x'.repeat(400)}</NAME></HARDWARE>
        <SOFTWARES><NAME>a</NAME><VERSION>1</VERSION></SOFTWARES><SOFTWARES><NAME>a</NAME><VERSION>1</VERSION></SOFTWARES></C>`).value,
    );
    expect(doc.tag).toBe('paris');
    expect(doc.packageHistory).toEqual(['1700000001']);
    expect(doc.computer.name).toHaveLength(255);
    expect(doc.software).toHaveLength(1);
  });

  it('ignores placeholder serial numbers and MAC addresses', () => {
    expect(cleanSerial('To be filled by O.E.M.')).toBe('');
    expect(cleanSerial('0000000')).toBe('');
    expect(cleanSerial(' CZC1234XYZ ')).toBe('CZC1234XYZ');
    expect(cleanMac('00:00:00:00:00:00')).toBe('');
    expect(cleanMac('AA-BB-CC-DD-EE-FF')).toBe('aa:bb:cc:dd:ee:ff');
  });

  it('hashes sections regardless of order', () => {
    const doc = readInventory(content('ocs-inventory-linux.xml'));
    const reversed = { ...doc, software: [...doc.software].reverse() };
    expect(sectionHashes(reversed)).toEqual(sectionHashes(doc));
    expect(sectionHashes({ ...doc, software: doc.software.slice(1) }).software).not.toBe(sectionHashes(doc).software);
  });
});
