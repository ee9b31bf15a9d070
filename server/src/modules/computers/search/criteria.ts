import { BadRequestException } from '@nestjs/common';
import type { SearchCriterion, SearchOperator } from '@parc/contracts';
import type { SearchFieldDefinition } from '../../../sdk/plugin';

export const OPERATORS_BY_TYPE: Record<SearchFieldDefinition['type'], SearchOperator[]> = {
  string: ['contains', 'equals', 'notequals'],
  number: ['equals', 'notequals', 'less', 'more'],
  date: ['less', 'more'],
};

export interface CompiledCriteria {
  /** A WHERE fragment (TRUE when there is no criterion), with named parameters. */
  sql: string;
  params: Record<string, unknown>;
}

interface Problem {
  field: string;
  problems: string[];
}

/** `*` becomes the SQL wildcard; LIKE's own wildcards and the escape character are matched literally. */
function likePattern(value: string, anywhere: boolean): string {
  const escaped = value.replace(/[!%_]/g, '!$&').replace(/\*/g, '%');
  return anywhere ? `%${escaped}%` : escaped;
}

/** `2026-11-01`, `2026-11-01T08:30`, or relative to now: `-7d`, `-12h`, `-30m`. */
export function parseDateValue(value: string, now = Date.now()): Date | null {
  const relative = /^-(\d{1,6})([dhm])$/.exec(value.trim());
  if (relative) {
    const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[relative[2] as 'd' | 'h' | 'm'];
    return new Date(now - Number(relative[1]) * unit);
  }
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?Z?$/.test(value.trim())) return null;
  const date = new Date(value.trim().length === 10 ? `${value.trim()}T00:00:00Z` : value.trim());
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Compiles criteria, all of which must match, to SQL over the item alias. Positive criteria on the same child
 * table share one subquery, so "software contains firefox" and "software version equals 115*" describe the same
 * installed package, as in GLPI's meta-criteria.
 */
export function compileCriteria(criteria: SearchCriterion[], fields: ReadonlyMap<string, SearchFieldDefinition>, idColumn = 'c.id'): CompiledCriteria {
  const params: Record<string, unknown> = {};
  const problems: Problem[] = [];
  const direct: string[] = [];
  const grouped = new Map<string, { select: string; from: string; conditions: string[] }>();

  criteria.forEach((criterion, index) => {
    const where = `criteria[${index}]`;
    const field = fields.get(criterion.field);
    if (!field) {
      problems.push({ field: `${where}.field`, problems: [`unknown field '${criterion.field}'`] });
      return;
    }
    if (!OPERATORS_BY_TYPE[field.type].includes(criterion.operator)) {
      problems.push({ field: `${where}.operator`, problems: [`'${criterion.operator}' does not apply to ${field.key} (use ${OPERATORS_BY_TYPE[field.type].join(', ')})`] });
      return;
    }
    const param = `crit${index}`;
    const negative = criterion.operator === 'notequals';
    const column = field.column ?? field.in!.column;
    let condition: string;
    if (field.type === 'string') {
      params[param] = likePattern(criterion.value, criterion.operator === 'contains');
      condition = `${column} LIKE :${param} ESCAPE '!'`;
    } else if (field.type === 'number') {
      const n = Number(criterion.value);
      if (criterion.value.trim() === '' || !Number.isFinite(n)) {
        problems.push({ field: `${where}.value`, problems: [`${field.key} takes a number (got '${criterion.value}')`] });
        return;
      }
      params[param] = n;
      condition = `${column} ${{ equals: '=', notequals: '=', less: '<', more: '>' }[criterion.operator as 'equals']} :${param}`;
    } else {
      const date = parseDateValue(criterion.value);
      if (!date) {
        problems.push({ field: `${where}.value`, problems: [`${field.key} takes a date (YYYY-MM-DD[THH:MM]) or -7d / -12h / -30m (got '${criterion.value}')`] });
        return;
      }
      params[param] = date;
      condition = `${column} ${criterion.operator === 'less' ? '<' : '>'} :${param}`;
    }

    if (!field.in) {
      direct.push(negative ? `NOT (${condition})` : condition);
    } else if (negative) {
      direct.push(`${idColumn} NOT IN (SELECT ${field.in.select} FROM ${field.in.from} WHERE ${condition})`);
    } else {
      const key = `${field.in.select}\u0000${field.in.from}`;
      const group = grouped.get(key) ?? { select: field.in.select, from: field.in.from, conditions: [] };
      group.conditions.push(condition);
      grouped.set(key, group);
    }
  });
  if (problems.length) {
    throw new BadRequestException({ message: `Invalid criteria: ${problems.map((p) => `${p.field} ${p.problems.join(', ')}`).join('; ')}`, details: problems });
  }
  const parts = [...direct, ...[...grouped.values()].map((g) => `${idColumn} IN (SELECT ${g.select} FROM ${g.from} WHERE ${g.conditions.join(' AND ')})`)];
  return { sql: parts.length ? parts.map((p) => `(${p})`).join(' AND ') : '1=1', params };
}
