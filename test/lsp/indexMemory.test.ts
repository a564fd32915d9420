// The language server's index holds summaries of closed files, not their models (issue 15): on
// a workspace of real lessons (the Carpentries corpus copied), none of them open, the live
// heap the index adds (after a full GC, the bounded caches emptied: test/support/heap-probe.ts)
// stays under a bound per MB of lesson text, once the index is built and again after the tree of
// the whole workspace was asked for (made from the summaries, which keep what the tree shows:
// nothing is kept for it). The heap per MB is the slope between a workspace of one copy of the
// corpus and one of four. Measured: 1.6 MB per MB once indexed, 1.6 after the tree; with
// summaries of links only, 1.5 and 3.3 after the tree (every closed file analysed again for it,
// its JSON kept); with the whole models kept (before the summaries) 9.6 MB per MB.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { catalogue, indexedServer } from './catalogue.js';
import { LspClient, ROOT } from './client.js';

/** MB of live heap the index may add per MB of closed lesson text: once built, and after the
 * tree of the whole workspace (which keeps nothing). */
const HEAP_PER_MB = 3;
const HEAP_PER_MB_AFTER_TREE = 3;
/** The two workspaces: the corpus copied this many times. */
const SMALL = 1;
const LARGE = 4;
const HEAP_PROBE = pathToFileURL(path.join(ROOT, 'out', 'test', 'support', 'heap-probe.js')).href;

let dir: string;
const clients: LspClient[] = [];

/** The server's live heap: it collects its garbage on SIGUSR2 and writes the bytes used. */
async function liveHeap(client: LspClient, file: string): Promise<number> {
  fs.rmSync(file, { force: true });
  client.child.kill('SIGUSR2');
  for (let i = 0; i < 300; i++) {
    await new Promise((r) => setTimeout(r, 100));
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const [bytes, state] = text.split(' ');
    assert.equal(state, 'cleared', 'the server offers its caches to the heap probe');
    return Number(bytes);
  }
  throw new Error(`no heap probe answer; ${client.stderr}`);
}

describe('language server: the index of closed files is small', { timeout: 900_000 }, () => {
  const heapFile = path.join(os.tmpdir(), `bloomline-index-heap-${process.pid}`);

  before(() => {
    // Where the servers' heap probe writes (they inherit the environment).
    process.env.BLOOMLINE_HEAP_PROBE = heapFile;
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-lsp-index-')));
  });

  after(async () => {
    // Each server ended by its PID, pass or fail (stop() kills what does not exit).
    await Promise.all(clients.map((c) => c.stop()));
    fs.rmSync(heapFile, { force: true });
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('holds summaries: the live heap grows under a bound per MB of closed files', async () => {
    // Two workspaces, so that what any index costs once (the parser's and the lexicon's code and
    // tables) cancels out: the heap per MB is the slope between them.
    const small = catalogue(dir, SMALL);
    const large = catalogue(dir, LARGE);
    const heaps: number[] = [];
    let afterTree = 0;
    for (const c of [small, large]) {
      const client = await indexedServer(c.folder, c.outlines, clients, [
        '--expose-gc',
        '--import',
        HEAP_PROBE,
      ]);
      heaps.push(await liveHeap(client, heapFile));
      if (c === large) {
        // The tree of the whole workspace, from the summaries.
        const tree = await client.request<unknown[]>('bloomline/outline', {});
        assert.equal(tree.length, c.outlines.length);
        afterTree = await liveHeap(client, heapFile);
      }
      await client.stop();
    }
    const mb = (large.bytes - small.bytes) / 1024 / 1024;
    const perMb = (heap: number) => (heap - heaps[0]!) / 1024 / 1024 / mb;
    const index = perMb(heaps[1]!);
    const treePerMb = perMb(afterTree);
    console.log(
      `# live heap: ${(heaps[0]! / 1024 / 1024).toFixed(1)} MB (${(small.bytes / 1024 / 1024).toFixed(1)} MB of lessons), ` +
        `${(heaps[1]! / 1024 / 1024).toFixed(1)} MB (${(large.bytes / 1024 / 1024).toFixed(1)} MB): ` +
        `${index.toFixed(2)} MB per MB; after the tree ${treePerMb.toFixed(2)} MB per MB`,
    );
    assert.ok(index < HEAP_PER_MB, `${index.toFixed(2)} MB of heap per MB indexed`);
    assert.ok(
      treePerMb < HEAP_PER_MB_AFTER_TREE,
      `${treePerMb.toFixed(2)} MB of heap per MB after the tree`,
    );
  });
});
