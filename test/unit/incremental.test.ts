// Re-parsing only the sections an edit touched must give exactly what a whole parse gives:
// random edits (including ones that open code fences, HTML blocks and divs, or remove a
// heading) are applied one after another, and after each the incremental outline and findings
// are compared with those of a fresh analysis of the same text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ITEM_RULES, resolveConfig, RULES, Workspace } from '../../server/src/core/index.js';
import { mulberry32 } from '../support/random.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const example = readFileSync(`${root}examples/course-outline.md`, 'utf8');

const SNIPPETS = [
  '# ',
  '## New section\n',
  '\n## Module 9\n\n- Understand how to configure X\n',
  '```\n',
  '~~~md\n',
  '<div>\n',
  '<!-- ',
  ' -->',
  '::: objectives\n',
  ':::\n',
  '- Explain the policy within 5 minutes\n',
  '  - Outcome: tickets fall from 10 to 2 by Q2\n',
  '\n',
  '\r\n',
  '> ',
  'Objective: Know the rules\n',
  '😀',
  '\t',
  '===\n',
];

function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const r = next();
  if (r < 0.35 && text.length > 0) {
    const len = Math.min(text.length - at, 1 + Math.floor(next() * 40));
    return text.slice(0, at) + text.slice(at + len);
  }
  if (r < 0.5) {
    // Delete a whole line, often a heading.
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = text.indexOf('\n', at);
    return text.slice(0, lineStart) + (lineEnd < 0 ? '' : text.slice(lineEnd + 1));
  }
  const snippet = SNIPPETS[Math.floor(next() * SNIPPETS.length)]!;
  return text.slice(0, at) + snippet + text.slice(at);
}

/** Words swapped in place, so an item's text changes and its length often does not: what an
 * author does to an objective (and what a reuse keyed on positions alone would miss). */
const SWAPS: [RegExp, string][] = [
  [/\bExplain\b/, 'Know'],
  [/\bKnow\b/, 'List'],
  [/\bUnderstand\b/, 'Configure'],
  [/\bwithin\b/, 'before'],
  [/\bminutes\b/, 'attempts'],
  [/\bLO1\b/, 'LO7'],
  [/\bby Q2\b/, 'by Q9'],
  [/\b(\d+)%/, '$1 percent'],
];

function wordEdit(text: string, next: () => number): string {
  const [re, to] = SWAPS[Math.floor(next() * SWAPS.length)]!;
  const from = Math.floor(next() * text.length);
  const m = re.exec(text.slice(from)) ?? re.exec(text);
  if (!m) return edit(text, next);
  const at = m.index + (re.exec(text.slice(from)) ? from : 0);
  return text.slice(0, at) + m[0].replace(re, to) + text.slice(at + m[0].length);
}

function fresh(text: string) {
  const ws = new Workspace();
  ws.update('doc.md', text);
  return { json: ws.outlineJson('doc.md'), findings: ws.lint('doc.md') };
}

for (const seed of [1, 2, 3, 4, 5, 6]) {
  test(`incremental analysis equals a whole parse after 60 random edits (seed ${seed})`, () => {
    const next = mulberry32(seed);
    const ws = new Workspace();
    let text = seed % 2 ? example : `\uFEFF${example.replace(/\n/g, '\r\n')}`;
    ws.update('doc.md', text);
    for (let i = 0; i < 60; i++) {
      text = edit(text, next);
      ws.update('doc.md', text);
      const expected = fresh(text);
      assert.deepEqual(
        ws.outlineJson('doc.md'),
        expected.json,
        `outline differs after edit ${i} (seed ${seed})`,
      );
      assert.deepEqual(
        ws.lint('doc.md'),
        expected.findings,
        `findings differ after edit ${i} (seed ${seed})`,
      );
    }
  });
}

// The language server lints after every edit and reuses the item rules' findings of items the
// edit left alone (Workspace option `reuseFindings`): the findings must be those of a fresh
// run, edit after edit, whatever the edit did to headings, lead-ins, IDs and fences.
for (const seed of [11, 12, 13, 14, 15, 16, 17, 18]) {
  test(`reused item findings equal a fresh lint after 80 random edits (seed ${seed})`, () => {
    const next = mulberry32(seed);
    const ws = new Workspace(undefined, { reuseFindings: true });
    let text = seed % 2 ? example : `\uFEFF${example.replace(/\n/g, '\r\n')}`;
    // Two copies: the same items twice (same signatures at two places).
    if (seed % 3 === 0) text = `${text}\n${text}`;
    ws.update('doc.md', text);
    ws.lint('doc.md');
    for (let i = 0; i < 80; i++) {
      text = next() < 0.5 ? wordEdit(text, next) : edit(text, next);
      ws.update('doc.md', text);
      assert.deepEqual(
        ws.lint('doc.md'),
        fresh(text).findings,
        `findings differ after edit ${i} (seed ${seed})`,
      );
    }
  });
}

test('after an edit of one objective, the item rules check that objective only', () => {
  const ws = new Workspace(undefined, { reuseFindings: true });
  ws.update('doc.md', example);
  const first = ws.lint('doc.md');
  const checked: string[] = [];
  const rule = RULES.find((r) => r.id === 'missing-criterion')!;
  const check = rule.check;
  rule.check = (ctx) => {
    for (const o of ctx.outline.objectives) checked.push(o.id);
    check(ctx);
  };
  try {
    const changed = example.replace('Know the password policy.', 'Know the password rules.');
    assert.notEqual(changed, example);
    ws.update('doc.md', changed);
    const again = ws.lint('doc.md');
    assert.deepEqual(checked, ['LO1.3'], 'only the edited objective is checked again');
    assert.deepEqual(again, fresh(changed).findings);
    assert.equal(again.length, first.length);
    // A document closed in the editor: what was kept for reuse goes, and all is checked again.
    ws.forgetFindings('doc.md');
    checked.length = 0;
    assert.deepEqual(ws.lint('doc.md'), again);
    assert.equal(checked.length, ws.get('doc.md')!.objectives.length);
  } finally {
    rule.check = check;
  }
});

test('an item moved by an edit above it has its findings moved once, then reused as they are', () => {
  // The item rules' findings below an edit are moved copies; the lint after the next edit,
  // which moves nothing, hands on those copies (the server converts and fingerprints a finding
  // object once), and still equals a fresh lint.
  const ws = new Workspace(undefined, { reuseFindings: true });
  ws.update('doc.md', example);
  ws.lint('doc.md');
  const at = example.indexOf('the CRM from a home network');
  assert.ok(at > 0);
  const moved = `${example.slice(0, at)}the company CRM${example.slice(at + 'the CRM'.length)}`;
  ws.update('doc.md', moved);
  const first = ws.lint('doc.md');
  assert.deepEqual(first, fresh(moved).findings);
  const below = first.filter(
    (f) => ITEM_RULES.has(f.ruleId) && f.ruleId !== 'vague-verb' && f.span.start > at + 40,
  );
  assert.ok(below.length >= 5, `item findings below the edit: ${below.length}`);
  // An edit after every item: nothing moves.
  const appended = `${moved}\nMore notes for trainers.\n`;
  ws.update('doc.md', appended);
  const second = ws.lint('doc.md');
  assert.deepEqual(second, fresh(appended).findings);
  const kept = new Set(second);
  assert.deepEqual(
    below.filter((f) => !kept.has(f)).map((f) => `${f.ruleId}@${f.span.start}`),
    [],
    'the moved findings are handed on as the same objects',
  );
});

test('reused item findings follow a change of configuration of the same text', () => {
  const ws = new Workspace(undefined, { reuseFindings: true });
  ws.update('doc.md', example);
  const before = ws.lint('doc.md').filter((f) => f.ruleId === 'vague-verb');
  assert.ok(before.length > 0 && before.every((f) => f.severity === 'warning'));
  const config = resolveConfig({ rules: { 'vague-verb': 'hint', 'no-verb': 'off' } }).config;
  ws.update('doc.md', example, config);
  const after = ws.lint('doc.md');
  const vague = after.filter((f) => f.ruleId === 'vague-verb');
  assert.equal(vague.length, before.length);
  assert.ok(vague.every((f) => f.severity === 'hint'));
  assert.ok(!after.some((f) => f.ruleId === 'no-verb'));
});

test('an edit inside one module leaves the parse of the other modules in place', () => {
  const ws = new Workspace();
  ws.update('doc.md', example);
  const before = ws.get('doc.md')!;
  const changed = example.replace(
    'Know the password policy.',
    'State the password policy in under 2 minutes.',
  );
  ws.update('doc.md', changed);
  const after = ws.get('doc.md')!;
  assert.notEqual(after, before);
  assert.deepEqual(ws.outlineJson('doc.md'), fresh(changed).json);
  const lo13 = after.objectives.find((o) => o.id === 'LO1.3')!;
  assert.equal(lo13.analysis.verb?.text, 'state');
  assert.ok(lo13.analysis.criterion);
});

test('a link reference definition anywhere falls back to a whole parse, with the same result', () => {
  const ws = new Workspace();
  const withDef = `${example}\n[LO9]: https://example.org\n`;
  ws.update('doc.md', withDef);
  const changed = withDef.replace('## Module 3', '## Module Three');
  ws.update('doc.md', changed);
  assert.deepEqual(ws.outlineJson('doc.md'), fresh(changed).json);
});

test('with findings reused, a vague verb in a lead-in is still reported (once, with its fix)', () => {
  // The item rules see only the objectives that take their verb from a lead-in: vague-verb
  // looked the block's items up by their index in the whole list, found none, and threw.
  const text = `## Objectives\n\n- Explain A\n- Explain B\n\n## Learning objectives\n\nParticipants will understand:\n\n- the policy\n- the tools\n`;
  const errors: string[] = [];
  const ws = new Workspace(undefined, {
    reuseFindings: true,
    onRuleError: (rule, _file, error) => errors.push(`${rule}: ${String(error)}`),
  });
  ws.update('doc.md', text);
  const vague = ws.lint('doc.md').filter((f) => f.ruleId === 'vague-verb');
  assert.deepEqual(errors, []);
  assert.equal(vague.length, 1);
  assert.ok(vague[0]!.fixes.length > 0);
  assert.deepEqual(
    vague,
    fresh(text).findings.filter((f) => f.ruleId === 'vague-verb'),
  );
});
