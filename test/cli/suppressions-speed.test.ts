// Suppressions cost next to nothing: `check` over a 500-file corpus whose every finding is
// recorded in bloomline-suppressions.json takes at most 1.1 times as long as the same check
// with no suppressions file. In process (runCheck), the least of seven interleaved timings of
// each, so process start-up and a busy neighbour do not decide it; the ratio is printed.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import { runCheck, type CheckOptions } from '../../server/src/cli/check.js';
import { Log } from '../../server/src/cli/log.js';
import { project } from './helpers.js';

const FILES = 500;
const ROUNDS = 7;
const MAX_RATIO = 1.1;

function lesson(i: number): string {
  return [
    `# Lesson ${i}: working with data set ${i}`,
    '',
    'By the end of this lesson, learners will be able to:',
    '',
    `- Understand how to load table ${i} into a data frame.`,
    `- **LO${i}.2:** Filter the rows of table ${i} by a condition within 5 minutes.`,
    `- Know the difference between a list and a vector, and explain why it matters.`,
    `- Plot column ${i} against time.`,
    '',
    '## Exercises',
    '',
    `Write a loop that prints each row of table ${i}.`,
    '',
  ].join('\n');
}

test(`a ${FILES}-file corpus with suppressions checks no slower than ${MAX_RATIO}x without`, (t) => {
  const files: Record<string, string> = {};
  for (let i = 0; i < FILES; i++)
    files[`lessons/${String(i).padStart(3, '0')}/index.md`] = lesson(i);
  const dir = project(t, files);
  const base: CheckOptions = {
    format: 'json',
    maxWarnings: -1,
    fix: false,
    quiet: false,
    color: false,
  };
  const check = (
    options: CheckOptions = base,
  ): { ms: number; findings: number; status: number } => {
    let out = '';
    const log = new Log(() => undefined);
    const start = performance.now();
    const status = runCheck([], { ...options }, { cwd: dir, stdout: (s) => (out += s), log });
    const ms = performance.now() - start;
    const parsed = JSON.parse(out) as { messages: unknown[] }[];
    return { ms, findings: parsed.reduce((n, f) => n + f.messages.length, 0), status };
  };
  const suppressions = path.join(dir, 'bloomline-suppressions.json');

  // Warm-up (JIT, file cache), and the findings to suppress.
  const plain = check();
  assert.ok(plain.findings >= FILES * 3, `${plain.findings} findings`);
  assert.equal(check({ ...base, suppressAll: true }).status, 0);
  const recorded = fs.readFileSync(suppressions, 'utf8');
  assert.equal(Object.keys(JSON.parse(recorded) as object).length, FILES);
  const suppressed = check();
  assert.equal(suppressed.findings, 0, 'every finding is suppressed');

  // One measurement: the least of ROUNDS interleaved timings of each. The whole suite runs test
  // files in parallel on a shared machine, so a burst of load can land on one side: up to three
  // measurements are made, and the best ratio counts (a real slowdown shows in all three).
  const measure = (): { ratio: number; without: number; withFile: number } => {
    const without: number[] = [];
    const withFile: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      fs.rmSync(suppressions);
      without.push(check().ms);
      fs.writeFileSync(suppressions, recorded);
      const run = check();
      assert.equal(run.findings, 0);
      withFile.push(run.ms);
    }
    const a = Math.min(...without);
    const b = Math.min(...withFile);
    return { ratio: b / a, without: a, withFile: b };
  };
  let best = measure();
  for (let attempt = 1; attempt < 3 && best.ratio > MAX_RATIO; attempt++) {
    const next = measure();
    if (next.ratio < best.ratio) best = next;
  }
  const { ratio } = best;
  t.diagnostic(
    `${FILES} files, ${plain.findings} findings: without ${best.without.toFixed(0)} ms, with suppressions ${best.withFile.toFixed(0)} ms, ratio ${ratio.toFixed(3)}`,
  );
  assert.ok(ratio <= MAX_RATIO, `ratio ${ratio.toFixed(3)} > ${MAX_RATIO}`);
});
