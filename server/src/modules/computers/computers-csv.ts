import type { ComputerRow } from '@parc/contracts';
import type { CsvColumn } from './dto/computer.dto';

const VALUE: Record<CsvColumn, (r: ComputerRow) => unknown> = {
  id: (r) => r.id,
  name: (r) => r.name,
  entity: (r) => r.entityName,
  serial: (r) => r.serial,
  uuid: (r) => r.uuid,
  manufacturer: (r) => r.manufacturer,
  model: (r) => r.model,
  os: (r) => r.osName,
  osVersion: (r) => r.osVersion,
  ip: (r) => r.ip,
  lastInventoryAt: (r) => r.lastInventoryAt,
  lastContactAt: (r) => r.lastContactAt,
  agentKind: (r) => r.agentKind,
  agentVersion: (r) => r.agentVersion,
};

/**
 * One CSV field (RFC 4180). A value starting with = + - @ is prefixed with an apostrophe, so that a spreadsheet
 * does not run an inventory string as a formula.
 */
export function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(columns: readonly CsvColumn[]): string {
  return `${columns.join(',')}\r\n`;
}

export function csvRows(rows: ComputerRow[], columns: readonly CsvColumn[]): string {
  return rows.map((r) => `${columns.map((c) => csvField(VALUE[c](r))).join(',')}\r\n`).join('');
}
