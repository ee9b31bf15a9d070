import type { ApiError } from '../../core/api/api-error';

/**
 * The expression combining numbered criteria, in the prefix notation the server reads (`AND(1, OR(2, NOT(3)))`;
 * ET, OU, NON too; empty = every criterion must match). The UI parses it only to keep it in step when rows are
 * added or removed; checking it is the server's job, whose message is shown as is.
 */
export type ExpressionNode = { kind: 'criterion'; number: number } | { kind: 'and' | 'or'; args: ExpressionNode[] } | { kind: 'not'; arg: ExpressionNode };

const KEYWORDS: Readonly<Record<string, 'and' | 'or' | 'not'>> = { AND: 'and', ET: 'and', OR: 'or', OU: 'or', NOT: 'not', NON: 'not' };

type Token = { type: 'number'; value: number } | { type: 'word'; value: string } | { type: '(' | ')' | ',' | 'end' };

function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\d+)|([A-Za-z]+)|([(),]))/y;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) return null;
    at = pattern.lastIndex;
    if (match[1] !== undefined) tokens.push({ type: 'number', value: Number(match[1]) });
    else if (match[2] !== undefined) tokens.push({ type: 'word', value: match[2] });
    else tokens.push({ type: match[3] as '(' | ')' | ',' });
  }
  tokens.push({ type: 'end' });
  return tokens;
}

/** The expression's tree, or null when it does not parse (the server then says why). */
export function parseExpression(text: string): ExpressionNode | null {
  const tokens = tokenize(text);
  if (!tokens || tokens[0].type === 'end') return null;
  let at = 0;
  const node = (): ExpressionNode | null => {
    const token = tokens[at++];
    if (token.type === 'number') return { kind: 'criterion', number: token.value };
    if (token.type !== 'word') return null;
    const kind = KEYWORDS[token.value.toUpperCase()];
    if (!kind || tokens[at++].type !== '(') return null;
    const args: ExpressionNode[] = [];
    for (;;) {
      const arg = node();
      if (!arg) return null;
      args.push(arg);
      const next = tokens[at++];
      if (next.type === ')') break;
      if (next.type !== ',') return null;
    }
    if (kind === 'not') return args.length === 1 ? { kind, arg: args[0] } : null;
    return { kind, args };
  };
  const root = node();
  return root && tokens[at].type === 'end' ? root : null;
}

/** `AND(1, OR(2, NOT(3)))`: English keywords, one space after commas. */
export function printExpression(node: ExpressionNode): string {
  switch (node.kind) {
    case 'criterion':
      return String(node.number);
    case 'not':
      return `NOT(${printExpression(node.arg)})`;
    default:
      return `${node.kind.toUpperCase()}(${node.args.map(printExpression).join(', ')})`;
  }
}

/**
 * The expression once criterion `removed` is deleted: the rows after it move up a number, so do their
 * references; references to the removed one disappear with what only they made up (`NOT(2)`, an `OR` left
 * empty), and an `AND`/`OR` left with one operand becomes that operand. Text that does not parse only has its
 * numbers shifted.
 */
export function removeCriterion(expression: string, removed: number): string {
  if (!expression.trim()) return '';
  const root = parseExpression(expression);
  if (!root) return expression.replace(/\d+/g, (digits) => (Number(digits) > removed ? String(Number(digits) - 1) : digits));
  const prune = (node: ExpressionNode): ExpressionNode | null => {
    switch (node.kind) {
      case 'criterion':
        if (node.number === removed) return null;
        return node.number > removed ? { kind: 'criterion', number: node.number - 1 } : node;
      case 'not': {
        const arg = prune(node.arg);
        return arg ? { kind: 'not', arg } : null;
      }
      default: {
        const args = node.args.map(prune).filter((arg): arg is ExpressionNode => arg !== null);
        if (args.length === 0) return null;
        return args.length === 1 ? args[0] : { kind: node.kind, args };
      }
    }
  };
  const pruned = prune(root);
  return pruned ? printExpression(pruned) : '';
}

/**
 * The expression once criterion `added` is appended: a new row must match too (what an empty expression means),
 * so it joins the top-level `AND`, or the expression becomes `AND(<expression>, added)`. An empty expression
 * stays empty; one that does not parse is left for the user (and the server's message) to fix.
 */
export function appendCriterion(expression: string, added: number): string {
  if (!expression.trim()) return '';
  const root = parseExpression(expression);
  if (!root) return expression;
  const leaf: ExpressionNode = { kind: 'criterion', number: added };
  return printExpression(root.kind === 'and' ? { kind: 'and', args: [...root.args, leaf] } : { kind: 'and', args: [root, leaf] });
}

/** What a 400 answer to a search says about the criteria and the expression, to show next to them. */
export interface SearchProblems {
  expression: { problem: string; position: number | null } | null;
  /** Problems of criteria; `number` is the row (1-based) when the server named it (`criteria[1].value`). */
  criteria: { number: number | null; problem: string }[] | null;
}

export const NO_SEARCH_PROBLEMS: SearchProblems = { expression: null, criteria: null };

/**
 * Reads the problems of a failed search (`details: [{field: 'expression', position, problems}]`, and fields
 * `criteria…` for a bad criterion). Other failures give nothing here: the snackbar or the form show them.
 */
export function searchProblems(error: ApiError | null): SearchProblems {
  if (!error || error.status !== 400) return NO_SEARCH_PROBLEMS;
  const details = Array.isArray(error.details) ? (error.details as unknown[]) : [];
  let expression: SearchProblems['expression'] = null;
  const criteria: { number: number | null; problem: string }[] = [];
  for (const item of details) {
    if (typeof item !== 'object' || item === null) continue;
    const { field, problems, position } = item as { field?: unknown; problems?: unknown; position?: unknown };
    if (typeof field !== 'string') continue;
    const text = Array.isArray(problems) ? problems.filter((p) => typeof p === 'string').join('; ') : typeof problems === 'string' ? problems : '';
    if (field === 'expression') expression = { problem: text || error.message, position: typeof position === 'number' ? position : null };
    else if (field.startsWith('criteria')) {
      const index = /^criteria[[.](\d+)/.exec(field)?.[1];
      criteria.push({ number: index === undefined ? null : Number(index) + 1, problem: text || error.message });
    }
  }
  return expression || criteria.length ? { expression, criteria: criteria.length ? criteria : null } : NO_SEARCH_PROBLEMS;
}
