import { BadRequestException } from '@nestjs/common';
import type { SearchFieldDefinition } from '../../../sdk/plugin';
import { COMPUTER_SEARCH_FIELDS } from './computer-fields';
import { compileCriteria, evaluatePlan, expressionOf } from './criteria';
import { evaluateExpression, ExpressionError, parseExpression, resolveExpression } from './expression';

const fields = new Map<string, SearchFieldDefinition>(COMPUTER_SEARCH_FIELDS.map((f) => [f.key, f]));

function errorOf(fn: () => unknown): ExpressionError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ExpressionError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('parseExpression', () => {
  it('reads nested prefix expressions, case-insensitively, with French keywords', () => {
    expect(parseExpression('AND(1, OR(2, 3))')).toEqual({
      kind: 'and',
      position: 1,
      args: [
        { kind: 'criterion', number: 1, position: 5 },
        { kind: 'or', position: 8, args: [{ kind: 'criterion', number: 2, position: 11 }, { kind: 'criterion', number: 3, position: 14 }] },
      ],
    });
    expect(parseExpression(' et( non(1) ,2 )')).toMatchObject({ kind: 'and', args: [{ kind: 'not', arg: { number: 1 } }, { number: 2 }] });
    expect(parseExpression('7')).toEqual({ kind: 'criterion', number: 7, position: 1 });
  });

  it.each([
    ['AND(1, OR(2, 3)', 16, "expected ',' or ')', found the end"],
    ['AND(1 2)', 7, "expected ',' or ')', found '2'"],
    ['AND(1,)', 7, "expected a criterion number or AND, OR, NOT, found ')'"],
    ['XOR(1, 2)', 1, "unknown operator 'XOR' (use AND, OR, NOT)"],
    ['NOT(1, 2)', 9, 'NOT takes exactly one operand (got 2)'],
    ['AND 1', 5, "expected '(' after AND, found '1'"],
    ['AND(1, 2))', 10, "unexpected ')' after the end of the expression"],
    ["AND(1; DROP TABLE computers)", 6, "unexpected character ';'"],
    ['', 1, 'the expression is empty'],
    ['0', 1, 'criterion numbers start at 1'],
  ])('%j fails at %i: %s', (text, position, problem) => {
    const e = errorOf(() => parseExpression(text));
    expect([e.position, e.problem]).toEqual([position, problem]);
  });

  it('refuses absurd nesting and length', () => {
    expect(errorOf(() => parseExpression(`${'NOT('.repeat(40)}1${')'.repeat(40)}`)).problem).toMatch(/nesting deeper/);
    expect(errorOf(() => parseExpression(`OR(${Array(1000).fill('1').join(',')})`)).problem).toMatch(/longer than/);
  });
});

describe('resolveExpression', () => {
  it('is null without an expression (AND of all)', () => {
    expect(resolveExpression(undefined, 3)).toBeNull();
    expect(resolveExpression('  ', 3)).toBeNull();
  });

  it('refuses criterion numbers that do not exist and criteria left out', () => {
    expect(errorOf(() => resolveExpression('AND(1, 4)', 3))).toMatchObject({ position: 8, problem: 'there is no criterion 4 (criteria are numbered 1 to 3)' });
    expect(errorOf(() => resolveExpression('AND(1, 2)', 3))).toMatchObject({ problem: 'criterion 3 is not used in the expression' });
    expect(errorOf(() => resolveExpression('1', 3))).toMatchObject({ problem: 'criteria 2, 3 are not used in the expression' });
  });
});

describe('evaluateExpression', () => {
  const truth = (...trueOnes: number[]) => (n: number) => trueOnes.includes(n);
  it('follows AND, OR and NOT with nesting', () => {
    const e = parseExpression('OR(4, AND(2, 1), 3)');
    expect(evaluateExpression(e, truth(1, 2))).toBe(true);
    expect(evaluateExpression(e, truth(1))).toBe(false);
    expect(evaluateExpression(e, truth(4))).toBe(true);
    const n = parseExpression('AND(NOT(1), 2)');
    expect(evaluateExpression(n, truth(2))).toBe(true);
    expect(evaluateExpression(n, truth(1, 2))).toBe(false);
    expect(evaluateExpression(parseExpression('NOT(OR(1, NOT(2)))'), truth(2))).toBe(true);
  });
});

describe('compileCriteria with an expression', () => {
  const criteria = [
    { field: 'os', operator: 'contains' as const, value: 'Windows' },
    { field: 'software', operator: 'equals' as const, value: 'Firefox*' },
    { field: 'lastContact', operator: 'more' as const, value: '-7d' },
    { field: 'software', operator: 'contains' as const, value: 'chrome' },
  ];

  it('follows the tree, negating subqueries with NOT IN and other conditions NULL-safely', () => {
    const { sql } = compileCriteria(criteria, fields, { expression: parseExpression('AND(1, OR(2, NOT(3)), NOT(4))') });
    expect(sql).toBe(
      "(c.os_name LIKE :crit0 ESCAPE '!') AND ((c.id IN (SELECT cs.computer_id FROM computer_software cs JOIN software_versions sv ON sv.id = cs.software_version_id JOIN software s ON s.id = sv.software_id WHERE s.name LIKE :crit1 ESCAPE '!')) OR ((c.last_contact_at > :crit2) IS NOT TRUE)) AND (c.id NOT IN (SELECT cs.computer_id FROM computer_software cs JOIN software_versions sv ON sv.id = cs.software_version_id JOIN software s ON s.id = sv.software_id WHERE s.name LIKE :crit3 ESCAPE '!'))",
    );
  });

  it('keeps two criteria on the same field as two subqueries (two packages), and prefixes parameters on demand', () => {
    const { sql, params } = compileCriteria([criteria[1], criteria[3]], fields, { paramPrefix: 'g7_' });
    expect(sql.match(/c\.id IN \(SELECT cs\.computer_id/g)).toHaveLength(2);
    expect(Object.keys(params)).toEqual(['g7_0', 'g7_1']);
  });

  it('turns expression errors into a 400 naming the position', () => {
    let error: BadRequestException | undefined;
    try {
      expressionOf('AND(1, OR(2 3))', 3);
    } catch (e) {
      error = e as BadRequestException;
    }
    expect(error).toBeInstanceOf(BadRequestException);
    expect(error!.getResponse()).toMatchObject({
      message: "Invalid expression at position 13: expected ',' or ')', found '3'",
      details: [{ field: 'expression', position: 13, problems: ["expected ',' or ')', found '3'"] }],
    });
  });

  it('takes group ids for "member of group"', () => {
    const { sql, params } = compileCriteria([{ field: 'group', operator: 'notequals', value: '12' }], fields);
    expect(sql).toBe('(c.id NOT IN (SELECT gm.computer_id FROM computer_group_members gm WHERE gm.group_id = :crit0))');
    expect(params).toEqual({ crit0: 12 });
    expect(() => compileCriteria([{ field: 'group', operator: 'equals', value: '1.5' }], fields)).toThrow(BadRequestException);
  });
});

describe('evaluatePlan', () => {
  it('combines unit outcomes as the SQL does, with same-package criteria as one unit', () => {
    const criteria = [
      { field: 'software', operator: 'contains' as const, value: 'firefox' },
      { field: 'softwareVersion', operator: 'equals' as const, value: '115*' },
      { field: 'os', operator: 'contains' as const, value: 'Windows' },
    ];
    const { units, plan } = compileCriteria(criteria, fields, { expression: parseExpression('AND(1, 2, NOT(3))') });
    // Firefox and its version share one child unit; the OS is a row unit, negated.
    expect(units.map((u) => (u.kind === 'child' ? u.conditions.length : 'row'))).toEqual([2, 'row']);
    const outcome = (values: Record<string, boolean>) => evaluatePlan(plan, (i) => values[units[i].kind]);
    expect(outcome({ row: false, child: true })).toBe(true);
    expect(outcome({ row: true, child: true })).toBe(false);
    expect(outcome({ row: false, child: false })).toBe(false);
    // No criteria: every row.
    expect(evaluatePlan(compileCriteria([], fields).plan, () => false)).toBe(true);
  });
});
