import { BadRequestException } from '@nestjs/common';
import type { SearchFieldDefinition } from '../../../sdk/plugin';
import { COMPUTER_SEARCH_FIELDS } from './computer-fields';
import { compileCriteria, parseDateValue } from './criteria';

const fields = new Map<string, SearchFieldDefinition>(COMPUTER_SEARCH_FIELDS.map((f) => [f.key, f]));

describe('compileCriteria', () => {
  it('is TRUE without criteria', () => {
    expect(compileCriteria([], fields)).toMatchObject({ sql: '1=1', params: {} });
  });

  it('turns * into the SQL wildcard and matches LIKE wildcards literally, with bound values only', () => {
    const { sql, params } = compileCriteria(
      [
        { field: 'name', operator: 'contains', value: '50%_off' },
        { field: 'serial', operator: 'equals', value: 'CZC*' },
      ],
      fields,
    );
    expect(sql).toBe("(c.name LIKE :crit0 ESCAPE '!') AND (c.serial LIKE :crit1 ESCAPE '!')");
    expect(params).toEqual({ crit0: '%50!%!_off%', crit1: 'CZC%' });
  });

  it('combines criteria on the same child table into one subquery, and negates with NOT IN', () => {
    const { sql } = compileCriteria(
      [
        { field: 'software', operator: 'contains', value: 'firefox' },
        { field: 'softwareVersion', operator: 'equals', value: '115*' },
        { field: 'ip', operator: 'equals', value: '10.*' },
        { field: 'software', operator: 'notequals', value: 'telnet' },
      ],
      fields,
    );
    expect(sql.match(/c\.id IN \(SELECT cs\.computer_id/g)).toHaveLength(1);
    expect(sql).toContain("s.name LIKE :crit0 ESCAPE '!' AND sv.version LIKE :crit1 ESCAPE '!'");
    expect(sql).toContain('c.id NOT IN (SELECT cs.computer_id');
    expect(sql).toContain('c.id IN (SELECT ni.computer_id FROM network_interfaces ni WHERE ni.ipv4 LIKE :crit2');
  });

  it('compares numbers and dates', () => {
    const { sql, params } = compileCriteria(
      [
        { field: 'memory', operator: 'less', value: '4096' },
        { field: 'lastContact', operator: 'more', value: '2026-01-31' },
      ],
      fields,
    );
    expect(sql).toBe('(c.memory_mb < :crit0) AND (c.last_contact_at > :crit1)');
    expect(params).toEqual({ crit0: 4096, crit1: new Date('2026-01-31T00:00:00Z') });
  });

  it('lists every problem with where it is', () => {
    let error: BadRequestException | undefined;
    try {
      compileCriteria(
        [
          { field: 'nope', operator: 'equals', value: 'x' },
          { field: 'name', operator: 'more', value: 'x' },
          { field: 'memory', operator: 'equals', value: 'much' },
        ],
        fields,
      );
    } catch (e) {
      error = e as BadRequestException;
    }
    expect((error!.getResponse() as { details: unknown }).details).toEqual([
      { field: 'criteria[0].field', problems: ["unknown field 'nope'"] },
      { field: 'criteria[1].operator', problems: ["'more' does not apply to name (use contains, equals, notequals)"] },
      { field: 'criteria[2].value', problems: ["memory takes a number (got 'much')"] },
    ]);
  });
});

describe('parseDateValue', () => {
  const now = Date.UTC(2026, 10, 23, 12, 0, 0);
  it('reads absolute dates and relative ones', () => {
    expect(parseDateValue('2026-11-01', now)).toEqual(new Date('2026-11-01T00:00:00Z'));
    expect(parseDateValue('2026-11-01T08:30', now)?.toISOString()).toMatch(/^2026-11-01T/);
    expect(parseDateValue('-7d', now)).toEqual(new Date(now - 7 * 86_400_000));
    expect(parseDateValue('-12h', now)).toEqual(new Date(now - 12 * 3_600_000));
    expect(parseDateValue('-30m', now)).toEqual(new Date(now - 30 * 60_000));
  });

  it('refuses anything else', () => {
    for (const bad of ['yesterday', '2026-13-45', '7d', '-7w', '']) expect(parseDateValue(bad, now)).toBeNull();
  });
});
