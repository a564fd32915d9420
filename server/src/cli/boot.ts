// Loads the bundled command (dist/bloomline.cjs) with V8's code cache when the build made one
// for it (dist/bloomline.cjs.cache): the compiled bytecode of the functions a `check` runs, so a
// cold start does not parse and compile them again (about 15% of a cold `check` of a small
// file; BENCHMARKS.md, "Cold start"). The cache is an artefact of `npm run build`, next to the
// bundle it was made from, never committed and never made from a user's files.
//
// A cache is used only when it was made from these very bytes (its header holds the bundle's
// length and CRC-32) and V8 accepts it (same V8 version and flags); otherwise the bundle is
// compiled from source, as without a cache. BLOOMLINE_CODE_CACHE=off ignores the cache.
//
// The build ends the bundle with a line naming the CRC-32 of what comes before it (BUILD_ID),
// and the cache's header holds it too. When the bundle was not modified after the cache was
// written (its mtime is not later than the cache's), the two IDs are compared instead of
// computing the CRC-32 of the whole bundle, which cost 3-5 ms and node:zlib's loading (2 ms) at
// every start (BENCHMARKS.md, "Cold start, fifth round"); a bundle changed after its cache, or
// without the line, is checked byte by byte as before.
import { isAscii } from 'node:buffer';
import {
  closeSync,
  fstatSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

const MAGIC = 0x43434c42; // "BLCC", little-endian
// Magic, bundle length, bundle CRC-32, build ID: four uint32, little-endian.
const HEADER = 16;

/** The bundle's last line, as scripts/build.mjs writes it: the CRC-32 of the bytes before it,
 * eight hexadecimal digits. */
export const BUILD_ID_LINE = /\/\/# bloomline-build ([0-9a-f]{8})\n$/;
const BUILD_ID_TAIL = 40;

/** The V8 flags the command runs with, set before the bundle is compiled: part of what a code
 * cache is checked against, so the build sets them too when it makes the cache.
 * `--no-regexp-tier-up`: a regular expression is compiled to machine code on its first use,
 * not first to bytecode and again to machine code on its second; Bloomline's patterns are
 * large and mostly run a few times each in a small file (BENCHMARKS.md, "Cold start"). */
export const V8_FLAGS = ['--no-regexp-tier-up'];

export type CacheMode = 'read' | 'write' | 'off';

export interface Compiled {
  script: vm.Script;
  /** Whether V8 took the code cache (false: compiled from source). */
  cached: boolean;
  /** The bundle's length and CRC-32, for a cache written from this compilation. */
  stamp: Stamp | null;
}

/** What a cache is checked against. `crc` is computed when needed (the last resort). */
interface Stamp {
  length: number;
  crc: number;
  /** The ID of the bundle's last line (0 without one). */
  buildId: number;
}

/** The bundle is run wrapped as Node wraps a CommonJS module. */
const WRAP_HEAD = '(function (exports, require, module, __filename, __dirname) {';
const WRAP_TAIL = '\n})';

/** zlib.crc32 (Node 20.15 and later; without it no cache is read or written), node:zlib loaded
 * only when a CRC is computed. */
function crc32Function(): ((data: Buffer) => number) | null {
  const zlib = createRequire(import.meta.url)('node:zlib') as {
    crc32?: (data: Buffer) => number;
  };
  return typeof zlib.crc32 === 'function' ? zlib.crc32 : null;
}

/** The ID named by the bundle's last line, or 0. */
function buildIdOf(bytes: Buffer): number {
  const tail = bytes.toString('latin1', Math.max(0, bytes.length - BUILD_ID_TAIL));
  const m = BUILD_ID_LINE.exec(tail);
  return m ? parseInt(m[1]!, 16) >>> 0 || 0 : 0;
}

/** The whole of a file read into `into` from its start when it fits there, else into a new
 * buffer, with the file's mtime. */
function readInto(file: string, into: Buffer): { data: Buffer; mtimeMs: number } {
  const fd = openSync(file, 'r');
  try {
    const stat = fstatSync(fd);
    const size = stat.size;
    const target = size <= into.length ? into.subarray(0, size) : Buffer.allocUnsafe(size);
    let done = 0;
    while (done < size) {
      const n = readSync(fd, target, done, size - done, done);
      if (n === 0) break;
      done += n;
    }
    return { data: target.subarray(0, done), mtimeMs: stat.mtimeMs };
  } finally {
    closeSync(fd);
  }
}

/**
 * The V8 data of a cache file made from exactly these bundle bytes, or undefined. Read into
 * `spare` when it fits (the pages the bundle was read into, no longer needed, so `bytes`' CRC
 * is computed before the read when it is needed).
 */
function cacheFor(
  cacheFile: string,
  bytes: Buffer,
  bundleMtimeMs: number,
  spare: Buffer,
): Buffer | undefined {
  const buildId = buildIdOf(bytes);
  // The bundle's CRC, computed first (the cache is read over the bundle's bytes) unless the
  // build ID can stand for it: the header's is compared once the cache is read.
  let crc: number | null = null;
  let byId = false;
  if (buildId !== 0) {
    try {
      byId = statSync(cacheFile).mtimeMs >= bundleMtimeMs;
    } catch {
      return undefined;
    }
  }
  if (!byId) {
    const fn = crc32Function();
    if (!fn) return undefined;
    crc = fn(bytes) >>> 0;
  }
  let data: Buffer;
  try {
    data = readInto(cacheFile, spare).data;
  } catch {
    return undefined;
  }
  if (
    data.length <= HEADER ||
    data.readUInt32LE(0) !== MAGIC ||
    data.readUInt32LE(4) !== bytes.length ||
    (byId ? data.readUInt32LE(12) !== buildId : data.readUInt32LE(8) !== crc)
  )
    return undefined;
  return data.subarray(HEADER);
}

/**
 * Compiles the bundle, with the code cache next to it when there is a good one.
 *
 * A cold start of a small check is mostly memory touched for the first time (BENCHMARKS.md,
 * "Cold start, fourth round"), so the 2 MB bundle is copied as few times as it can be: read once
 * into a buffer that already holds the CommonJS wrapper around it, turned into one flat string
 * (V8 would otherwise copy the wrapper and the bundle joined into a third string to compile
 * them), and the cache file is then read into the same buffer.
 */
export function compileBundle(file: string, mode: CacheMode): Compiled {
  const fd = openSync(file, 'r');
  let buffer: Buffer;
  let length: number;
  let mtimeMs: number;
  try {
    const stat = fstatSync(fd);
    const size = stat.size;
    mtimeMs = stat.mtimeMs;
    buffer = Buffer.allocUnsafe(WRAP_HEAD.length + size + WRAP_TAIL.length);
    buffer.write(WRAP_HEAD, 0, 'latin1');
    length = 0;
    while (length < size) {
      const n = readSync(fd, buffer, WRAP_HEAD.length + length, size - length, null);
      if (n === 0) break;
      length += n;
    }
  } finally {
    closeSync(fd);
  }
  const bytes = buffer.subarray(WRAP_HEAD.length, WRAP_HEAD.length + length);
  let stamp: Stamp | null = null;
  if (mode === 'write') {
    const fn = crc32Function();
    if (fn) stamp = { length, crc: fn(bytes) >>> 0, buildId: buildIdOf(bytes) };
  }
  // An ASCII bundle (scripts/build.mjs makes it one) is read as Latin-1: V8 then holds it one
  // byte a character, without decoding it from UTF-8 (3% of a cold check's instructions).
  const wrapped = buffer.subarray(0, WRAP_HEAD.length + length + WRAP_TAIL.length);
  wrapped.write(WRAP_TAIL, WRAP_HEAD.length + length, 'latin1');
  const source = isAscii(bytes) ? wrapped.toString('latin1') : wrapped.toString('utf8');
  const cachedData =
    mode === 'read' ? cacheFor(`${file}.cache`, bytes, mtimeMs, buffer) : undefined;
  const script = new vm.Script(source, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  return { script, cached: cachedData !== undefined && !script.cachedDataRejected, stamp };
}

/** Writes the code cache of a compiled bundle (with what it has compiled by now), atomically. */
export function writeCache(file: string, compiled: Compiled): void {
  if (!compiled.stamp) throw new Error('no code cache: this Node has no zlib.crc32');
  const header = Buffer.alloc(HEADER);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(compiled.stamp.length, 4);
  header.writeUInt32LE(compiled.stamp.crc, 8);
  header.writeUInt32LE(compiled.stamp.buildId, 12);
  const target = `${file}.cache`;
  const temp = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, Buffer.concat([header, compiled.script.createCachedData()]));
    renameSync(temp, target);
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * Runs the bundle as the CommonJS module it is. `write` (the build) compiles it from source and,
 * when the process exits, writes the code cache of every function compiled by then.
 */
export function runBundle(file: string, mode: CacheMode): void {
  v8.setFlagsFromString(V8_FLAGS.join(' '));
  const compiled = compileBundle(file, mode);
  if (mode === 'write')
    process.on('exit', () => {
      try {
        writeCache(file, compiled);
      } catch (err) {
        process.stderr.write(`bloomline: cannot write the code cache: ${String(err)}\n`);
        process.exitCode = 2;
      }
    });
  const fn = compiled.script.runInThisContext() as (
    exports: object,
    require: NodeJS.Require,
    module: { exports: object },
    filename: string,
    dirname: string,
  ) => void;
  const module = { exports: {} };
  fn(module.exports, createRequire(file), module, file, path.dirname(file));
}

export function cacheMode(env: NodeJS.ProcessEnv): CacheMode {
  const v = env.BLOOMLINE_CODE_CACHE;
  return v === 'off' || v === 'write' ? v : 'read';
}
