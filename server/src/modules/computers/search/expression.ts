/**
 * Boolean expressions over numbered criteria, in the prefix notation Pulse 2 admins already write:
 * `AND(1, OR(2, 3))`, `OR(4, AND(2, 1), 3)`, `AND(NOT(1), 2)`. The French keywords ET, OU, NON are read too.
 * Positions in errors are 1-based character columns of the expression text.
 */
export type ExpressionNode =
  | { kind: 'criterion'; number: number; position: number }
  | { kind: 'and' | 'or'; args: ExpressionNode[]; position: number }
  | { kind: 'not'; arg: ExpressionNode; position: number };

export class ExpressionError extends Error {
  constructor(
    readonly position: number,
    readonly problem: string,
  ) {
    super(`at position ${position}: ${problem}`);
  }
}

const KEYWORDS: Record<string, 'and' | 'or' | 'not'> = { AND: 'and', ET: 'and', OR: 'or', OU: 'or', NOT: 'not', NON: 'not' };
export const MAX_EXPRESSION_LENGTH = 2000;
const MAX_DEPTH = 32;

type Token =
  | { type: 'number'; value: number; position: number }
  | { type: 'word'; value: string; position: number }
  | { type: '(' | ')' | ','; position: number }
  | { type: 'end'; position: number }
  /** A lexical problem, reported only when the parser reaches it, so that errors come in reading order. */
  | { type: 'bad'; problem: string; position: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ type: ch, position: i + 1 });
      i++;
    } else if (/[0-9]/.test(ch)) {
      const start = i;
      while (i < text.length && /[0-9]/.test(text[i])) i++;
      const digits = text.slice(start, i);
      tokens.push(digits.length > 4 ? { type: 'bad', problem: `criterion number ${digits} is too large`, position: start + 1 } : { type: 'number', value: Number(digits), position: start + 1 });
    } else if (/[A-Za-z]/.test(ch)) {
      const start = i;
      while (i < text.length && /[A-Za-z]/.test(text[i])) i++;
      tokens.push({ type: 'word', value: text.slice(start, i), position: start + 1 });
    } else {
      tokens.push({ type: 'bad', problem: `unexpected character '${ch}'`, position: i + 1 });
      return tokens;
    }
  }
  tokens.push({ type: 'end', position: text.length + 1 });
  return tokens;
}

const describe = (t: Token): string => (t.type === 'end' ? 'the end' : t.type === 'number' || t.type === 'word' ? `'${t.value}'` : `'${t.type}'`);

/** Parses an expression; throws ExpressionError naming the position and the problem. */
export function parseExpression(text: string): ExpressionNode {
  if (text.length > MAX_EXPRESSION_LENGTH) throw new ExpressionError(MAX_EXPRESSION_LENGTH + 1, `the expression is longer than ${MAX_EXPRESSION_LENGTH} characters`);
  const tokens = tokenize(text);
  let at = 0;
  const peek = (): Token => {
    const t = tokens[at];
    if (t.type === 'bad') throw new ExpressionError(t.position, t.problem);
    return t;
  };
  const expect = (type: Token['type'], what: string): Token => {
    const t = peek();
    if (t.type !== type) throw new ExpressionError(t.position, `expected ${what}, found ${describe(t)}`);
    at++;
    return t;
  };

  const node = (depth: number): ExpressionNode => {
    const t = peek();
    if (depth > MAX_DEPTH) throw new ExpressionError(t.position, `nesting deeper than ${MAX_DEPTH} levels`);
    if (t.type === 'number') {
      at++;
      if (t.value < 1) throw new ExpressionError(t.position, 'criterion numbers start at 1');
      return { kind: 'criterion', number: t.value, position: t.position };
    }
    if (t.type === 'word') {
      const kind = KEYWORDS[t.value.toUpperCase()];
      if (!kind) throw new ExpressionError(t.position, `unknown operator '${t.value}' (use AND, OR, NOT)`);
      at++;
      expect('(', `'(' after ${t.value.toUpperCase()}`);
      const args = [node(depth + 1)];
      while (peek().type === ',') {
        at++;
        args.push(node(depth + 1));
      }
      const close = peek();
      if (close.type !== ')') throw new ExpressionError(close.position, `expected ',' or ')', found ${describe(close)}`);
      if (kind === 'not' && args.length !== 1) throw new ExpressionError(close.position, `NOT takes exactly one operand (got ${args.length})`);
      at++;
      return kind === 'not' ? { kind, arg: args[0], position: t.position } : { kind, args, position: t.position };
    }
    throw new ExpressionError(t.position, `expected a criterion number or AND, OR, NOT, found ${describe(t)}`);
  };

  if (peek().type === 'end') throw new ExpressionError(1, 'the expression is empty');
  const root = node(0);
  const rest = peek();
  if (rest.type !== 'end') throw new ExpressionError(rest.position, `unexpected ${describe(rest)} after the end of the expression`);
  return root;
}

function criteriaOf(node: ExpressionNode, into: ExpressionNode[] = []): ExpressionNode[] {
  if (node.kind === 'criterion') into.push(node);
  else if (node.kind === 'not') criteriaOf(node.arg, into);
  else node.args.forEach((a) => criteriaOf(a, into));
  return into;
}

/**
 * Parses and checks an expression against the number of criteria: every number must exist and every criterion
 * must be used (an unused criterion is almost always a mistake in the expression). No expression means AND of all.
 */
export function resolveExpression(text: string | undefined | null, criteriaCount: number): ExpressionNode | null {
  if (text === undefined || text === null || text.trim() === '') return null;
  const root = parseExpression(text);
  const used = new Set<number>();
  for (const leaf of criteriaOf(root) as Extract<ExpressionNode, { kind: 'criterion' }>[]) {
    if (leaf.number > criteriaCount) {
      throw new ExpressionError(leaf.position, criteriaCount ? `there is no criterion ${leaf.number} (criteria are numbered 1 to ${criteriaCount})` : `there is no criterion ${leaf.number} (there are no criteria)`);
    }
    used.add(leaf.number);
  }
  const unused = Array.from({ length: criteriaCount }, (_, i) => i + 1).filter((n) => !used.has(n));
  if (unused.length) throw new ExpressionError(1, `${unused.length === 1 ? `criterion ${unused[0]} is` : `criteria ${unused.join(', ')} are`} not used in the expression`);
  return root;
}

/** Evaluates an expression over criterion outcomes (1-based), for tests and in-memory checks. */
export function evaluateExpression(node: ExpressionNode, outcome: (criterion: number) => boolean): boolean {
  switch (node.kind) {
    case 'criterion':
      return outcome(node.number);
    case 'not':
      return !evaluateExpression(node.arg, outcome);
    case 'and':
      return node.args.every((a) => evaluateExpression(a, outcome));
    case 'or':
      return node.args.some((a) => evaluateExpression(a, outcome));
  }
}
