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
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** The bundle wrapped as Node wraps a CommonJS module. */
function wrap(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}

function crc32(bytes: Buffer): number | null {
  // zlib.crc32 is in Node 20.15 and later; without it no cache is read or written.
  const fn = (zlib as { crc32?: (data: Buffer) => number }).crc32;
  return typeof fn === 'function' ? fn(bytes) >>> 0 : null;
}

/** The V8 data of a cache file made from exactly these bundle bytes, or undefined. */
function cacheFor(cacheFile: string, stamp: { length: number; crc: number } | null) {
  if (!stamp) return undefined;
  let data: Buffer;
  try {
    data = readFileSync(cacheFile);
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

/** Compiles the bundle, with the code cache next to it when there is a good one. */
export function compileBundle(file: string, mode: CacheMode): Compiled {
  const bytes = readFileSync(file);
  const crc = mode === 'off' ? null : crc32(bytes);
  const stamp = crc === null ? null : { length: bytes.length, crc };
  const cachedData = mode === 'read' ? cacheFor(`${file}.cache`, stamp) : undefined;
  // An ASCII bundle (scripts/build.mjs makes it one) is read as Latin-1: V8 then holds it one
  // byte a character, without decoding it from UTF-8 (3% of a cold check's instructions).
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const script = new vm.Script(wrap(source), {
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
