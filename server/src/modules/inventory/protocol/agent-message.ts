import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import type { AgentKind } from '@parc/contracts';

const inflate = promisify(zlib.inflate);
const gunzip = promisify(zlib.gunzip);
const deflate = promisify(zlib.deflate);

const INLINE_INFLATE_BYTES = 16 * 1024;

/** How the agent encoded its message; the reply uses the same. Never gzip (FusionInventory 2.6 crashes on it). */
export type MessageEncoding = 'zlib' | 'gzip' | 'plain';

export interface DecodedMessage {
  xml: string;
  encoding: MessageEncoding;
}

/**
 * Decodes an agent message by its magic bytes, inflating with a bound so that a compressed bomb fails with 413
 * once the limit is reached instead of filling memory. Inflating runs on the libuv thread pool.
 */
export async function decodeAgentBody(body: Buffer, maxXmlBytes: number): Promise<DecodedMessage> {
  if (!body.length) throw new BadRequestException('Empty body: expected an XML message, zlib-compressed or plain');
  const encoding = sniff(body);
  if (!encoding) throw new BadRequestException('The body is neither zlib, gzip nor XML');
  if (encoding === 'plain') {
    if (body.length > maxXmlBytes) throw tooLarge(maxXmlBytes);
    return { xml: body.toString('utf8'), encoding };
  }
  try {
    // Small messages (PROLOG: about 120 bytes) inflate faster inline than through the thread pool.
    const options = { maxOutputLength: maxXmlBytes };
    const raw =
      body.length <= INLINE_INFLATE_BYTES
        ? (encoding === 'zlib' ? zlib.inflateSync : zlib.gunzipSync)(body, options)
        : await (encoding === 'zlib' ? inflate : gunzip)(body, options);
    return { xml: raw.toString('utf8'), encoding };
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) throw tooLarge(maxXmlBytes);
    throw new BadRequestException(`The ${encoding} stream is corrupt: ${(error as Error).message}`);
  }
}

function tooLarge(max: number) {
  return new PayloadTooLargeException(`The decompressed message exceeds the limit of ${max} bytes`);
}

function sniff(body: Buffer): MessageEncoding | null {
  const b0 = body[0];
  const b1 = body[1];
  // zlib: CMF 0x78 and a header checksum that makes (CMF*256 + FLG) a multiple of 31.
  if (b0 === 0x78 && body.length > 2 && ((b0 << 8) | b1) % 31 === 0) return 'zlib';
  if (b0 === 0x1f && b1 === 0x8b) return 'gzip';
  const start = body.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return start.startsWith('<') ? 'plain' : null;
}

/** Content types of replies: what each agent family expects (protocol notes, §2.3 and OCS §1). */
export function replyContentType(kind: AgentKind, encoding: MessageEncoding): string {
  if (encoding === 'plain') return 'application/xml';
  return kind === 'ocs' ? 'application/x-compressed' : 'application/x-compress-zlib';
}

/** Encodes a reply like the request: zlib at the default level (78 9C, the only one FusionInventory 2.6 reads), or plain. */
export async function encodeReply(xml: string, encoding: MessageEncoding): Promise<Buffer> {
  const raw = Buffer.from(xml, 'utf8');
  return encoding === 'plain' ? raw : deflate(raw);
}

/** The agent family and version from the User-Agent header; null for anything else. */
export function agentFromUserAgent(userAgent: string | undefined): { kind: AgentKind; version: string } | null {
  if (!userAgent) return null;
  const match = /^(FusionInventory-Agent|GLPI-Agent|OCS-NG_[A-Za-z_]+?)_v(\S+)/.exec(userAgent.trim());
  if (!match) return null;
  const kind: AgentKind = match[1] === 'FusionInventory-Agent' ? 'fusioninventory' : match[1] === 'GLPI-Agent' ? 'glpi-agent' : 'ocs';
  return { kind, version: match[2].slice(0, 50) };
}

/** `<hostname>-YYYY-MM-DD-HH-MM-SS`, as every agent generates it. */
const DEVICE_ID = /^.{1,200}-\d{4}(?:-\d{2}){5}$/;

export function assertDeviceId(deviceId: string): void {
  if (!deviceId) throw new BadRequestException('The message has no DEVICEID');
  if (!DEVICE_ID.test(deviceId)) throw new BadRequestException(`Malformed DEVICEID '${deviceId.slice(0, 100)}': expected <hostname>-YYYY-MM-DD-HH-MM-SS`);
}
