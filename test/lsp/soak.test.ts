// An editing soak over real JSON-RPC (issue "Reliability"), and a differential test against the
// command line (issue 13): thousands of random ranged didChange edits to the example outline,
// interleaved with completion, hover, code action, document symbol and bloomline/outline
// requests, some of them cancelled. The edits include what editors and authors do at the edges:
// "---" typed and removed at the top (front matter being started), CRLF, astral characters, and
// now and then a range past the end of the document (LSP: the end). After every batch of edits
// the server's diagnostics for both files must equal what `bloomline check` (the real command)
// reports on the same texts; at the end they must equal a fresh server's. It also checks that
// the server never crashes or logs an error, answers every request, and that its live heap
// grows less than 10% after warm-up.
//
// Memory: V8 grows its heap for the first 10,000 edits or so (RSS +40-65% from the 1,000th edit)
// and afterwards moves it with the load: with keystrokes, full-text resets and pauses for
// `check`, one RSS sample differed from the next by up to a third, and the RSS of 10,000
// measured edits grew 12-14% in some runs though the live heap stayed at 19-21 MB (measured with
// a GC every second). So the server runs with a heap probe (test/support/heap-probe.ts): after
// the 20,000 warm-up edits and at the end it collects its garbage and reports its live heap,
// which must grow less than 10% (its data: V8's compiled code is left out, as it moves with the
// JIT's timing; see the probe; and the server runs with --no-flush-bytecode, as V8 otherwise drops
// and remakes the bytecode of functions idle for a while, which moved the figure by up to 6%).
// RSS is printed too (after 1,000 edits, after the warm-up, at the
// end).
//
// Environment: BLOOMLINE_SOAK_SEED (default: a random seed, printed), BLOOMLINE_SOAK_EDITS
// (measured edits, default 10,000), BLOOMLINE_SOAK_WARMUP (edits before, default 20,000),
// BLOOMLINE_SOAK_CHECK_EVERY (edits per comparison with `check`, default 5,000),
// BLOOMLINE_SOAK_RESET_EVERY (edits before the text is put back whole, default 5,000).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Position, PublishDiagnosticsParams } from 'vscode-languageserver';
import { CancellationTokenSource } from 'vscode-languageserver/node.js';
import { checkKeys, diagnosticKeys, fileUri, LspClient, ROOT } from './client.js';
import { mulberry32 } from '../support/random.js';

const EDITS = Number(process.env.BLOOMLINE_SOAK_EDITS ?? 10_000);
const SEED = Number(process.env.BLOOMLINE_SOAK_SEED ?? Math.floor(Math.random() * 2 ** 32)) >>> 0;
/** Edits before the first memory sample, for V8's heap to reach its working size. */
const WARMUP = Number(process.env.BLOOMLINE_SOAK_WARMUP ?? 20_000);
/** Edits between two comparisons with `bloomline check`. */
const CHECK_EVERY = Number(process.env.BLOOMLINE_SOAK_CHECK_EVERY ?? 5_000);
/** Random edits wear the outline down to plain text; this often it is put back whole (a full
 * text change, as when a file is reverted), so that comparisons see outlines with findings. */
const RESET_EVERY = Number(process.env.BLOOMLINE_SOAK_RESET_EVERY ?? 5_000);
/** Edits after a reset at which the texts are compared with `check` too. */
const CHECK_AFTER_RESET = [10, 40, 160, RESET_EVERY - 1];
/** All edits sent. */
const TOTAL = WARMUP + EDITS;
/** A round of requests every this many edits (on average). */
const ROUND = 20;
/** Requests in flight before the test waits for the oldest (keeps the pipe from ballooning). */
const MAX_IN_FLIGHT = 64;
const REQUEST_DEADLINE_MS = 30_000;
const REQUEST_CANCELLED = -32800;
/** Where the server's heap probe (test/support/heap-probe.ts) writes. */
const HEAP_FILE = path.join(os.tmpdir(), `bloomline-soak-heap-${process.pid}`);
const HEAP_PROBE = pathToFileURL(path.join(ROOT, 'out', 'test', 'support', 'heap-probe.js')).href;

const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples', 'course-outline.md'), 'utf8');
const FOLLOW_UP = `# Module 4: Follow-up

## Learning objectives

Participants will be able to:

- **LO4.1:** Explain the VPN checklist to a new colleague without notes, in under 3 minutes.

## Success measures

- VPN tickets fall from 40 to 20 a month within 90 days (LO1.1, LO4.1).
- Phishing reports reach the Security team within 10 minutes in 90% of cases by 2028 (LO2.3).
- Password resets drop by 10% within a quarter (LO1.3).
`;

const SNIPPETS = [
  'configure ',
  'the ',
  'VPN ',
  'within 90 days',
  'by Q2 2027 ',
  'with at least 90% accuracy',
  'Understand',
  'Know ',
  '\n',
  '\n',
  '\r\n',
  '\n\n',
  '- Understand how to ',
  '- **LO9.9:** ',
  '- Outcome: ',
  '  - Outcome: tickets fall from 10 to 5 ',
  '(LO1.1)',
  '(LO1.2, LO2.1)',
  '(supports LO2.5)',
  'LO1.',
  '## Module',
  '## Module 9: Extra\n',
  '### Learning objectives\n',
  '### Success measures\n',
  '```',
  '```\n',
  '**',
  '🎓',
  '👩🏽‍💻',
  'é',
  '\t',
  '| a | b |\n',
  '---\n',
  'able to ',
];

/** What a keystroke types. */
const KEYS = [...'etaoinshrdlu', ' ', ' ', '.', ',', '\n', '-', '#', '😀'];

/** The text the test keeps in step with the server's, with LSP (UTF-16, \r\n|\r|\n) positions. */
class LocalDoc {
  private starts: number[] = [0];
  constructor(public text: string) {
    this.index();
  }
  private index(): void {
    this.starts = [0];
    const eol = /\r\n|\r|\n/g;
    for (let m = eol.exec(this.text); m; m = eol.exec(this.text))
      this.starts.push(m.index + m[0].length);
  }
  /** An LSP position's offset: a character past the end of its line is the line's end, a line
   * past the last the end of the text (what the server must do, LSP 3.17). */
  offsetAt(p: Position): number {
    if (p.line < 0) return 0;
    if (p.line >= this.starts.length) return this.text.length;
    const start = this.starts[p.line]!;
    let end = p.line + 1 < this.starts.length ? this.starts[p.line + 1]! : this.text.length;
    // Before the line break (CRLF, LF or CR).
    if (end > start && this.text[end - 1] === '\n') end--;
    if (end > start && this.text[end - 1] === '\r') end--;
    return Math.min(start + Math.max(0, p.character), end);
  }
  get lineCount(): number {
    return this.starts.length;
  }
  positionAt(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo]! };
  }
  /** The nearest offset at or before `offset` that splits neither a CRLF nor a surrogate pair. */
  snap(offset: number): number {
    const t = this.text;
    let o = Math.max(0, Math.min(offset, t.length));
    if (o > 0 && o < t.length) {
      const prev = t.charCodeAt(o - 1);
      const next = t.charCodeAt(o);
      if (prev === 13 && next === 10) o--;
      else if (prev >= 0xd800 && prev <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) o--;
    }
    return o;
  }
  replace(start: number, end: number, newText: string): void {
    this.text = this.text.slice(0, start) + newText + this.text.slice(end);
    this.index();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function rssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  assert.ok(m, 'VmRSS in /proc/<pid>/status');
  return Number(m[1]);
}

/** The minimum of a few RSS samples 200 ms apart: the least GC noise. */
/** The server's live heap after its bounded caches are emptied and a full GC (bytes), from
 * the heap probe it was started with. */
async function liveHeap(pid: number): Promise<number> {
  fs.rmSync(HEAP_FILE, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let waited = 0; waited < 10_000; waited += 50) {
    await sleep(50);
    if (fs.existsSync(HEAP_FILE)) {
      const [bytes, caches] = fs.readFileSync(HEAP_FILE, 'utf8').split(' ');
      if (caches === undefined) continue; // Still being written.
      assert.equal(caches, 'cleared', "the server installs the heap probe's cache hook");
      if (Number(bytes) > 0) return Number(bytes);
    }
  }
  throw new Error('the heap probe did not answer');
}

async function minRssKb(pid: number, samples = 5, gap = 200): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < samples; i++) {
    if (i) await sleep(gap);
    min = Math.min(min, rssKb(pid));
  }
  return min;
}

function withDeadline<T>(p: Promise<T>, what: string, ms = REQUEST_DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]);
}

/** "min / median / max" of a list of counts. */
function quantiles(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? `min ${s[0]}, median ${s[s.length >> 1]}, max ${s[s.length - 1]}` : 'none';
}

const sortDiagnostics = (ds: Diagnostic[]) =>
  ds.map((d) => JSON.stringify(d)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Fails on anything that says the server had a problem: a crash, stderr, an error it logged. */
class Watch {
  readonly problems: string[] = [];
  constructor(readonly client: LspClient) {
    client.connection.onError(([err]) => this.problems.push(`connection error: ${String(err)}`));
    client.connection.onClose(() => this.problems.push('connection closed'));
    client.child.on('exit', (code, signal) =>
      this.problems.push(`server exited (code ${code}, signal ${signal})`),
    );
  }
  check(): void {
    const logged = this.client.received
      .filter((n) => n.method === 'window/logMessage' || n.method === 'window/showMessage')
      .map((n) => n.params as { type: number; message: string })
      .filter((p) => p.type === 1 || /bloomline:|unhandled|uncaught/i.test(p.message))
      .map((p) => `server logged: ${p.message}`);
    const stderr = this.client.stderr.trim() ? [`stderr: ${this.client.stderr}`] : [];
    assert.deepEqual([...this.problems, ...logged, ...stderr], []);
  }
}

let dir: string;
let soak: LspClient | undefined;
let fresh: LspClient | undefined;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

async function startServer(): Promise<LspClient> {
  process.env.BLOOMLINE_HEAP_PROBE = HEAP_FILE;
  const client = new LspClient(['--expose-gc', '--no-flush-bytecode', '--import', HEAP_PROBE]);
  await client.request('initialize', {
    processId: process.pid,
    rootUri: fileUri(dir),
    workspaceFolders: [{ uri: fileUri(dir), name: 'soak' }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
      },
    },
  });
  // The workspace scan reports each outline on disk once; after that, cross-file rules run.
  const indexed = Promise.all(
    ['course.md', 'follow-up.md'].map((name) =>
      client.next<{ uri: string }>(
        'bloomline/outlineChanged',
        (n) => n.uri === fileUri(dir, name),
        20_000,
      ),
    ),
  );
  await client.notify('initialized', {});
  await indexed;
  return client;
}

async function open(client: LspClient, name: string, text: string): Promise<string> {
  const uri = fileUri(dir, name);
  await client.notify('textDocument/didOpen', {
    textDocument: { uri, languageId: 'markdown', version: 1, text },
  });
  return uri;
}

/** The settled diagnostics of both files: after `uri` reached `version`, one round trip more. */
async function settled(
  client: LspClient,
  uri: string,
  version: number,
  other: string,
): Promise<[PublishDiagnosticsParams, PublishDiagnosticsParams]> {
  await client.diagnostics(uri, (p) => p.version === version, 30_000);
  await client.request('textDocument/documentSymbol', { textDocument: { uri: other } });
  return [client.latestDiagnostics(uri)!, client.latestDiagnostics(other)!];
}

describe(
  'language server editing soak over stdio',
  { timeout: Math.max(300_000, TOTAL * 20) },
  () => {
    before(() => {
      process.on('unhandledRejection', onUnhandled);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-soak-'));
      fs.writeFileSync(path.join(dir, 'course.md'), EXAMPLE);
      fs.writeFileSync(path.join(dir, 'follow-up.md'), FOLLOW_UP);
    });

    after(async () => {
      process.off('unhandledRejection', onUnhandled);
      for (const c of [soak, fresh]) {
        c?.kill();
        c?.connection.dispose();
      }
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it(`survives ${WARMUP} + ${EDITS} random incremental edits with requests, says what check says after every ${CHECK_EVERY}, and ends where a fresh server does`, async () => {
      console.log(
        `soak: seed ${SEED}, ${WARMUP} warm-up + ${EDITS} measured edits (replay: BLOOMLINE_SOAK_SEED=${SEED} BLOOMLINE_SOAK_WARMUP=${WARMUP} BLOOMLINE_SOAK_EDITS=${EDITS} node --test out/test/lsp/soak.test.js)`,
      );
      const rand = mulberry32(SEED);
      const int = (n: number) => Math.floor(rand() * n);
      const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;

      const started = Date.now();
      soak = await startServer();
      const watch = new Watch(soak);
      const client = soak;
      const pid = client.child.pid!;
      const course = await open(client, 'course.md', EXAMPLE);
      const followUp = await open(client, 'follow-up.md', FOLLOW_UP);
      await client.diagnostics(course, (p) => p.version === 1, 20_000);

      const doc = new LocalDoc(EXAMPLE);
      let version = 1;
      let requests = 0;
      let cancelled = 0;
      let answeredCancelled = 0;
      const inFlight: Promise<void>[] = [];

      const randomOffset = () => doc.snap(int(doc.text.length + 1));
      const randomEdit = () => {
        const len = doc.text.length;
        // Keep the text near its original size: more deletions when it grew, fewer when it shrank.
        const bias = len > EXAMPLE.length * 1.5 ? 0.25 : len < EXAMPLE.length * 0.5 ? -0.25 : 0;
        const start = randomOffset();
        let end = start;
        let newText = '';
        // Half the edits are keystrokes: a letter typed or one character deleted.
        if (rand() < 0.5) {
          if (rand() < 0.6 - bias) newText = pick(KEYS);
          else end = doc.snap(Math.min(len, start + 1));
          if (end < start) end = start;
          return { start, end, newText };
        }
        const r = rand();
        if (r < 0.45 - bias) {
          newText = pick(SNIPPETS);
        } else {
          end = doc.snap(Math.min(len, start + 1 + int(r < 0.75 ? 12 : 40)));
          if (end < start) end = start;
          if (rand() < 0.5) newText = pick(SNIPPETS);
        }
        return { start, end, newText };
      };

      /** Sends one request; cancels some; counts it answered with a result or RequestCancelled. */
      const request = (method: string, params: unknown) => {
        requests++;
        const source = new CancellationTokenSource();
        const pending = client.connection.sendRequest(method, params, source.token);
        const roll = rand();
        if (roll < 0.15) {
          cancelled++;
          source.cancel();
        } else if (roll < 0.25) {
          cancelled++;
          setImmediate(() => source.cancel());
        }
        const answered = pending.then(
          () => undefined,
          (error: { code?: number; message?: string }) => {
            if (error?.code === REQUEST_CANCELLED) {
              answeredCancelled++;
              return;
            }
            throw new Error(`${method} failed: ${error?.code} ${error?.message}`);
          },
        );
        inFlight.push(withDeadline(answered, method).finally(() => source.dispose()));
      };

      const requestRound = () => {
        const textDocument = { uri: course };
        const at = () => doc.positionAt(randomOffset());
        const kinds = [
          () => request('textDocument/completion', { textDocument, position: at() }),
          () => request('textDocument/hover', { textDocument, position: at() }),
          () => {
            const [a, b] = [randomOffset(), randomOffset()].sort((x, y) => x - y);
            // The editor sends the diagnostics it shows, which may be a version behind.
            const shown = (client.latestDiagnostics(course)?.diagnostics ?? []).slice(0, 3);
            request('textDocument/codeAction', {
              textDocument,
              range: { start: doc.positionAt(a!), end: doc.positionAt(b!) },
              context: { diagnostics: shown },
            });
          },
          () => request('textDocument/documentSymbol', { textDocument }),
          () => request('bloomline/outline', { uri: course }),
        ];
        // Usually one or two requests, sometimes all five.
        const n = rand() < 0.2 ? kinds.length : 1 + int(2);
        for (let i = 0; i < n; i++) pick(kinds)();
      };

      const drain = async (keep: number) => {
        while (inFlight.length > keep) await inFlight.shift();
      };

      /** Now and then an edit at the edges: "---" typed or removed at the top (an author starting
       * front matter), or a range past the end of a line or of the document. */
      const edgeEdit = (): {
        range: { start: Position; end: Position };
        newText: string;
      } | null => {
        const r = rand();
        if (r < 0.01) {
          const at = { line: 0, character: 0 };
          if (doc.text.startsWith('---\n'))
            return { range: { start: at, end: { line: 1, character: 0 } }, newText: '' };
          return { range: { start: at, end: at }, newText: pick(['---\n', '---\r\n', '---']) };
        }
        if (r < 0.02) {
          const last = doc.lineCount - 1;
          const past = (): Position =>
            rand() < 0.5
              ? { line: last + 1 + int(5), character: int(20) }
              : { line: int(doc.lineCount), character: 200 + int(1000) };
          const a = past();
          const b = rand() < 0.5 ? a : past();
          return { range: { start: a, end: b }, newText: pick(SNIPPETS) };
        }
        return null;
      };

      let checks = 0;

      const findingCounts: number[] = [];
      /** The server's diagnostics for both files equal `bloomline check`'s on the same texts. */
      const sameAsCheck = async (at: number) => {
        await drain(0);
        const [c, f] = await settled(client, course, version, followUp);
        const expected = checkKeys({ 'course.md': doc.text, 'follow-up.md': FOLLOW_UP });
        checks++;
        findingCounts.push(c.diagnostics.length + f.diagnostics.length);

        const got = {
          'course.md': diagnosticKeys(c.diagnostics),
          'follow-up.md': diagnosticKeys(f.diagnostics),
        };
        if (JSON.stringify(got) !== JSON.stringify(expected)) {
          const saved = path.join(os.tmpdir(), `bloomline-soak-${SEED}-${at}.md`);
          fs.writeFileSync(saved, doc.text);
          assert.deepEqual(
            got,
            expected,
            `after ${at} edits (seed ${SEED}) the server and check disagree; the text is in ${saved}`,
          );
        }
      };

      let rssAfterWarmup = 0;
      let heapAfterWarmup = 0;
      let rssAt1000 = 0;
      let warmupAt = 0;
      for (let i = 1; i <= TOTAL; i++) {
        let range: { start: Position; end: Position } | undefined;
        let newText: string;
        const edge = edgeEdit();
        // Resets fall half-way between the memory samples (taken at multiples of 5,000 edits),
        // so that both samples see the server the same number of edits after one.
        const sinceReset = (i + (RESET_EVERY >> 1)) % RESET_EVERY;
        if (sinceReset === 0) {
          range = undefined;
          newText = EXAMPLE;
          doc.replace(0, doc.text.length, newText);
        } else if (edge) {
          ({ range, newText } = edge);
          const a = doc.offsetAt(range.start);
          const b = doc.offsetAt(range.end);
          doc.replace(Math.min(a, b), Math.max(a, b), newText);
        } else {
          const e = randomEdit();
          range = { start: doc.positionAt(e.start), end: doc.positionAt(e.end) };
          newText = e.newText;
          doc.replace(e.start, e.end, newText);
        }
        version++;
        await client.notify('textDocument/didChange', {
          textDocument: { uri: course, version },
          contentChanges: [range ? { range, text: newText } : { text: newText }],
        });
        // Also at a few distances from the last reset: an outline still whole, half worn, worn.
        if (i % CHECK_EVERY === 0 || CHECK_AFTER_RESET.includes(sinceReset)) await sameAsCheck(i);
        if (int(ROUND) === 0) requestRound();
        await drain(MAX_IN_FLIGHT);
        if (process.env.BLOOMLINE_SOAK_TRACE && i % 2000 === 0)
          console.log(`soak: ${i} edits, RSS ${(rssKb(pid) / 1024).toFixed(1)} MB`);
        if (i === Math.min(1_000, WARMUP)) rssAt1000 = await minRssKb(pid);

        if (i === WARMUP) {
          await drain(0);
          await client.diagnostics(course, (p) => p.version === version, 30_000);
          rssAfterWarmup = await minRssKb(pid);
          heapAfterWarmup = await liveHeap(pid);
          warmupAt = Date.now();
        }
      }
      await sameAsCheck(TOTAL);
      const [finalCourse, finalFollowUp] = await settled(client, course, version, followUp);
      const rssAtEnd = await minRssKb(pid);
      const heapAtEnd = await liveHeap(pid);
      const editSeconds = (Date.now() - started) / 1000;
      const growth = (heapAtEnd - heapAfterWarmup) / heapAfterWarmup;
      console.log(
        `soak: ${TOTAL} edits, ${checks} comparisons with check, all equal (findings in both files: ${quantiles(findingCounts)}), ${requests} requests (${cancelled} cancelled, ${answeredCancelled} answered RequestCancelled) in ${editSeconds.toFixed(1)} s; ` +
          `final text ${doc.text.length} chars, ${finalCourse.diagnostics.length} diagnostics; ` +
          `RSS ${(rssAt1000 / 1024).toFixed(1)} MB after 1000 edits, ${(rssAfterWarmup / 1024).toFixed(1)} MB after ${WARMUP} -> ${(rssAtEnd / 1024).toFixed(1)} MB at the end (live heap after a full GC ${(heapAfterWarmup / 1e6).toFixed(1)} -> ${(heapAtEnd / 1e6).toFixed(1)} MB, ${(growth * 100).toFixed(1)}%; ${((Date.now() - warmupAt) / 1000).toFixed(1)} s apart)`,
      );
      watch.check();
      assert.deepEqual(unhandled, [], 'no unhandled rejection in the test process');

      // A fresh server on the final text (the follow-up file unchanged) must say the same.
      fresh = await startServer();
      const freshWatch = new Watch(fresh);
      await open(fresh, 'follow-up.md', FOLLOW_UP);
      await open(fresh, 'course.md', doc.text);
      const [freshCourse, freshFollowUp] = await settled(fresh, course, 1, followUp);
      assert.deepEqual(
        sortDiagnostics(finalCourse.diagnostics),
        sortDiagnostics(freshCourse.diagnostics),
      );
      assert.deepEqual(
        sortDiagnostics(finalFollowUp.diagnostics),
        sortDiagnostics(freshFollowUp.diagnostics),
      );
      // The outline too: it is built from the server's copy of the text, so this also checks
      // that both copies of the text agree.
      const outline = (c: LspClient) => c.request('bloomline/outline', { uri: course });
      assert.deepEqual(await outline(client), await outline(fresh));
      freshWatch.check();
      watch.check();

      assert.ok(
        growth < 0.1,
        `the live heap grew ${(growth * 100).toFixed(1)}% (${heapAfterWarmup} -> ${heapAtEnd} bytes)`,
      );
    });
  },
);
