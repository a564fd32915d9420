// The cold start of `bloomline check` (issue 15; BENCHMARKS.md, "Cold start"): the command runs
// from dist/bloomline.cjs with the V8 code cache `npm run build` makes (server/src/cli/boot.ts).
// A cache is used only for the bytes it was made from, changes no output, and a broken one is
// ignored. A loose guard on the cold CPU time, relative to a bare `node`, catches the cache or
// the lazy compilation of the patterns going missing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import * as zlib from 'node:zlib';
import { RULE_IDS } from '../../server/src/core/index.js';
import { BIN, ROOT } from './helpers.js';

const hasCrc32 = typeof (zlib as { crc32?: unknown }).crc32 === 'function';
const EXAMPLE = path.join(ROOT, 'examples', 'course-outline.md');
const BUNDLE = path.join(ROOT, 'dist', 'bloomline.cjs');

function temp(t: { after(fn: () => void): void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-boot-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const BOOT = new URL('../../server/src/cli/boot.js', import.meta.url).href;

/** In a fresh process (V8 keeps what it compiled, so a second compilation in one process never
 * reads a cache): compiles a bundle as the command does, with the command's V8 flags, and says
 * whether V8 took the cache and, when `run`, what the bundle exported (or writes the cache). */
function compileInChild(file: string, mode: 'read' | 'write' | 'off', run = true) {
  const script = `
        const { compileBundle, writeCache, V8_FLAGS } = await import(${JSON.stringify(BOOT)});
    v8.setFlagsFromString(V8_FLAGS.join(' '));
    const file = ${JSON.stringify(file)};
    const compiled = compileBundle(file, ${JSON.stringify(mode)});
    let exported = null;
    if (${run}) {
      const module = { exports: {} };
      compiled.script.runInThisContext()(module.exports, null, module);
      exported = module.exports;
    }
    if (${JSON.stringify(mode)} === 'write') writeCache(file, compiled);
    process.stdout.write(JSON.stringify({ cached: compiled.cached, exported }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { cached: boolean; exported: unknown };
}

test('findings on one span are ordered by rule ID as localeCompare ordered them', () => {
  // workspace.ts sorts rule IDs by code unit, to load no collator; for the rule IDs there are,
  // that is the order localeCompare gave.
  const ordinal = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  for (const a of RULE_IDS) {
    for (const b of RULE_IDS) {
      assert.equal(ordinal(a, b), Math.sign(a.localeCompare(b)), `${a} vs ${b}`);
      assert.equal(ordinal(a, b), Math.sign(a.localeCompare(b, 'en')), `${a} vs ${b} (en)`);
    }
  }
});

test('a code cache is used for the bundle it was made from, and only for it', (t) => {
  if (!hasCrc32) return t.skip('this Node has no zlib.crc32: no code cache');
  const dir = temp(t);
  const file = path.join(dir, 'bundle.cjs');
  const source = (answer: string) =>
    `function f(x) { return x + ${answer}; }\nmodule.exports = f(0);\n`;
  fs.writeFileSync(file, source('41'));
  assert.deepEqual(compileInChild(file, 'write'), { cached: false, exported: 41 });
  assert.deepEqual(compileInChild(file, 'read'), { cached: true, exported: 41 });
  assert.deepEqual(compileInChild(file, 'off'), { cached: false, exported: 41 });

  // The same length, other bytes (a rebuild): V8 alone would take a cache of the same length.
  fs.writeFileSync(file, source('42'));
  assert.deepEqual(compileInChild(file, 'read'), { cached: false, exported: 42 });

  // A damaged cache file is not used, and the bundle runs.
  fs.writeFileSync(file, source('41'));
  const cacheFile = `${file}.cache`;
  const bytes = fs.readFileSync(cacheFile);
  fs.writeFileSync(cacheFile, bytes.subarray(0, 12));
  assert.deepEqual(compileInChild(file, 'read'), { cached: false, exported: 41 });
  fs.writeFileSync(cacheFile, Buffer.concat([bytes.subarray(0, 12), Buffer.alloc(64, 7)]));
  assert.deepEqual(compileInChild(file, 'read'), { cached: false, exported: 41 });
});

test('the built bundle has a code cache that this Node takes', (t) => {
  if (!hasCrc32) return t.skip('this Node has no zlib.crc32: no code cache');
  assert.ok(fs.existsSync(`${BUNDLE}.cache`), 'npm run build makes dist/bloomline.cjs.cache');
  assert.equal(compileInChild(BUNDLE, 'read', false).cached, true);
});

test('the output is the same with and without the code cache, and with a broken one', (t) => {
  const dir = temp(t);
  const copy = path.join(dir, 'dist');
  fs.mkdirSync(copy);
  // With package.json, where the command reads its version.
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  for (const name of ['bloomline.js', 'bloomline.cjs', 'bloomline.cjs.cache'])
    if (fs.existsSync(path.join(ROOT, 'dist', name)))
      fs.copyFileSync(path.join(ROOT, 'dist', name), path.join(copy, name));
  // A cache of another build: right length and magic, wrong bytes after the header.
  const cache = path.join(copy, 'bloomline.cjs.cache');
  if (fs.existsSync(cache)) {
    const bytes = fs.readFileSync(cache);
    bytes.fill(7, 12);
    fs.writeFileSync(cache, bytes);
  }
  const run = (entry: string, args: string[], env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [entry, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...env },
    });
    return `${r.status}\n${r.stdout}\n${r.stderr}`;
  };
  for (const format of ['stylish', 'json', 'sarif']) {
    const args = ['check', EXAMPLE, '--format', format];
    const cached = run(BIN, args);
    assert.match(cached, /^1\n/, 'the example has an error');
    assert.equal(run(BIN, args, { BLOOMLINE_CODE_CACHE: 'off' }), cached, format);
    assert.equal(run(path.join(copy, 'bloomline.js'), args), cached, `${format}, broken cache`);
  }
});

/** CPU time (user + system, ms) of a child process, from its own resourceUsage at exit. */
function cpuOf(args: string[]): number {
  const r = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\nCPU ' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });
       process.argv.splice(1, 0, ${JSON.stringify(BIN)});
       ${args.length ? `await import(${JSON.stringify(new URL(`file://${BIN}`).href)});` : ''}`,
      ...args,
    ],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  );
  const m = /\nCPU (\d+)\n/.exec(r.stderr);
  assert.ok(m, `no CPU time reported: ${r.stderr}`);
  return Number(m[1]) / 1000;
}

test('cold check of the example: CPU time within a loose multiple of a bare node', () => {
  // On this project's 2-core machine (load average 8-10), minimum of 5 interleaved runs each: a
  // bare node 55-65 ms of CPU; the cold check of the example 2.5-2.9x that, 3.7x without the
  // code cache, 4.6-4.9x before the start-up work (commit e6f6694). The guard, 4x, leaves a
  // margin for a loaded machine and fails when start-up falls back to where it was; a missing
  // cache alone is caught by the test above.
  const bare: number[] = [];
  const check: number[] = [];
  for (let i = 0; i < 5; i++) {
    bare.push(cpuOf([]));
    check.push(cpuOf(['check', EXAMPLE]));
  }
  const ratio = Math.min(...check) / Math.min(...bare);
  assert.ok(
    ratio < 4,
    `cold check ${Math.min(...check).toFixed(0)} ms of CPU, bare node ${Math.min(...bare).toFixed(0)} ms: ${ratio.toFixed(2)}x (guard: 4x)`,
  );
});
