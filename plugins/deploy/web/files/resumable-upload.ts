import type { FileView, UploadView } from '../deploy.model';

/*
 * Resumable uploads to the file repository (POST /api/deploy/uploads, then PUT …/chunks/:offset): the server
 * says how many bytes it holds, the browser sends the rest chunk by chunk, each with its SHA-256. What is under
 * way is remembered in localStorage, so that after a reload the user picks the same file again and only the
 * missing bytes go.
 */

/** What survives a reload: enough to recognise the file when the user picks it again. */
export interface PendingUpload {
  uploadId: string;
  name: string;
  size: number;
  lastModified: number;
}

/** The file the user picked (a File, or its parts in tests). */
export interface UploadSource {
  readonly name: string;
  readonly size: number;
  readonly lastModified: number;
  slice(start: number, end: number): Blob;
}

export const PENDING_UPLOADS_KEY = 'parc.deploy.uploads';

/** The bytes of the next chunk, or null when the server holds everything. */
export function nextChunk(offset: number, size: number, chunkSize: number): { start: number; end: number } | null {
  if (offset >= size || chunkSize <= 0) return null;
  return { start: offset, end: Math.min(size, offset + chunkSize) };
}

const MiB = 1024 * 1024;
/** Where a client starts, and the smallest it goes (chunks other than the last are whole MiB). */
const START_CHUNK_BYTES = 8 * MiB;
const MIN_CHUNK_BYTES = MiB;

/**
 * The size of the next chunk: the server suggests the largest (fewer requests, each a durability point on the
 * server), but a chunk must also go through in well under the server's request timeout on a slow link. So it
 * starts at 8 MiB, doubles while chunks take under 5 s, and halves when one takes over 20 s or fails.
 */
export class ChunkSizer {
  private size: number;

  constructor(private readonly max: number) {
    this.size = Math.min(max, START_CHUNK_BYTES);
  }

  get current(): number {
    return this.size;
  }

  sent(bytes: number, seconds: number): void {
    if (seconds < 5 && bytes >= this.size) this.size = Math.min(this.max, this.size * 2);
    else if (seconds > 20) this.shrink();
  }

  failed(): void {
    this.shrink();
  }

  private shrink(): void {
    this.size = Math.max(Math.min(this.max, MIN_CHUNK_BYTES), Math.floor(this.size / 2 / MiB) * MiB);
  }
}

/** Whole percent, 100 only when done (a big file at 99.6 % is not finished). */
export function percentOf(done: number, size: number): number {
  if (size <= 0) return done >= size ? 100 : 0;
  if (done >= size) return 100;
  return Math.min(99, Math.floor((done / size) * 100));
}

/** The same file picked again: same name, size and modification time. */
export function isSameFile(pending: PendingUpload, file: Pick<UploadSource, 'name' | 'size' | 'lastModified'>): boolean {
  return pending.name === file.name && pending.size === file.size && pending.lastModified === file.lastModified;
}

/** `Content-Digest: sha-256=:<base64>:` (RFC 9530) of one chunk. */
export async function contentDigest(bytes: ArrayBuffer): Promise<string> {
  // A view, not the buffer itself: a Blob's buffer may come from another realm (jsdom), which digest refuses.
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes)));
  let binary = '';
  for (const byte of hash) binary += String.fromCharCode(byte);
  return `sha-256=:${btoa(binary)}:`;
}

/** The interrupted uploads remembered in this browser (storage failures only lose the list). */
export class PendingUploads {
  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined = globalThis.localStorage) {}

  list(): PendingUpload[] {
    try {
      const parsed: unknown = JSON.parse(this.storage?.getItem(PENDING_UPLOADS_KEY) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isPendingUpload) : [];
    } catch {
      return [];
    }
  }

  add(pending: PendingUpload): void {
    this.write([...this.list().filter((p) => p.uploadId !== pending.uploadId), pending]);
  }

  remove(uploadId: string): void {
    this.write(this.list().filter((p) => p.uploadId !== uploadId));
  }

  private write(list: PendingUpload[]): void {
    try {
      if (list.length === 0) this.storage?.removeItem(PENDING_UPLOADS_KEY);
      else this.storage?.setItem(PENDING_UPLOADS_KEY, JSON.stringify(list));
    } catch {
      // Not remembered: the upload still goes on in this tab.
    }
  }
}

function isPendingUpload(value: unknown): value is PendingUpload {
  const p = value as PendingUpload;
  return typeof p === 'object' && p !== null && typeof p.uploadId === 'string' && typeof p.name === 'string' && typeof p.size === 'number' && typeof p.lastModified === 'number';
}

/** A failed request as the uploader needs it: the status (0 = no answer) and the body. */
export interface TransportError {
  status: number;
  body?: unknown;
}

/** The calls the uploader makes (DeployApi in the app, fakes in tests). */
export interface UploadTransport {
  start(name: string, size: number): Promise<UploadView>;
  status(uploadId: string): Promise<UploadView>;
  /** Resolves with the server's view after the chunk; `progress` gets the bytes of this chunk sent so far. */
  send(uploadId: string, offset: number, bytes: ArrayBuffer, digest: string, progress: (loaded: number) => void, abort: AbortSignal): Promise<UploadView>;
  cancel(uploadId: string): Promise<void>;
}

export interface UploadOptions {
  /** Attempts per chunk when the connection fails or the server errs (5xx, no answer). */
  attempts?: number;
  /** Waits between those attempts, in ms (doubles each time). */
  retryDelayMs?: number;
  /** Resends of a chunk whose digest the server did not match (corrupted on the way). */
  digestRetries?: number;
}

export type UploadPhase = 'starting' | 'sending' | 'complete' | 'interrupted' | 'cancelled';

/** Thrown by `run` when the upload stops before the end: the server keeps what it has. */
export class UploadInterrupted extends Error {
  constructor(
    readonly reason: 'cancelled' | 'stopped' | 'failed',
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const isTransportError = (error: unknown): error is TransportError => typeof error === 'object' && error !== null && typeof (error as TransportError).status === 'number';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One file going to the repository. `run()` starts a new upload, or continues `resumeId` from the offset the
 * server holds, and resolves with the stored file. `sent` reports the bytes the server holds plus those of the
 * chunk in flight, so that a progress bar moves within a chunk.
 */
export class ResumableUpload {
  private readonly abort = new AbortController();
  private uploadId: string | null = null;
  /** Why the abort signal fired. */
  private ending: 'cancelled' | 'stopped' = 'stopped';

  constructor(
    private readonly file: UploadSource,
    private readonly transport: UploadTransport,
    private readonly pending: PendingUploads,
    private readonly report: { sent(bytes: number): void; phase(phase: UploadPhase): void },
    private readonly options: UploadOptions = {},
  ) {}

  get id(): string | null {
    return this.uploadId;
  }

  async run(resumeId?: string): Promise<FileView> {
    this.report.phase('starting');
    let upload = resumeId ? await this.transport.status(resumeId) : await this.transport.start(this.file.name, this.file.size);
    this.uploadId = upload.id;
    if (upload.status !== 'complete') this.pending.add({ uploadId: upload.id, name: this.file.name, size: this.file.size, lastModified: this.file.lastModified });
    this.report.sent(upload.offset);
    this.report.phase('sending');
    let failures = 0;
    let badDigests = 0;
    const sizer = new ChunkSizer(upload.chunkSize);
    while (upload.status !== 'complete') {
      if (this.abort.signal.aborted) throw new UploadInterrupted(this.ending, 0, this.ending);
      const chunk = nextChunk(upload.offset, this.file.size, sizer.current);
      // The server holds every byte but has not said complete: ask again rather than loop.
      if (!chunk) {
        upload = await this.transport.status(upload.id);
        if (upload.status !== 'complete') throw new UploadInterrupted('failed', 0, 'The server holds every byte but did not complete the file');
        break;
      }
      const bytes = await this.file.slice(chunk.start, chunk.end).arrayBuffer();
      const digest = await contentDigest(bytes);
      const base = upload.offset;
      const started = performance.now();
      try {
        upload = await this.transport.send(upload.id, chunk.start, bytes, digest, (loaded) => this.report.sent(base + loaded), this.abort.signal);
        sizer.sent(chunk.end - chunk.start, (performance.now() - started) / 1000);
        failures = 0;
        badDigests = 0;
        this.report.sent(upload.offset);
      } catch (error: unknown) {
        if (this.abort.signal.aborted) throw new UploadInterrupted(this.ending, 0, this.ending);
        const status = isTransportError(error) ? error.status : 0;
        if (status === 409) {
          // Not where the server is (another tab sent it, or an answer was lost): continue from its offset.
          upload = await this.transport.status(upload.id);
          this.report.sent(upload.offset);
        } else if (status === 400 && badDigests < (this.options.digestRetries ?? 2)) {
          badDigests += 1;
        } else if ((status === 0 || status >= 500) && failures + 1 < (this.options.attempts ?? 4)) {
          sizer.failed();
          await sleep((this.options.retryDelayMs ?? 1000) * 2 ** failures);
          failures += 1;
          // The chunk may have arrived before the connection broke: ask where the server is.
          upload = await this.transport.status(upload.id).catch(() => upload);
        } else {
          this.report.phase('interrupted');
          throw new UploadInterrupted('failed', status, messageOf(error));
        }
      }
    }
    this.pending.remove(upload.id);
    this.report.sent(this.file.size);
    this.report.phase('complete');
    if (!upload.file) throw new UploadInterrupted('failed', 0, 'The server completed the upload without its file');
    return upload.file;
  }

  /** Stops sending; the server and this browser keep what was sent, for a later resume. */
  stop(): void {
    this.ending = 'stopped';
    this.abort.abort();
  }

  /** Stops sending and drops what the server holds. */
  async cancel(): Promise<void> {
    this.ending = 'cancelled';
    this.abort.abort();
    this.report.phase('cancelled');
    const id = this.uploadId;
    if (!id) return;
    this.pending.remove(id);
    await this.transport.cancel(id).catch(() => undefined);
  }
}

function messageOf(error: unknown): string {
  if (isTransportError(error)) {
    const body = error.body as { message?: unknown } | undefined;
    if (typeof body?.message === 'string') return body.message;
    return error.status === 0 ? 'The server cannot be reached.' : `HTTP ${error.status}`;
  }
  return error instanceof Error ? error.message : String(error);
}
