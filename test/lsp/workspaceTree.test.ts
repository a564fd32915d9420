// The first tree of the whole workspace comes from the index (issue 15): the language server
// keeps closed files as summaries that hold what the tree shows (core/summary.ts, `entries`), so
// `bloomline/outline {}` on a workspace of real lessons, none of them open, analyses none of them
// again. Loose guards that still fail if the server went back to re-analysing every closed file
// for it (which cost about what indexing costs: 15-26 s on the 464-lesson catalogue at load 11),
// each a ratio to a cost measured in the same test, so that load on a shared 2-core machine moves
// both sides:
// - the server's CPU time for the request under a quarter of its CPU time for indexing (read
//   from /proc where there is one);
// - its wall time under a quarter of the wall time the test takes to analyse every file once.
// Measured at load 12 (2 copies of the corpus, 104 outlines, 1.5 MB): the tree 104 ms wall and
// 40 ms of CPU, 0.013x of indexing's CPU (3,110 ms) and 0.014x of the test's analysis; the
// server before (every closed file analysed again on the request): 1,570-1,820 ms of CPU,
// 0.48-0.60x of indexing's, and 0.57x in wall time.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { readOutlineSource, Workspace } from '../../server/src/core/index.js';
import { catalogue, cpuMsOf, indexedServer } from './catalogue.js';
import { LspClient } from './client.js';

/** The corpus copied this many times. */
const COPIES = 2;
/** The first tree's CPU time, at most, as a share of indexing's. */
const MAX_CPU_SHARE = 0.25;
/** The first tree's wall time, at most, as a share of analysing every file once (here). */
const MAX_WALL_SHARE = 0.25;

let dir: string;
const clients: LspClient[] = [];

describe('language server: the first tree of the whole workspace', { timeout: 600_000 }, () => {
  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-lsp-tree-')));
  });

  after(async () => {
    // Each server ended by its PID, pass or fail (stop() kills what does not exit).
    await Promise.all(clients.map((c) => c.stop()));
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('comes from the index, not from analysing every closed file again', async () => {
    const c = catalogue(dir, COPIES);
    const probe = await indexedServerTimed(c.folder, c.outlines);
    const { server } = probe;

    // What analysing every file once costs here, now (the work the tree would redo).
    const t0 = performance.now();
    const ws = new Workspace();
    for (const file of c.files) {
      const source = readOutlineSource(file, fs.readFileSync(file, 'utf8'));
      if (!source.problem) ws.updateClosed(file, source.text, undefined, source.view);
    }
    const analyseMs = performance.now() - t0;

    const cpu0 = cpuMsOf(server.child.pid!);
    const t1 = performance.now();
    const tree = await server.request<{ uri: string; objectives: unknown[] }[]>(
      'bloomline/outline',
      {},
    );
    const treeMs = performance.now() - t1;
    const cpu1 = cpuMsOf(server.child.pid!);
    const treeCpuMs = cpu0 === null || cpu1 === null ? null : cpu1 - cpu0;

    const load = os.loadavg()[0]!.toFixed(2);
    console.log(
      `${c.outlines.length} outlines (${(c.bytes / 1024 / 1024).toFixed(1)} MB), load ${load}: ` +
        `first tree ${treeMs.toFixed(0)} ms wall, ${treeCpuMs ?? '?'} ms CPU; ` +
        `indexing ${probe.indexMs.toFixed(0)} ms wall, ${probe.indexCpuMs ?? '?'} ms CPU; ` +
        `analysing every file here ${analyseMs.toFixed(0)} ms`,
    );
    // The whole tree: every outline, with its objectives.
    assert.equal(tree.length, c.outlines.length);
    assert.ok(tree.reduce((n, e) => n + e.objectives.length, 0) >= 2 * tree.length);
    if (treeCpuMs !== null && probe.indexCpuMs !== null)
      assert.ok(
        treeCpuMs <= MAX_CPU_SHARE * probe.indexCpuMs,
        `the first tree took ${treeCpuMs} ms of CPU, indexing ${probe.indexCpuMs} ms`,
      );
    assert.ok(
      treeMs <= MAX_WALL_SHARE * analyseMs,
      `the first tree took ${treeMs.toFixed(0)} ms, analysing every file ${analyseMs.toFixed(0)} ms`,
    );
  });
});

/** A server indexed on `folder`, with its wall and CPU time from `initialized` to every outline
 * announced. */
async function indexedServerTimed(
  folder: string,
  outlines: string[],
): Promise<{ server: LspClient; indexMs: number; indexCpuMs: number | null }> {
  let cpu0: number | null = null;
  let t0 = 0;
  const server = await indexedServer(folder, outlines, clients, [], (client) => {
    cpu0 = cpuMsOf(client.child.pid!);
    t0 = performance.now();
  });
  const indexMs = performance.now() - t0;
  const cpu1 = cpuMsOf(server.child.pid!);
  return { server, indexMs, indexCpuMs: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 };
}
