// Loads the bundled command (dist/bloomline.cjs) with V8's code cache when the build made one
// for it (dist/bloomline.cjs.cache): the compiled bytecode of the functions a `check` runs, so a
// cold start does not parse and compile them again (about 15% of a cold `check` of a small
// file; BENCHMARKS.md, "Cold start"). The cache is an artefact of `npm run build`, next to the
// bundle it was made from, never committed and never made from a user's files.
//
// A cache is used only when it was made from these very bytes (its header holds the bundle's
// length and CRC-32) and V8 accepts it (same V8 version and flags); otherwise the bundle is
// compiled from source, as without a cache. BLOOMLINE_CODE_CACHE=off ignores the cache.
import { isAscii } from 'node:buffer';
import {
  closeSync,
  fstatSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as zlib from 'node:zlib';

const MAGIC = 0x43434c42; // "BLCC", little-endian
const HEADER = 12; // magic, bundle length, bundle CRC-32: three uint32, little-endian

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
  stamp: { length: number; crc: number } | null;
}

/** The bundle is run wrapped as Node wraps a CommonJS module. */
const WRAP_HEAD = '(function (exports, require, module, __filename, __dirname) {';
const WRAP_TAIL = '\n})';

function crc32(bytes: Buffer): number | null {
  // zlib.crc32 is in Node 20.15 and later; without it no cache is read or written.
  const fn = (zlib as { crc32?: (data: Buffer) => number }).crc32;
  return typeof fn === 'function' ? fn(bytes) >>> 0 : null;
}

/** The whole of a file read into `into` from its start when it fits there, else into a new buffer. */
function readInto(file: string, into: Buffer): Buffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const target = size <= into.length ? into.subarray(0, size) : Buffer.allocUnsafe(size);
    let done = 0;
    while (done < size) {
      const n = readSync(fd, target, done, size - done, done);
      if (n === 0) break;
      done += n;
    }
    return target.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

/**
 * The V8 data of a cache file made from exactly these bundle bytes, or undefined. Read into
 * `spare` when it fits (the pages the bundle was read into, no longer needed).
 */
function cacheFor(cacheFile: string, stamp: { length: number; crc: number } | null, spare: Buffer) {
  if (!stamp) return undefined;
  let data: Buffer;
  try {
    data = readInto(cacheFile, spare);
  } catch {
    return undefined;
  }
  if (
    data.length <= HEADER ||
    data.readUInt32LE(0) !== MAGIC ||
    data.readUInt32LE(4) !== stamp.length ||
    data.readUInt32LE(8) !== stamp.crc
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
  try {
    const size = fstatSync(fd).size;
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
  const crc = mode === 'off' ? null : crc32(bytes);
  const stamp = crc === null ? null : { length, crc };
  // An ASCII bundle (scripts/build.mjs makes it one) is read as Latin-1: V8 then holds it one
  // byte a character, without decoding it from UTF-8 (3% of a cold check's instructions).
  const wrapped = buffer.subarray(0, WRAP_HEAD.length + length + WRAP_TAIL.length);
  wrapped.write(WRAP_TAIL, WRAP_HEAD.length + length, 'latin1');
  const source = isAscii(bytes) ? wrapped.toString('latin1') : wrapped.toString('utf8');
  const cachedData = mode === 'read' ? cacheFor(`${file}.cache`, stamp, buffer) : undefined;
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
