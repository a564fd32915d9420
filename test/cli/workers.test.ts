// `check` of many files with a worker thread (cli/pool.ts): the worker checks files from the
// end of the list while the main thread checks them from the start, and the main thread writes
// everything in the order of the files. What is printed, on stdout and stderr, and the exit
// status are those of a check on one thread, in every format, with files linked across files,
// files whose reading says something (invalid UTF-8, a notebook that is not JSON), and
// suppressions that are exceeded or no longer needed; and the worker did check files.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, type TestContext } from 'node:test';
import { claimFromEnd, wantsWorker } from '../../server/src/cli/pool.js';
import { checkJson, project, ROOT, run } from './helpers.js';

const CORPUS = path.join(ROOT, 'test', 'corpus', 'carpentries');

/** Every Markdown lesson of the corpus under lessons/, files linked by IDs at the start and at
 * the end, and, last (the worker's end of the list), files whose reading says something. */
function catalogue(t: TestContext): string {
  const files: Record<string, string | Buffer> = {
    'a-objectives.md':
      '## Performance objectives\n\n' +
      '- **LO1:** Configure the VPN client on a company laptop within 5 minutes\n' +
      '- **LO2:** Reset a user password in the admin console within 2 minutes\n',
    'zz/b-outcomes.md':
      '## Outcomes\n\n' +
      '- Reduce VPN support tickets from 40 to 10 a month within 3 months (LO1)\n' +
      '- Cut password reset calls from 30 to 5 a week within 2 months (LO9)\n',
    'zz/c-latin1.md': Buffer.concat([
      Buffer.from('# Caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n\n## Objectives\n\n- Understand the menu\n- List three dishes\n'),
    ]),
    'zz/d-broken.ipynb': '{"cells": [',
    'zz/e-vague.md': '## Objectives\n\n- Understand loops\n- Know about variables\n- Learn Git\n',
  };
  const walk = (dir: string, rel: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(abs, `${rel}/${entry.name}`);
      else if (entry.name.endsWith('.md'))
        files[`lessons${rel}/${entry.name}`] = fs.readFileSync(abs);
    }
  };
  walk(CORPUS, '');
  return project(t, files);
}

function withWorker(args: string[], dir: string, t: TestContext) {
  const statsFile = path.join(dir, '..', `${path.basename(dir)}-stats.json`);
  t.after(() => fs.rmSync(statsFile, { force: true }));
  fs.rmSync(statsFile, { force: true });
  const result = run(args, dir, { BLOOMLINE_WORKERS: '1', BLOOMLINE_WORKER_STATS: statsFile });
  const stats = JSON.parse(fs.readFileSync(statsFile, 'utf8')) as {
    main: number;
    taken: number;
    redone: number;
  };
  return { result, stats };
}

test('check DIR with a worker prints what it prints on one thread, in every format', (t) => {
  const dir = catalogue(t);
  // Suppressions for a file at the worker's end: one rule over its count, one no longer needed.
  const vague = checkJson(['zz/e-vague.md'], dir).files[0]!.messages;
  const rules = [...new Set(vague.map((m) => m.ruleId))];
  assert.ok(rules.length >= 1, 'the vague file has findings');
  const count = (rule: string) => vague.filter((m) => m.ruleId === rule).length;
  fs.writeFileSync(
    path.join(dir, 'bloomline-suppressions.json'),
    JSON.stringify({
      'zz/e-vague.md': {
        [rules[0]!]: { count: count(rules[0]!) - 1 },
        'unknown-reference': { count: 1 },
      },
    }),
  );
  for (const format of ['stylish', 'json', 'sarif', 'github']) {
    const args = ['check', '--format', format, '--no-color'];
    const one = run(args, dir, { BLOOMLINE_WORKERS: '0' });
    const { result: two, stats } = withWorker(args, dir, t);
    assert.ok(one.stdout.length > 5000, `${format}: something is printed`);
    assert.equal(two.stdout, one.stdout, `${format}: the same output`);
    assert.equal(two.stderr, one.stderr, `${format}: the same messages`);
    assert.equal(two.status, one.status, `${format}: the same exit status`);
    assert.ok(stats.taken > 0, `${format}: the worker checked files (${JSON.stringify(stats)})`);
    assert.ok(stats.main > 0, `${format}: so did the main thread`);
  }
  // What the files at the worker's end say is said, in the order of the files.
  const stderr = run(['check', '--format', 'json'], dir, { BLOOMLINE_WORKERS: '1' }).stderr;
  const at = (pattern: RegExp) => stderr.search(pattern);
  assert.ok(at(/c-latin1\.md: not valid UTF-8/) >= 0, stderr);
  assert.ok(at(/d-broken\.ipynb/) > at(/c-latin1\.md/), stderr);
  assert.ok(at(/no longer needed/) > at(/d-broken\.ipynb/), stderr);
});

test('check DIR with a worker keeps cross-file findings of files at both ends', (t) => {
  const dir = catalogue(t);
  const { result, stats } = withWorker(['check', '--format', 'json'], dir, t);
  assert.ok(stats.taken > 0);
  const files = JSON.parse(result.stdout) as {
    filePath: string;
    messages: { ruleId: string; message: string }[];
  }[];
  const outcomes = files.find((f) => f.filePath === path.join('zz', 'b-outcomes.md'))!;
  const unknown = outcomes.messages.filter((m) => m.ruleId === 'unknown-reference');
  assert.equal(unknown.length, 1, 'LO1 resolves into the first file, LO9 does not');
  assert.match(unknown[0]!.message, /"LO9"/);
});

test('a worker is started only when asked, and for two files or more', () => {
  assert.equal(wantsWorker(1, { BLOOMLINE_WORKERS: '1' }), false);
  assert.equal(wantsWorker(2, { BLOOMLINE_WORKERS: '1' }), true);
  assert.equal(wantsWorker(500, { BLOOMLINE_WORKERS: '0' }), false);
  assert.equal(wantsWorker(500, {}), false, 'not by default (BENCHMARKS.md)');
});

test('the worker claims from the end and stops where the main thread is', () => {
  const claims = new Int32Array(new SharedArrayBuffer(8));
  claims[0] = 0; // the main thread's next index
  claims[1] = 5; // one past the worker's last
  assert.equal(claimFromEnd(claims), 4);
  assert.equal(claimFromEnd(claims), 3);
  claims[0] = 3; // the main thread has claimed 0-2
  assert.equal(claimFromEnd(claims), -1, "index 2 is the main thread's");
  assert.equal(claimFromEnd(claims), -1);
});
