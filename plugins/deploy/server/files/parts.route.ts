import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import type { RawRouteHandler } from '@parc/sdk';
import { FileStore } from './file-store';

/** Where agents fetch parts from the server-as-mirror: `<mirror>/<c1>/<c1c2>/<sha512>` (protocol §6). */
export const PARTS_PREFIX = '/deploy/repository/';
const PART_PATH = /^([0-9a-f])\/([0-9a-f]{2})\/([0-9a-f]{128})$/;
const YEAR_SECONDS = 365 * 86_400;

/**
 * Parts, GET and HEAD. A part never changes, so its hash is a strong ETag and caches may keep it for ever; ranges
 * let a cut download resume. Public like any static mirror: a part is only reachable by the SHA-512 of its bytes.
 * It is a raw route (no framework on the way: thousands of agents fetch parts at once), and Node has no sendfile:
 * the hot parts are served from memory instead, which saves the same disk read and copy.
 */
@Injectable()
export class PartsRoute implements RawRouteHandler {
  constructor(private readonly store: FileStore) {}

  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    // Agents move on to the next mirror on any non-200: a malformed path is simply not found.
    const m = PART_PATH.exec(path);
    const sha512 = m && m[1] === m[3][0] && m[2] === m[3].slice(0, 2) ? m[3] : null;
    const bytes = sha512 ? await this.store.partBytes(sha512) : null;
    if (!bytes) return notFound(res);
    const etag = `"${sha512}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', `public, max-age=${YEAR_SECONDS}, immutable`);
    res.setHeader('Accept-Ranges', 'bytes');
    if (matchesEtag(req.headers['if-none-match'], etag)) {
      res.statusCode = 304;
      res.end();
      return;
    }
    const range = wantedRange(req, etag, bytes.length);
    if (range === 'unsatisfiable') {
      res.statusCode = 416;
      res.setHeader('Content-Range', `bytes */${bytes.length}`);
      res.end();
      return;
    }
    const [start, end] = range ?? [0, bytes.length - 1];
    res.statusCode = range ? 206 : 200;
    if (range) res.setHeader('Content-Range', `bytes ${start}-${end}/${bytes.length}`);
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Content-Length', String(Math.max(0, end - start + 1)));
    // A part is about 1 MiB: one write of bytes already in memory (see PartCache) is the cheapest way out.
    res.end(req.method === 'HEAD' ? undefined : bytes.subarray(start, end + 1));
  }
}

function notFound(res: ServerResponse): void {
  res.statusCode = 404;
  res.setHeader('Content-Type', 'text/plain');
  res.end('Not found');
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.trim() === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/**
 * The single byte range asked for, if any and if `If-Range` still matches. Several ranges are answered with the
 * whole part (allowed by RFC 9110), which is what the agents' HTTP clients expect anyway.
 */
function wantedRange(req: IncomingMessage, etag: string, size: number): [number, number] | 'unsatisfiable' | null {
  const header = req.headers.range;
  if (!header || req.method !== 'GET') return null;
  const ifRange = req.headers['if-range'];
  if (ifRange !== undefined && (typeof ifRange !== 'string' || ifRange.trim() !== etag)) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    return [Math.max(0, size - suffix), size - 1];
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return [start, end];
}
