import { csvField, csvHeader, csvRows } from './computers-csv';

describe('computers CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-1')).toBe("'-1");
    expect(csvField(null)).toBe('');
  });

  it('writes the chosen columns in order', () => {
    const row = { id: 7, name: 'pc, 1', entityName: 'Root entity > Paris', serial: 'S1', uuid: '', manufacturer: '', model: '', osName: 'Debian', osVersion: '12', ip: null, lastInventoryAt: null, lastContactAt: null, agentKind: 'ocs' as const, agentVersion: '2.10', entityId: 1 };
    expect(csvHeader(['id', 'name', 'entity'])).toBe('id,name,entity\r\n');
    expect(csvRows([row], ['id', 'name', 'entity', 'agentKind'])).toBe('7,"pc, 1",Root entity > Paris,ocs\r\n');
  });
});
