import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { Readable, Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { BadRequestException, Injectable, PayloadTooLargeException } from '@nestjs/common';
import { type RequestContext, validateAsBody } from '@parc/sdk';
import { extract, pack } from 'tar-stream';
import { FileStore, type PartRef } from '../files/file-store';
import { FilesService } from '../files/files.service';
import { DefinitionDto, type PackageViewDto } from './dto/package.dto';
import { PackagesService } from './packages.service';

const FORMAT = 'parc-package/1';
const MANIFEST = 'manifest.json';
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** A part holds one 1 MiB block, compressed or stored: anything much larger is not a part. */
const MAX_PART_BYTES = 2 * 1024 * 1024;
const PART_ENTRY = /^parts\/([0-9a-f])\/([0-9a-f]{2})\/([0-9a-f]{128})$/;

interface ArchiveManifest {
  format: string;
  package: { name: string; description: string };
  revision: { number: number; status: string; definition: unknown };
  files: { sha512: string; name: string; size: number; parts: PartRef[] }[];
}

/**
 * A package revision as one tar archive, to move it between servers: `manifest.json` (the package, the revision's
 * definition, each file's manifest of parts), then every part under `parts/x/xy/<sha512>`. Import checks the hash of
 * every part and of every reassembled file, and refuses the archive at the first thing it cannot verify.
 */
@Injectable()
export class PackageArchiveService {
  constructor(
    private readonly packages: PackagesService,
    private readonly files: FilesService,
    private readonly store: FileStore,
  ) {}

  /** Checks access and reads what the archive holds; then `write` streams it. */
  async export(ctx: RequestContext, id: number, number: number): Promise<{ fileName: string; write: (out: Writable) => Promise<void> }> {
    const pkg = await this.packages.get(ctx, id);
    const revision = await this.packages.revision(ctx, id, number);
    const files = await Promise.all(
      revision.definition.files.map(async (f) => {
        const file = await this.files.find(f.sha512);
        return { sha512: file.sha512, name: file.name, size: Number(file.size), parts: await this.files.parts(file.id) };
      }),
    );
    const manifest: ArchiveManifest = { format: FORMAT, package: { name: pkg.name, description: pkg.description }, revision: { number, status: revision.status, definition: revision.definition }, files };
    const fileName = `${pkg.name.replace(/[^\w.-]+/g, '_').slice(0, 80) || 'package'}-r${number}.tar`;
    return { fileName, write: (out) => this.writeArchive(manifest, out) };
  }

  private async writeArchive(manifest: ArchiveManifest, out: Writable): Promise<void> {
    const tar = pack();
    const done = pipeline(tar, out);
    tar.entry({ name: MANIFEST }, JSON.stringify(manifest, null, 2));
    const seen = new Set<string>();
    for (const part of manifest.files.flatMap((f) => f.parts)) {
      if (seen.has(part.sha512)) continue;
      seen.add(part.sha512);
      const entry = tar.entry({ name: `parts/${FileStore.relativePartPath(part.sha512)}`, size: part.size });
      await pipeline(this.store.readPart(part.sha512) as Readable, entry);
    }
    tar.finalize();
    await done;
  }

  /** Reads the archive as it streams (parts go straight into the repository once their hash is checked). */
  async import(ctx: RequestContext, archive: Readable, entityId: number): Promise<PackageViewDto> {
    let manifest: ArchiveManifest | null = null;
    const received = new Set<string>();
    const tar = extract();
    const reading = (async () => {
      for await (const entry of tar) {
        const name = entry.header.name;
        if (name === MANIFEST) {
          if (manifest) throw refused('it holds two manifests');
          manifest = parseManifest(await readAll(entry as unknown as AsyncIterable<Buffer>, MAX_MANIFEST_BYTES));
          continue;
        }
        const m = PART_ENTRY.exec(name);
        if (!m || m[1] !== m[3][0] || m[2] !== m[3].slice(0, 2)) throw refused(`unexpected entry '${name.slice(0, 200)}'`);
        if (!manifest) throw refused(`${MANIFEST} must come first`);
        if ((entry.header.size ?? 0) > MAX_PART_BYTES) throw refused(`part ${m[3]} is larger than a part can be`);
        await this.adoptPart(entry as unknown as AsyncIterable<Buffer>, m[3]);
        received.add(m[3]);
      }
    })();
    await Promise.all([pipeline(archive, tar), reading]).catch((err) => {
      if (err instanceof BadRequestException || err instanceof PayloadTooLargeException) throw err;
      throw refused(`it is not a readable tar archive (${(err as Error).message})`);
    });
    const found = manifest as ArchiveManifest | null;
    if (!found) throw refused(`it has no ${MANIFEST}`);
    for (const file of found.files) {
      for (const part of file.parts) {
        if (!received.has(part.sha512) && !(await this.store.hasPart(part.sha512))) throw refused(`part ${part.sha512} of ${file.name} is missing`);
      }
      await this.verifyFile(file);
    }
    const definition = await validateAsBody(DefinitionDto, found.revision.definition).catch((err: BadRequestException) => {
      throw refused(`its definition is invalid: ${(err.getResponse() as { message: string }).message}`);
    });
    // Template ids belong to the server the package came from; a revision carries the settings themselves.
    definition.userInteractions.forEach((u) => (u.templateId = null));
    for (const file of found.files) {
      const { file: stored } = await this.files.register(file.name, file.sha512, file.size, { parts: file.parts });
      await this.files.grant(stored.id, entityId);
    }
    const created = await this.packages.create(ctx, { name: found.package.name, description: found.package.description, entityId });
    await this.packages.saveDraft(ctx, created.id, definition);
    return this.packages.get(ctx, created.id);
  }

  /** Streams a part to a temporary file while hashing it; only a part whose hash is its name enters the repository. */
  private async adoptPart(entry: AsyncIterable<Buffer>, sha512: string): Promise<void> {
    const tmp = await this.store.tempPath();
    const hash = createHash('sha512');
    try {
      await pipeline(
        async function* () {
          for await (const chunk of entry) {
            hash.update(chunk);
            yield chunk;
          }
        },
        createWriteStream(tmp),
      );
      if (hash.digest('hex') !== sha512) throw refused(`part ${sha512} does not match its SHA-512`);
      await this.store.adoptPart(tmp, sha512);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  /** Reassembles a file from its parts, as an agent would, and checks its size and SHA-512. */
  private async verifyFile(file: ArchiveManifest['files'][number]): Promise<void> {
    const hash = createHash('sha512');
    let size = 0;
    for (const part of file.parts) {
      await pipeline(this.store.readPart(part.sha512) as Readable, createGunzip(), async (source: AsyncIterable<Buffer>) => {
        for await (const chunk of source) {
          hash.update(chunk);
          size += chunk.length;
        }
      }).catch(() => {
        throw refused(`part ${part.sha512} of ${file.name} is not gzip data`);
      });
    }
    if (hash.digest('hex') !== file.sha512 || size !== file.size) throw refused(`the parts of ${file.name} do not rebuild a file with its SHA-512 and size`);
  }
}

function refused(reason: string): BadRequestException {
  return new BadRequestException(`The package archive is refused: ${reason}`);
}

async function readAll(entry: AsyncIterable<Buffer>, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of entry) {
    size += chunk.length;
    if (size > max) throw refused(`${MANIFEST} is larger than ${max} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function parseManifest(raw: Buffer): ArchiveManifest {
  let m: ArchiveManifest;
  try {
    m = JSON.parse(raw.toString('utf8'));
  } catch {
    throw refused(`${MANIFEST} is not JSON`);
  }
  const sha = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{128}$/.test(v);
  const ok =
    m?.format === FORMAT &&
    typeof m.package?.name === 'string' &&
    m.package.name.length > 0 &&
    m.package.name.length <= 255 &&
    typeof m.package.description === 'string' &&
    typeof m.revision?.definition === 'object' &&
    Array.isArray(m.files) &&
    m.files.every((f) => sha(f?.sha512) && typeof f.name === 'string' && Number.isSafeInteger(f.size) && f.size >= 0 && Array.isArray(f.parts) && f.parts.length > 0 && f.parts.every((p) => sha(p?.sha512) && Number.isSafeInteger(p.size)));
  if (!ok) throw refused(`${MANIFEST} is not a ${FORMAT} manifest`);
  return m;
}
