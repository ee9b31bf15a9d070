import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@parc/sdk';
import type { Request, Response } from 'express';
import { FileStore } from './file-store';

const SHA512 = /^[0-9a-f]{128}$/;
const YEAR_SECONDS = 365 * 86_400;

/**
 * Parts as agents fetch them from the server-as-mirror: `<mirror>/<c1>/<c1c2>/<sha512>` (protocol §6). A part
 * never changes, so its hash is a strong ETag and caches may keep it for ever; ranges let a cut download resume.
 * Public like any static mirror: a part is only reachable by the SHA-512 of its bytes. Node has no sendfile: the
 * hot parts are served from memory instead, which saves the same disk read and copy.
 */
@ApiTags('agent protocol')
@Controller('deploy/repository')
export class PartsController {
  constructor(private readonly store: FileStore) {}

  @Get(':c1/:c12/:sha512')
  @Public()
  @ApiOperation({ summary: 'One file part (agents and mirrors; HEAD too): strong ETag, immutable caching, byte ranges' })
  @ApiOkResponse({ description: 'The part bytes (a gzip member), 206 for a range, 304 when the ETag matches' })
  get(@Param('c1') c1: string, @Param('c12') c12: string, @Param('sha512') sha512: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.serve(c1, c12, sha512, req, res);
  }

  private async serve(c1: string, c12: string, sha512: string, req: Request, res: Response): Promise<void> {
    // Agents move on to the next mirror on any non-200: a malformed path is simply not found.
    if (!SHA512.test(sha512) || c1 !== sha512[0] || c12 !== sha512.slice(0, 2)) return notFound(res);
    const bytes = await this.store.partBytes(sha512);
    if (!bytes) return notFound(res);
    const etag = `"${sha512}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', `public, max-age=${YEAR_SECONDS}, immutable`);
    res.setHeader('Accept-Ranges', 'bytes');
    if (matchesEtag(req.headers['if-none-match'], etag)) {
      res.status(304).end();
      return;
    }
    const range = wantedRange(req, etag, bytes.length);
    if (range === 'unsatisfiable') {
      res.status(416).setHeader('Content-Range', `bytes */${bytes.length}`);
      res.end();
      return;
    }
    const [start, end] = range ?? [0, bytes.length - 1];
    res.status(range ? 206 : 200);
    if (range) res.setHeader('Content-Range', `bytes ${start}-${end}/${bytes.length}`);
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Content-Length', String(Math.max(0, end - start + 1)));
    // A part is about 1 MiB: one write of bytes already in memory (see PartCache) is the cheapest way out.
    res.end(req.method === 'HEAD' ? undefined : bytes.subarray(start, end + 1));
  }
}

function notFound(res: Response): void {
  res.status(404).setHeader('Content-Type', 'text/plain');
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
function wantedRange(req: Request, etag: string, size: number): [number, number] | 'unsatisfiable' | null {
  const header = req.headers.range;
  if (!header || req.method !== 'GET') return null;
  const ifRange = req.get('if-range');
  if (ifRange && ifRange.trim() !== etag) return null;
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
