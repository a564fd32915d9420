// `bloomline check` on text that is odd or large (issue 13): it reads unclosed front matter as
// CommonMark does whatever else the file holds, and no fix it offers splits a surrogate pair.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { BIN, checkJson, project } from './helpers.js';

const keys = (r: ReturnType<typeof checkJson>) =>
  (r.files[0]?.messages ?? []).map((m) => `${m.ruleId} ${m.line}:${m.column}`).sort();

test('an unclosed "---" at the top is a thematic break, with or without a link definition', (t) => {
  const body = '---\n## Objectives\n\n- Understand loops.\n';
  const dir = project(t, {
    'plain.md': body,
    'with-definition.md': `${body}\n[ref]: http://example.com\n`,
  });
  const plain = checkJson(['plain.md'], dir);
  const withDefinition = checkJson(['with-definition.md'], dir);
  // The list is read as a list of objectives (vague-verb and missing-criterion on its item).
  assert.deepEqual(
    keys(plain).filter((k) => k !== 'missing-outcome 4:3'),
    ['missing-criterion 4:3', 'vague-verb 4:3'],
  );
  assert.deepEqual(keys(withDefinition), keys(plain), 'a link definition changes nothing');
});

/** A text with no lone surrogate (a high one not followed by a low one, or a low one alone). */
const wellFormed = (s: string) =>
  !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

test('no fix splits a surrogate pair: "how to 😀configure", in an item and after a lead-in', (t) => {
  const item = '## Learning objectives\n\n- Understand how to 😀configure the client.\n';
  const lead =
    '## Learning objectives\n\nYou will understand:\n\n- how to 😀configure the client.\n';
  const dir = project(t, { 'item.md': item, 'lead.md': lead });
  for (const [name, text] of [
    ['item.md', item],
    ['lead.md', lead],
  ] as const) {
    const r = checkJson([name], dir);
    const vague = r.files[0]!.messages.filter((m) => m.ruleId === 'vague-verb');
    assert.ok(
      vague.some((m) => m.fixes.length > 0),
      `${name}: vague-verb offers a fix`,
    );
    const lines = text.split('\n');
    const offset = (line: number, column: number) =>
      lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
    for (const m of r.files[0]!.messages) {
      for (const fix of m.fixes) {
        const edits = [...fix.edits].sort((a, b) => b.line - a.line || b.column - a.column);
        let fixed = text;
        for (const e of edits) {
          assert.ok(wellFormed(e.newText), `${name} "${fix.title}" inserts a lone surrogate`);
          fixed =
            fixed.slice(0, offset(e.line, e.column)) +
            e.newText +
            fixed.slice(offset(e.endLine, e.endColumn));
        }
        assert.ok(wellFormed(fixed), `${name}: "${fix.title}" leaves a lone surrogate`);
      }
    }
    const preferred = vague.flatMap((m) => m.fixes.filter((f) => f.isPreferred));
    assert.ok(preferred.length > 0);
  }
  // The preferred fix keeps the behaviour and the emoji whole.
  const vague = checkJson(['item.md'], dir).files[0]!.messages.find(
    (m) => m.ruleId === 'vague-verb',
  )!;
  const keep = vague.fixes.find((f) => f.isPreferred)!;
  assert.match(keep.edits[0]!.newText, /😀/u);
  assert.ok(!/Understand/.test(keep.edits[0]!.newText));
});

/** `count` objectives (or notes) of about 55 bytes each. */
const bigList = (head: string, count: number) =>
  head +
  Array.from(
    { length: count },
    (_, i) => `- Explain topic ${i} to a colleague within 5 minutes.\n`,
  ).join('');

test('a 3 MB list runs in a 200 MB heap: notes analysed, 55,000 objectives declined in one line', (t) => {
  // Before the parse in pieces, micromark took 300-600 bytes per byte of such a list: out of heap.
  const dir = project(t, {
    'notes.md': bigList('# Notes\n\n', 55_000),
    'objectives.md': bigList('## Learning objectives\n\n', 55_000),
  });
  const heap = ['--max-old-space-size=200', BIN, 'check', '--format', 'json'];
  const notes = spawnSync(process.execPath, [...heap, 'notes.md'], { cwd: dir, encoding: 'utf8' });
  assert.equal(notes.status, 0, notes.stderr.slice(0, 500));
  assert.equal(notes.stderr, '');
  const objectives = spawnSync(process.execPath, [...heap, 'objectives.md'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(objectives.status, 2, objectives.stderr.slice(0, 500));
  assert.equal(
    objectives.stderr,
    // Where the 20,001st item stands, as the editor's diagnostic is placed.
    'bloomline: objectives.md:20003:3: not analysed: the file has more than 20,000 objectives, outcomes and assessments.\n',
  );
});
