import type { ApiError } from '../../core/api/api-error';
import { query } from './criteria-builder';
import { appendCriterion, parseExpression, printExpression, removeCriterion, searchProblems } from './criteria-expression';

describe('criteria expression', () => {
  it('reads the prefix notation, French keywords and any spacing included', () => {
    expect(parseExpression('AND(1, OR(2, NOT(3)))')).toEqual({
      kind: 'and',
      args: [
        { kind: 'criterion', number: 1 },
        {
          kind: 'or',
          args: [
            { kind: 'criterion', number: 2 },
            { kind: 'not', arg: { kind: 'criterion', number: 3 } },
          ],
        },
      ],
    });
    expect(printExpression(parseExpression(' et(non(1),ou( 2 ,3) ) ')!)).toBe('AND(NOT(1), OR(2, 3))');
    expect(printExpression(parseExpression('4')!)).toBe('4');
  });

  it('gives up on what the server would refuse anyway', () => {
    for (const text of ['', 'AND(1', 'AND(1,)', 'NOT(1, 2)', 'XOR(1, 2)', '1 2', 'AND(1) x', '1 + 2', 'AND()']) {
      expect(parseExpression(text)).toBeNull();
    }
  });

  it('renumbers the rows after a removed criterion and drops what only it made up', () => {
    expect(removeCriterion('AND(1, OR(2, NOT(3)))', 2)).toBe('AND(1, NOT(2))');
    expect(removeCriterion('AND(1, OR(2, NOT(3)))', 3)).toBe('AND(1, 2)');
    expect(removeCriterion('AND(NOT(1), 2)', 1)).toBe('1');
    expect(removeCriterion('OR(AND(1, 2), 3)', 3)).toBe('AND(1, 2)');
    expect(removeCriterion('NOT(1)', 1)).toBe('');
    expect(removeCriterion('', 1)).toBe('');
  });

  it('only shifts the numbers of an expression that does not parse', () => {
    expect(removeCriterion('AND(1, OR(2, 3)', 1)).toBe('AND(1, OR(1, 2)');
  });

  it('makes an added criterion one more condition to meet', () => {
    expect(appendCriterion('OR(1, 2)', 3)).toBe('AND(OR(1, 2), 3)');
    expect(appendCriterion('AND(1, NOT(2))', 3)).toBe('AND(1, NOT(2), 3)');
    expect(appendCriterion('', 3)).toBe('');
    expect(appendCriterion('AND(1', 2)).toBe('AND(1');
  });

  it('keeps the numbers sent in step with the rows sent when a row has no field yet', () => {
    const rows = [
      { field: 'software', operator: 'contains' as const, value: ' firefox ' },
      { field: '', operator: 'contains' as const, value: '' },
      { field: 'name', operator: 'contains' as const, value: 'lab' },
    ];
    expect(query(rows, 'AND(1, 2, NOT(3))')).toEqual({
      criteria: [
        { field: 'software', operator: 'contains', value: 'firefox' },
        { field: 'name', operator: 'contains', value: 'lab' },
      ],
      expression: 'AND(1, NOT(2))',
    });
    expect(query([{ field: '', operator: 'contains', value: '' }], 'NOT(1)')).toEqual({ criteria: [], expression: '' });
  });
});

describe('search problems', () => {
  const error = (status: number, details: unknown, message = 'Invalid search'): ApiError => ({
    status,
    message,
    fieldErrors: {},
    retryAfterSeconds: null,
    details,
  });

  it("reads the expression's problem and position, and the criteria's", () => {
    expect(searchProblems(error(400, [{ field: 'expression', position: 9, problems: ["expected ',' or ')', found the end"] }]))).toEqual({
      expression: { problem: "expected ',' or ')', found the end", position: 9 },
      criteria: null,
    });
    expect(
      searchProblems(
        error(400, [
          { field: 'criteria[1].value', problems: ['no group with id 9'] },
          { field: 'criteria', problems: ['too many criteria'] },
        ]),
      ),
    ).toEqual({
      expression: null,
      criteria: [
        { number: 2, problem: 'no group with id 9' },
        { number: null, problem: 'too many criteria' },
      ],
    });
  });

  it('says nothing about other failures', () => {
    expect(searchProblems(null)).toEqual({ expression: null, criteria: null });
    expect(searchProblems(error(403, [{ field: 'expression', problems: ['x'] }]))).toEqual({ expression: null, criteria: null });
    expect(searchProblems(error(400, [{ field: 'name', problems: ['required'] }]))).toEqual({ expression: null, criteria: null });
  });
});
