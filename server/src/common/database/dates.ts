/** A datetime read by a raw query: MariaDB (mysql2) gives Dates, SQLite gives 'YYYY-MM-DD HH:MM:SS.sss' in UTC. */
export function dateFromDb(value: string | Date): Date;
export function dateFromDb(value: string | Date | null): Date | null;
export function dateFromDb(value: string | Date | null): Date | null {
  if (value === null) return null;
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}
