import { BadRequestException } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export const MAX_PAGE_SIZE = 500;

/** Common query of every list: pagination, sorting and a quick filter. */
export class ListQueryDto {
  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'Field to sort by; prefix with - for descending (e.g. -createdAt)' })
  @IsOptional()
  @IsString()
  @Matches(/^-?[A-Za-z]{1,50}$/, { message: 'sort must be a field name, optionally prefixed with -' })
  sort?: string;

  @ApiPropertyOptional({ description: 'Quick filter' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export interface ResolvedList {
  offset: number;
  limit: number;
  /** Column expression to order by. */
  orderBy: string;
  direction: 'ASC' | 'DESC';
}

/**
 * Maps the public sort field names of a list to SQL expressions and applies the defaults; an unknown field is a
 * 400 that lists the accepted ones.
 */
export function resolveList(query: ListQueryDto, sortable: Record<string, string>, defaultSort: string): ResolvedList {
  const sort = query.sort ?? defaultSort;
  const field = sort.replace(/^-/, '');
  const orderBy = sortable[field];
  if (!orderBy) {
    throw new BadRequestException({
      message: `sort must be one of: ${Object.keys(sortable).join(', ')} (prefix - for descending)`,
      details: [{ field: 'sort', problems: [`unknown sort field '${field}'`] }],
    });
  }
  return { offset: query.offset ?? 0, limit: query.limit ?? 50, orderBy, direction: sort.startsWith('-') ? 'DESC' : 'ASC' };
}

/**
 * One page of a list and the total count: ordered as the list asks, then by `idColumn` in the same direction, so
 * that rows with equal sort values keep one order from page to page.
 */
export function fetchPage<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, list: ResolvedList, idColumn: string): Promise<[T[], number]> {
  return qb.orderBy(list.orderBy, list.direction).addOrderBy(idColumn, list.direction).skip(list.offset).take(list.limit).getManyAndCount();
}

/**
 * A LIKE condition matching `q` literally anywhere in the column. `!` is the escape character because the
 * backslash means different things to MariaDB and SQLite string literals.
 */
export function containsCondition(column: string, param: string, q: string): { sql: string; params: Record<string, string> } {
  return { sql: `${column} LIKE :${param} ESCAPE '!'`, params: { [param]: `%${q.replace(/[!%_]/g, '!$&')}%` } };
}
