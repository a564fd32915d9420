// The language server converts an edited document's findings to diagnostics after every edit
// (lsp/convert.ts, ReusedDiagnostics). A finding handed on by the core as the same object is
// published as the same diagnostic, unless the lines before it changed: its range is then new.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex, type Finding } from '../../server/src/core/index.js';
import type { Diagnostic } from 'vscode-languageserver';
import { ReusedDiagnostics, toDiagnostic } from '../../server/src/lsp/convert.js';

function finding(text: string, word: string, message: string): Finding {
  const start = text.indexOf(word);
  assert.ok(start >= 0, word);
  return {
    ruleId: 'missing-criterion',
    severity: 'warning',
    message,
    span: { start, end: start + word.length },
    fixes: [],
    related: [],
  };
}

const none = () => null;

test('a finding handed on as the same object is the same diagnostic where its range stands', () => {
  const text = '# Course\n\n- Configure the VPN\n- Describe the policy\n';
  const a = finding(text, 'Configure the VPN', 'No criterion.');
  const b = finding(text, 'Describe the policy', 'No criterion either.');
  const reuse = new ReusedDiagnostics();
  const first = reuse.convert([a, b], new LineIndex(text), none);
  assert.deepEqual(
    first,
    [a, b].map((f) => toDiagnostic(f, new LineIndex(text), none)),
  );
  // An edit after both: the same findings, the same diagnostics.
  const after = `${text}\nNotes.\n`;
  const second = reuse.convert([a, b], new LineIndex(after), none);
  assert.equal(second[0], first[0]);
  assert.equal(second[1], first[1]);
});

test('a finding object kept while a line was added above it gets its new range', () => {
  // The core hands on a finding object unchanged where its offsets are: here the text before it
  // keeps its length but gains a line break, so the same offsets stand on another line.
  const text = '# Course\n\n- Configure the VPN now\n- Describe the policy\n';
  const f = finding(text, 'Describe the policy', 'No criterion.');
  const reuse = new ReusedDiagnostics();
  const [before] = reuse.convert([f], new LineIndex(text), none);
  assert.deepEqual(before!.range.start, { line: 3, character: 2 });
  const edited = text.replace('VPN now', 'VPN\nnow');
  assert.equal(edited.length, text.length);
  const [after] = reuse.convert([f], new LineIndex(edited), none);
  assert.deepEqual(after, toDiagnostic(f, new LineIndex(edited), none));
  assert.deepEqual(after!.range.start, { line: 4, character: 2 });
});

test('findings past column 1023 of one line, which share a key, each get their own diagnostic', () => {
  // Diagnostics are found again by a key of where they start, with the column capped at 1023:
  // on a long line several share it, and are told apart by their whole range and message.
  const long = `- ${'word '.repeat(220)}alpha beta gamma`;
  const text = `# Course\n\n${long}\n`;
  const alpha = finding(text, 'alpha', 'No criterion.');
  const beta = finding(text, 'beta', 'No criterion.');
  const gamma = finding(text, 'gamma', 'Another message.');
  assert.ok(alpha.span.start - text.indexOf('- ') > 1023);
  const reuse = new ReusedDiagnostics();
  const lines = new LineIndex(text);
  const first = reuse.convert([alpha, beta, gamma], lines, none);
  assert.deepEqual(
    first,
    [alpha, beta, gamma].map((f) => toDiagnostic(f, lines, none)),
  );
  // New finding objects (a rule that runs whole makes new ones): found again by what they say.
  const copies = [alpha, beta, gamma].map((f) => ({ ...f, span: { ...f.span } }));
  const again = reuse.convert(copies, lines, none);
  assert.deepEqual(again, first);
  again.forEach((d, i) => assert.equal(d, first[i]));
  // One moved by a character: its own new diagnostic, the others as they were.
  const edited = text.replace('alpha', 'alphas');
  const moved = [alpha, { ...beta, span: { start: beta.span.start + 1, end: beta.span.end + 1 } }];
  const third = reuse.convert(moved, new LineIndex(edited), none);
  assert.equal(third[0], first[0]);
  assert.notEqual(third[1], first[1]);
  assert.deepEqual(third[1], toDiagnostic(moved[1]!, new LineIndex(edited), none));
});

test('no stale diagnostic: after random edits, every diagnostic equals a fresh conversion of its finding', () => {
  // The converter hands on the last diagnostics by comparing numbers and strings: a finding at
  // the same start whose message, rule, severity or end changed, or one whose offsets now stand
  // on another line, must get a new diagnostic. Random texts and findings, some handed on as
  // the same objects, some copied with one thing changed, some new, sometimes out of order.
  let seed = 7;
  const rand = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  const rules = ['missing-criterion', 'vague-verb', 'no-verb'] as const;
  const severities = ['warning', 'error', 'information', 'hint'] as const;
  const messages = ['No criterion.', 'Vague verb.', 'No verb.', 'No criterion'];
  const makeText = () => {
    const lines: string[] = [];
    for (let i = 0, n = 5 + rand(30); i < n; i++) lines.push('x'.repeat(rand(1200)));
    return lines.join(rand(4) === 0 ? '\r\n' : '\n');
  };
  const make = (length: number): Finding => {
    const start = rand(length + 1);
    return {
      ruleId: rules[rand(rules.length)]!,
      severity: severities[rand(severities.length)]!,
      message: messages[rand(messages.length)]!,
      span: { start, end: Math.min(length, start + rand(2000)) },
      fixes: [],
      related: [],
    };
  };
  const byStart = (a: Finding, b: Finding) =>
    a.span.start - b.span.start || a.span.end - b.span.end;
  let reused = 0;
  let changedAtSameStart = 0;
  for (let round = 0; round < 40; round++) {
    const reuse = new ReusedDiagnostics();
    let text = makeText();
    let findings = Array.from({ length: 1 + rand(40) }, () => make(text.length)).sort(byStart);
    let last: Diagnostic[] = [];
    for (let step = 0; step < 8; step++) {
      const lines = new LineIndex(text);
      const out = reuse.convert(findings, lines, none);
      assert.equal(out.length, findings.length);
      out.forEach((d, i) => {
        assert.deepEqual(d, toDiagnostic(findings[i]!, lines, none), `round ${round} step ${step}`);
        if (last.includes(d)) reused++;
      });
      last = out;
      // The next text: lines split or joined (offsets keep their length, change line), or
      // characters added or removed.
      const at = rand(text.length + 1);
      const edit = rand(3);
      if (edit === 0) text = text.slice(0, at) + '\n' + text.slice(at + 1);
      else if (edit === 1) text = text.slice(0, at) + 'yy' + text.slice(at);
      else text = text.replace(/\r?\n/, 'z');
      // The next findings: most handed on, some copied with one thing changed, some new.
      findings = findings
        .filter(() => rand(10) !== 0)
        .map((f) => {
          const what = rand(8);
          if (what > 3) return f;
          changedAtSameStart++;
          if (what === 0) return { ...f, message: messages[rand(messages.length)]! };
          if (what === 1) return { ...f, severity: severities[rand(severities.length)]! };
          if (what === 2) return { ...f, ruleId: rules[rand(rules.length)]! };
          return { ...f, span: { start: f.span.start, end: f.span.end + 1 + rand(3) } };
        })
        .filter((f) => f.span.end <= text.length);
      for (let i = rand(4); i > 0; i--) findings.push(make(text.length));
      if (rand(5) === 0) findings.reverse();
      else findings.sort(byStart);
    }
  }
  assert.ok(reused > 500, `diagnostics handed on: ${reused}`);
  assert.ok(changedAtSameStart > 500, `findings changed in place: ${changedAtSameStart}`);
});
