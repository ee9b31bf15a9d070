// npm run bench -- files [--gb 10] [--parts 200] [--concurrency 64]: the deploy file repository, against the built
// server on MariaDB, on this machine's disk:
// - upload: a generated file (random bytes, like the compressed installers packages mostly carry) sent through the
//   resumable upload API, chunk after chunk, versus `dd` writing the same file to the same disk (conv=fdatasync);
//   the server's peak RSS is sampled from /proc while it runs. The client shares this machine's cores with the
//   server; a real one hashes its chunks on its own machine, so for the target figure the chunk digests are
//   computed before the clock starts (the client still reads and sends every byte during the upload). A second,
//   smaller file is then uploaded with the client hashing each chunk during the upload, for comparison;
// - serving: the parts of that file fetched by wrk with 64 connections, from our part route and from nginx (Debian
//   package, sendfile on) serving the same repository directory, side by side; ours with its part cache (default
//   256 MiB, which holds the 200 parts) and without it (DEPLOY_PART_CACHE_BYTES=0, every part read from disk).
import { spawn, spawnSync } from 'node:child_process';
import { createCipheriv, createHash, randomBytes, webcrypto } from 'node:crypto';
import { open } from 'node:fs/promises';
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
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

/** Random-looking bytes at memory speed: AES-CTR over zeros. */
function generate(path, bytes) {
  const cipher = createCipheriv('aes-256-ctr', randomBytes(32), randomBytes(16));
  const zeros = Buffer.alloc(8 * MiB);
  const fd = openSync(path, 'w');
  for (let written = 0; written < bytes; ) {
    const n = Math.min(zeros.length, bytes - written);
    writeSync(fd, cipher.update(zeros.subarray(0, n)));
    written += n;
  }
  closeSync(fd);
}

function dd(source, target) {
  const out = spawnSync('dd', [`if=${source}`, `of=${target}`, 'bs=8M', 'conv=fdatasync'], { encoding: 'utf8' });
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

/**
 * Sends the file chunk after chunk; the next chunk is read (asynchronously) while the current one is in flight.
 * With `hashWhileSending`, the client also computes each chunk's SHA-256 then (crypto.subtle, as the web UI does);
 * otherwise the digests are computed first, outside the measured time. Returns the last answer and the seconds.
 */
async function upload(base, token, path, size, hashWhileSending) {
  const created = await api(base, 'POST', '/api/deploy/uploads', { token, body: { name: 'bench.bin', size } });
  const file = await open(path, 'r');
  const read = async (offset) => {
    const bytes = Buffer.allocUnsafe(Math.min(created.chunkSize, size - offset));
    await file.read(bytes, 0, bytes.length, offset);
    return bytes;
  };
  const sha256 = async (bytes) => Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes)).toString('base64');
  const digests = new Map();
  if (!hashWhileSending) for (let offset = 0; offset < size; offset += created.chunkSize) digests.set(offset, await sha256(await read(offset)));
  const prepare = async (offset) => {
    const bytes = await read(offset);
    return { bytes, digest: digests.get(offset) ?? (await sha256(bytes)) };
  };
  const t0 = performance.now();
  let result;
  for (let offset = 0, next = prepare(0); offset < size; ) {
    const chunk = await next;
    const sending = putChunk(base, token, created.id, offset, chunk);
    offset += chunk.bytes.length;
    next = offset < size ? prepare(offset) : null;
    result = await sending;
  }
  const seconds = (performance.now() - t0) / 1000;
  await file.close();
  return { result, seconds };
}

function sha512File(path) {
  const hash = createHash('sha512');
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(8 * MiB);
  for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) hash.update(buf.subarray(0, n));
  closeSync(fd);
  return hash.digest('hex');
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
  const size = Math.round(gb * 1024 * MiB);
  const work = mkdtempSync(join(tmpdir(), 'parc-files-bench-'));
  const source = join(work, 'source.bin');
  console.log(`generating ${gb} GiB of random bytes in ${source}…`);
  generate(source, size);

  const ddResult = dd(source, join(work, 'dd.bin'));
  const ddRate = ddResult.bytes / MiB / ddResult.seconds;
  console.log(`dd bs=8M conv=fdatasync: ${ddRate.toFixed(0)} MiB/s`);

  const server = await startServer('mariadb', { DEPLOY_MAX_FILE_BYTES: String(64 * 1024 ** 3), ...(process.env.UV_THREADPOOL_SIZE ? { UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE } : {}) });
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMiB(server.pid))), 100);
  try {
    const { accessToken: token } = await api(server.base, 'POST', '/api/auth/login', { body: { login: 'admin', password: ADMIN_PASSWORD } });
    const idleRss = rssMiB(server.pid);
    const { result: done, seconds } = await upload(server.base, token, source, size, false);
    clearInterval(sampler);
    const uploadRate = size / MiB / seconds;
    // Other bytes than the first file's, so that no part is already stored.
    const smallSize = Math.min(size, 2 * 1024 * MiB);
    const small = join(work, 'small.bin');
    generate(small, smallSize);
    const hashing = await upload(server.base, token, small, smallSize, true);
    const hashingRate = smallSize / MiB / hashing.seconds;
    console.log('verifying the SHA-512 the server computed…');
    const verified = done.status === 'complete' && done.file.sha512 === sha512File(source) && hashing.result.file?.sha512 === sha512File(small);
    printTable([
      { measure: `dd of the ${gb} GiB file to the same disk (conv=fdatasync)`, value: `${ddRate.toFixed(0)} MiB/s` },
      { measure: `resumable upload, ${done.file.partCount} parts, chunks of ${done.chunkSize / MiB} MiB`, value: `${uploadRate.toFixed(0)} MiB/s (${((uploadRate / ddRate) * 100).toFixed(0)} % of dd), ${seconds.toFixed(1)} s` },
      { measure: 'server RSS idle / peak during that upload', value: `${idleRss.toFixed(0)} / ${peakRss.toFixed(0)} MiB` },
      { measure: `the same for ${smallSize / 1024 / MiB} GiB, the client hashing its chunks on the same cores`, value: `${hashingRate.toFixed(0)} MiB/s (${((hashingRate / ddRate) * 100).toFixed(0)} % of dd)` },
      { measure: 'SHA-512 computed by the server matches the file (both uploads)', value: String(verified) },
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
