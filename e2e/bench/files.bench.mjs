// npm run bench -- files [--gb 10] [--parts 200] [--concurrency 64] [--idle 0]: the deploy file repository, against
// the built server on MariaDB, on this machine's disk:
// - upload: a generated file (random bytes, like the compressed installers packages mostly carry) sent through the
//   resumable upload API, chunk after chunk, versus `dd` writing as many bytes to the same disk (conv=fdatasync);
//   the server's peak RSS is sampled from /proc while it runs. Neither side reads a source file: dd reads /dev/zero
//   and the client makes its bytes in memory (a random pattern with every MiB stamped with its index, so that no two
//   parts are alike and none compresses). A 10 GiB source file could not stay in this machine's page cache (its
//   memory cgroup holds 8 GiB), and rereading it from disk would measure the client's disk, not the server. The
//   client shares this machine's cores with the server; a real one hashes its chunks on its own machine, so for the
//   target figure the chunk digests are computed before the clock starts. A second, smaller file is then uploaded
//   with the client hashing each chunk during the upload, for comparison. `--idle S` lets the server idle S more
//   seconds before the first upload (the digests computed first already idle it about 3.5 s per GiB): V8 shrinks
//   an idle process's heap, which used to slow the next upload down by a third (docs/deploy.md, memory and speed);
// - serving: the parts of that file fetched by wrk with 64 connections, from our part route and from nginx (Debian
//   package, sendfile on) serving the same repository directory, side by side; ours with its part cache (default
//   256 MiB, which holds the 200 parts) and without it (DEPLOY_PART_CACHE_BYTES=0, every part read from disk).
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes, webcrypto } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_PASSWORD, api, printTable, queryDb, startServer } from './lib.mjs';

const MiB = 1024 * 1024;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);

function option(args, name, fallback) {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
}

const PATTERN_BYTES = 64 * MiB;

/**
 * A generated file, made in memory: a random pattern repeated, every MiB stamped with the file's seed and the MiB's
 * index, so that each 1 MiB part differs from all others. Chunks are views of two copies of the pattern, used in
 * turn, in which only the stamps are written: making a chunk costs no copy, so that the client spends its CPU on
 * sending. A chunk stays valid until the one after next is made.
 */
class GeneratedFile {
  constructor(size, seed) {
    this.size = size;
    this.seed = seed;
    const pattern = randomBytes(PATTERN_BYTES);
    this.copies = [pattern, Buffer.from(pattern)];
  }

  /** The bytes at `offset`, `length` of them at most; both multiples of 1 MiB that divide the pattern's size. */
  read(offset, length) {
    if (offset % MiB || PATTERN_BYTES % length) throw new Error(`chunks of ${length} bytes at ${offset} do not fit the pattern`);
    const from = offset % PATTERN_BYTES;
    const bytes = this.copies[Math.floor(offset / PATTERN_BYTES) % 2].subarray(from, from + Math.min(length, this.size - offset));
    for (let mib = 0; mib * MiB < bytes.length; mib++) {
      const stamp = bytes.subarray(mib * MiB, mib * MiB + 16);
      stamp.fill(0);
      stamp.write(`${this.seed}:${offset / MiB + mib}`, 'latin1');
    }
    return bytes;
  }
}

/** dd writing `bytes` read from /dev/zero to the disk of `target`, synced at the end. */
function dd(target, bytes) {
  const out = spawnSync('dd', ['if=/dev/zero', `of=${target}`, 'bs=8M', `count=${bytes}`, 'iflag=count_bytes', 'conv=fdatasync'], { encoding: 'utf8' });
  rmSync(target, { force: true });
  const m = /(\d+) bytes .* copied, ([\d.]+) s/.exec(out.stderr);
  if (!m) throw new Error(`dd failed: ${out.stderr}`);
  return { bytes: Number(m[1]), seconds: Number(m[2]) };
}

function rssMiB(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

function putChunk(base, token, uploadId, offset, { bytes, digest }) {
  const url = new URL(`${base}/api/deploy/uploads/${uploadId}/chunks/${offset}`);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'content-length': bytes.length, 'content-digest': `sha-256=:${digest}:` } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(`chunk at ${offset} → ${res.statusCode} ${text}`))));
    });
    req.on('error', reject);
    req.end(bytes);
  });
}

/** CPU seconds (user, system) a process has used, from /proc. */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return [Number(fields[11]) / 100, Number(fields[12]) / 100];
}

/** Each GiB: the time so far, and the CPU the server and the client have used since the process started. */
function progress(offset, t0, serverPid) {
  const [user, system] = cpuSeconds(serverPid);
  const client = process.cpuUsage();
  console.log(`  ${offset / 1024 / MiB} GiB sent in ${((performance.now() - t0) / 1000).toFixed(1)} s; CPU used so far (user + system): server ${user.toFixed(1)} + ${system.toFixed(1)} s, client ${(client.user / 1e6).toFixed(1)} + ${(client.system / 1e6).toFixed(1)} s`);
}

const sha256 = async (bytes) => Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes)).toString('base64');

/**
 * Sends the file chunk after chunk; the next chunk is made while the current one is in flight. With
 * `hashWhileSending`, the client computes each chunk's SHA-256 then (crypto.subtle, as the web UI does); otherwise
 * the digests are computed first, outside the measured time. Returns the last answer, the seconds and the file's
 * SHA-512 (computed apart, outside the measured time).
 */
async function upload(base, token, file, hashWhileSending, serverPid) {
  const created = await api(base, 'POST', '/api/deploy/uploads', { token, body: { name: `bench-${file.seed}.bin`, size: file.size } });
  const digests = new Map();
  const whole = createHash('sha512');
  for (let offset = 0; offset < file.size; offset += created.chunkSize) {
    const bytes = file.read(offset, created.chunkSize);
    whole.update(bytes);
    if (!hashWhileSending) digests.set(offset, await sha256(bytes));
  }
  const prepare = async (offset) => {
    const bytes = file.read(offset, created.chunkSize);
    return { bytes, digest: digests.get(offset) ?? (await sha256(bytes)) };
  };
  const t0 = performance.now();
  let result;
  for (let offset = 0, next = prepare(0); offset < file.size; ) {
    const chunk = await next;
    const sending = putChunk(base, token, created.id, offset, chunk);
    offset += chunk.bytes.length;
    next = offset < file.size ? prepare(offset) : null;
    result = await sending;
    if (offset % (1024 * MiB) === 0) progress(offset, t0, serverPid);
  }
  const seconds = (performance.now() - t0) / 1000;
  return { result, seconds, sha512: whole.digest('hex') };
}

function wrkParts(base, pathsFile, prefix, concurrency) {
  const out = spawnSync('wrk', ['-t2', `-c${concurrency}`, `-d${SECONDS}s`, '-s', fileURLToPath(new URL('./parts.lua', import.meta.url)), base, '--', pathsFile, prefix], { encoding: 'utf8' });
  const line = out.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`wrk failed: ${out.stderr || out.stdout}`);
  const r = JSON.parse(line.slice(7));
  const seconds = r.duration_us / 1e6;
  return { rps: r.requests / seconds, mbps: r.bytes / MiB / seconds, p50: r.p50_us / 1000, p99: r.p99_us / 1000, errors: r.errors + r.non2xx };
}

async function startNginx(root) {
  const prefix = mkdtempSync(join(tmpdir(), 'parc-nginx-'));
  const port = 41000 + Math.floor(Math.random() * 10000);
  writeFileSync(
    join(prefix, 'nginx.conf'),
    // As root, nginx's workers would switch to nobody, who cannot read the private temporary data directory.
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes auto;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path ${prefix}/body; proxy_temp_path ${prefix}/proxy; fastcgi_temp_path ${prefix}/fastcgi; uwsgi_temp_path ${prefix}/uwsgi; scgi_temp_path ${prefix}/scgi;
  server { listen 127.0.0.1:${port}; root ${root}; }
}
`,
  );
  const child = spawn('nginx', ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'inherit' });
  await new Promise((r) => setTimeout(r, 500));
  return { base: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

export async function run(args) {
  const gb = option(args, '--gb', 10);
  const partCount = option(args, '--parts', 200);
  const concurrency = option(args, '--concurrency', 64);
  const idleSeconds = option(args, '--idle', 0);
  const size = Math.round(gb * 1024 * MiB);
  const work = mkdtempSync(join(tmpdir(), 'parc-files-bench-'));
  const ddResult = dd(join(work, 'dd.bin'), size);
  const ddRate = ddResult.bytes / MiB / ddResult.seconds;
  console.log(`dd if=/dev/zero bs=8M conv=fdatasync, ${gb} GiB: ${ddRate.toFixed(0)} MiB/s`);

  const server = await startServer('mariadb', { DEPLOY_MAX_FILE_BYTES: String(64 * 1024 ** 3), ...(process.env.UV_THREADPOOL_SIZE ? { UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE } : {}) });
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMiB(server.pid))), 100);
  try {
    const { accessToken: token } = await api(server.base, 'POST', '/api/auth/login', { body: { login: 'admin', password: ADMIN_PASSWORD } });
    const idleRss = rssMiB(server.pid);
    if (idleSeconds) await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
    const { result: done, seconds, sha512 } = await upload(server.base, token, new GeneratedFile(size, 'a'), false, server.pid);
    clearInterval(sampler);
    const uploadRate = size / MiB / seconds;
    // Other bytes than the first file's, so that no part is already stored.
    const smallSize = Math.min(size, 2 * 1024 * MiB);
    const hashing = await upload(server.base, token, new GeneratedFile(smallSize, 'b'), true, server.pid);
    const hashingRate = smallSize / MiB / hashing.seconds;
    const verified = done.status === 'complete' && done.file.sha512 === sha512 && hashing.result.file?.sha512 === hashing.sha512;
    printTable([
      { measure: `dd of ${gb} GiB from /dev/zero to the same disk (conv=fdatasync)`, value: `${ddRate.toFixed(0)} MiB/s` },
      { measure: `resumable upload, ${done.file.partCount} parts, chunks of ${done.chunkSize / MiB} MiB`, value: `${uploadRate.toFixed(0)} MiB/s (${((uploadRate / ddRate) * 100).toFixed(0)} % of dd), ${seconds.toFixed(1)} s` },
      { measure: 'server RSS idle / peak during that upload', value: `${idleRss.toFixed(0)} / ${peakRss.toFixed(0)} MiB` },
      { measure: `the same for ${smallSize / 1024 / MiB} GiB, the client hashing its chunks on the same cores`, value: `${hashingRate.toFixed(0)} MiB/s (${((hashingRate / ddRate) * 100).toFixed(0)} % of dd)` },
      { measure: 'SHA-512 computed by the server matches the bytes sent (both uploads)', value: String(verified) },
    ]);

    if (process.env.BENCH_UPLOAD_ONLY) return;
    const dataDir = join(server.dataDir, 'deploy', 'repository');
    const parts = (await queryDb(server.databaseUrl, `SELECT p.sha512 FROM deploy_file_parts p JOIN deploy_files f ON f.id = p.file_id WHERE f.sha512 = '${done.file.sha512}' ORDER BY p.seq LIMIT ${partCount}`)).map((r) => r.sha512);
    const pathsFile = join(work, 'paths.txt');
    writeFileSync(pathsFile, parts.map((p) => `/${p[0]}/${p.slice(0, 2)}/${p}`).join('\n') + '\n');
    const nginx = await startNginx(dataDir);
    const uncached = await startServer('mariadb', { DATABASE_URL: server.databaseUrl, DATA_DIR: server.dataDir, DEPLOY_PART_CACHE_BYTES: '0' });
    // nginx runs a worker per core; the same for us: API_PROCESSES=2 (one per core of this machine).
    const clustered = await startServer('mariadb', { DATABASE_URL: server.databaseUrl, DATA_DIR: server.dataDir, API_PROCESSES: '2' });
    try {
      const sizeOnDisk = parts.reduce((s, p) => s + statSync(join(dataDir, p[0], p.slice(0, 2), p)).size, 0);
      console.log(`serving ${parts.length} parts (${(sizeOnDisk / MiB).toFixed(0)} MiB) with ${concurrency} connections, ${SECONDS} s each…`);
      const theirs = wrkParts(nginx.base, pathsFile, '', concurrency);
      const ours = wrkParts(server.base, pathsFile, '/deploy/repository', concurrency);
      const fromDisk = wrkParts(uncached.base, pathsFile, '/deploy/repository', concurrency);
      const theirs2 = wrkParts(nginx.base, pathsFile, '', concurrency);
      const ours2 = wrkParts(server.base, pathsFile, '/deploy/repository', concurrency);
      const both = wrkParts(clustered.base, pathsFile, '/deploy/repository', concurrency);
      const row = (name, r) => ({ server: name, 'parts/s': r.rps.toFixed(0), 'MiB/s': r.mbps.toFixed(0), 'p50 ms': r.p50.toFixed(1), 'p99 ms': r.p99.toFixed(1), errors: r.errors });
      printTable([row('nginx 1.22 (sendfile), run 1', theirs), row('Parc (part cache), run 1', ours), row('Parc without part cache', fromDisk), row('nginx 1.22 (sendfile), run 2', theirs2), row('Parc (part cache), run 2', ours2), row('Parc, API_PROCESSES=2', both)]);
      const ratio = (a, b) => `${((a.rps / b.rps) * 100).toFixed(0)} %`;
      console.log(`Parc serves parts at ${ratio(ours, theirs)} and ${ratio(ours2, theirs2)} of nginx's rate with one process (${ratio(fromDisk, theirs)} without its part cache), ${ratio(both, theirs2)} with two`);
    } finally {
      nginx.stop();
      await uncached.stop();
      await clustered.stop();
    }
  } finally {
    clearInterval(sampler);
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
