// Re-parsing only the sections an edit touched must give exactly what a whole parse gives:
// random edits (including ones that open code fences, HTML blocks and divs, or remove a
// heading) are applied one after another, and after each the incremental outline and findings
// are compared with those of a fresh analysis of the same text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  ITEM_RULES,
  resolveConfig,
  RULES,
  Workspace,
  type Finding,
} from '../../server/src/core/index.js';
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

// missing-outcome runs whole on every lint, but reports the same object again for an objective
// the edit left where it was (same text span and insertion point objects, same ID, same line
// break): that finding must be the one a fresh lint makes, whatever the edit did above or around
// it (sections, headings, IDs, references that now measure it, lines, CRLF). The text is long
// enough to be parsed in several pieces, so that items outside the edited one are reused.
const MODULE_A = `## Module A

### Learning objectives

- **LA1:** Configure the backup job within 10 minutes.
- **LA2:** Restore a file from last week's backup without assistance.
- Explain the retention policy.
  - Describe the weekly rotation.
- **LA4:** Compare incremental and full backups.
`;
const MODULE_B = `## Module B

### Objectives

1. Install the agent on a new laptop in under 5 minutes.
2. **LB2:** Rotate the encryption keys without downtime.
3. Audit the access log for one day.

### Success measures

- Failed restores fall from 9 to 2 a month by Q3 (LA2).
`;
const module = (n: number) =>
  `## Module ${n}\n\n### Learning objectives\n\n` +
  [1, 2, 3, 4, 5, 6]
    .map(
      (k) =>
        `- ${k % 2 ? `**L${n}x${k}:** ` : ''}Describe step ${k} of procedure ${n} to a new colleague.\n`,
    )
    .join('');
// A module longer than a piece: an edit at its top changes the generated IDs ("module-13-2")
// of objectives at its bottom, which the parse keeps.
const LONG_MODULE = `## Module 13\n\n### Learning objectives\n\n- **L13x1:** Describe the first step.\n${Array.from(
  { length: 90 },
  (_, k) => `- Describe step ${k + 2} of the long procedure to a new colleague.\n`,
).join('')}`;
const UNMEASURED = `# Unmeasured course\n\n${MODULE_A}\n${MODULE_B}\n${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(module).join('\n')}\n${LONG_MODULE}`;

const OUTCOME_EDITS: ((text: string) => string)[] = [
  // A reference from an outcome: the objective is measured, its finding goes.
  (t) => t.replace('(LA2)', '(LA2, LB2)'),
  (t) => t.replace('(LA2, LB2)', '(LA2)'),
  (t) => t.replace('by Q3 (', 'by Q3 (L5x3, '),
  // An ID added, changed, removed.
  (t) => t.replace('- Explain the retention', '- **LA3:** Explain the retention'),
  (t) => t.replace('**LA3:** ', ''),
  (t) => t.replace('**LA4:**', '**LA9:**'),
  (t) => t.replace('**L7x1:**', '**L7x3:**'),
  // A heading or section added above, or removed.
  (t) => t.replace('## Module B', '## Module A2\n\n- Note.\n\n## Module B'),
  (t) => t.replace('## Module A2\n\n- Note.\n\n', ''),
  (t) => t.replace('## Module 4', '## Module 3b\n\n- Describe the spare part.\n\n## Module 4'),
  (t) => t.replace(/## Module 6[^]*?(?=## Module 7)/, ''),
  (t) => t.replace('### Objectives\n', '### Objectives\n\nA line above the items.\n'),
  (t) => t.replace('## Module 9\n', '## Module 9\n\nA paragraph above the objectives.\n'),
  // A section named otherwise (its items change kind or block).
  (t) => t.replace('### Success measures', '### Notes'),
  (t) => t.replace('### Notes', '### Success measures'),
  // The first objective of the long module loses its ID (the same length: nothing moves) and
  // gets it back: the generated IDs of the objectives after it change.
  (t) => t.replace('**L13x1:**', 'L13x1 is: '),
  (t) => t.replace('L13x1 is: ', '**L13x1:**'),
  // The whole text in CRLF, and back; the first line's break only (the file's line break, which
  // fixes insert, is the first one's).
  (t) => t.replace(/\r?\n/g, '\r\n'),
  (t) => t.replace(/\r\n/g, '\n'),
  (t) => t.replace(/^([^\r\n]*)\n/, '$1\r\n'),
  (t) => t.replace(/^([^\r\n]*)\r\n/, '$1\n'),
];

/**
 * Applies 60 random edits (`pick` chooses each from a random number) to `text` in a workspace
 * that reuses findings, and after each asserts that its findings are those of a fresh lint.
 * Returns how many findings `counted` were handed on as the same objects as the lint before,
 * and how many edits moved what followed them.
 */
function editAndCompare(
  seed: number,
  start: string,
  pick: (r: number, text: string, next: () => number) => string,
  counted: (f: Finding) => boolean,
): { kept: number; moved: number } {
  const next = mulberry32(seed);
  const ws = new Workspace(undefined, { reuseFindings: true });
  let text = start;
  ws.update('doc.md', text);
  let last = new Set(ws.lint('doc.md'));
  let kept = 0;
  let moved = 0;
  for (let i = 0; i < 60; i++) {
    const before = text;
    text = pick(next(), text, next);
    ws.update('doc.md', text);
    const findings = ws.lint('doc.md');
    assert.deepEqual(
      findings,
      fresh(text).findings,
      `findings differ after edit ${i} (seed ${seed})`,
    );
    kept += findings.filter((f) => counted(f) && last.has(f)).length;
    if (text.length !== before.length) moved++;
    last = new Set(findings);
  }
  return { kept, moved };
}

for (const seed of [21, 22, 23, 24]) {
  test(`missing-outcome findings kept across edits equal a fresh lint (seed ${seed})`, () => {
    const { kept } = editAndCompare(
      seed,
      seed % 2 ? UNMEASURED : `${UNMEASURED}\n${example}`,
      (r, text, next) =>
        r < 0.5
          ? OUTCOME_EDITS[Math.floor(next() * OUTCOME_EDITS.length)]!(text)
          : r < 0.75
            ? wordEdit(text, next)
            : edit(text, next),
      (f) => f.ruleId === 'missing-outcome',
    );
    // The reuse was exercised: findings were handed on as the same objects.
    assert.ok(kept > 100, `missing-outcome findings kept: ${kept}`);
  });
}

test('missing-outcome hands on its findings above an edit as the same objects', () => {
  const ws = new Workspace(undefined, { reuseFindings: true });
  ws.update('doc.md', UNMEASURED);
  const first = ws.lint('doc.md').filter((f) => f.ruleId === 'missing-outcome');
  assert.equal(first.length, 7 + 12 * 6 + 91);
  // An edit in the last module: the objectives above it stay where they were.
  const at = UNMEASURED.indexOf('## Module 12');
  const end = UNMEASURED.indexOf('## Module 13');
  const edited = `${UNMEASURED.slice(0, at)}${UNMEASURED.slice(at, end).replace('step 4', 'steps 4')}${UNMEASURED.slice(end)}`;
  ws.update('doc.md', edited);
  const all = ws.lint('doc.md');
  assert.deepEqual(all, fresh(edited).findings);
  const second = all.filter((f) => f.ruleId === 'missing-outcome');
  // The pieces of the text the edit did not touch (parse.ts re-parses about 4 KB around it)
  // keep their items, and so their findings.
  const far = UNMEASURED.indexOf('## Module 6');
  const above = first.filter((f) => f.span.start < far);
  assert.equal(above.length, 7 + 5 * 6);
  assert.deepEqual(
    above.filter((f) => !second.includes(f)).map((f) => f.span.start),
    [],
    'the findings far above the edit are the same objects',
  );
  // The edited objective's finding is new.
  const edit = edited.indexOf('Describe steps 4');
  assert.ok(second.some((f) => f.span.start === edit && !first.includes(f)));
  // Another severity: new findings, with that severity.
  const config = resolveConfig({ rules: { 'missing-outcome': 'error' } }).config;
  ws.update('doc.md', edited, config);
  const severe = ws.lint('doc.md').filter((f) => f.ruleId === 'missing-outcome');
  assert.equal(severe.length, second.length);
  assert.ok(severe.every((f) => f.severity === 'error' && !second.includes(f)));
});

test('success criteria added or removed beside reused learning intentions: missing-criterion follows', () => {
  // The learning intentions' items are reused by the builder when the success criteria below
  // them appear or go; whether their degree is stated changes all the same.
  const intentions = Array.from(
    { length: 40 },
    (_, i) => `- To separate mixture ${i + 1} by filtering and evaporating.`,
  ).join('\n');
  const bare = `# Year 5 Science\n\n## Learning intentions\n\n${intentions}\n\n## Lesson sequence\n\n1. Hook\n`;
  const withCriteria = bare.replace(
    '## Lesson sequence',
    '## Success criteria\n\n- I can use a filter funnel to separate sand from water.\n\n## Lesson sequence',
  );
  const renamed = withCriteria.replace('## Success criteria', '## Outcomes');
  const ws = new Workspace(undefined, { reuseFindings: true });
  for (const text of [bare, withCriteria, renamed, withCriteria, bare]) {
    ws.update('lesson.md', text);
    const got = ws.lint('lesson.md').filter((f) => f.ruleId === 'missing-criterion');
    const want = fresh(text).findings.filter((f) => f.ruleId === 'missing-criterion');
    assert.deepEqual(got, want);
    assert.equal(got.length, text === withCriteria ? 0 : text === bare ? 40 : 41);
  }
});

// The item rules' findings are kept per item object (the outline builder hands on the items of
// unchanged list items) and handed on as the same objects while the item stays where it was,
// with its ID and source; moved copies where it moved; found again by signature where it was
// read again. Random edits of a long outline (parsed in pieces, so most items are reused) with
// astral characters: IDs added, changed and removed (generated IDs that change without anything
// moving), references, sections and lines added above, blocks renamed, CRLF; after each, the
// findings must be those of a fresh lint, and the reuse must have been exercised.
const ASTRAL_EDITS: ((text: string) => string)[] = [
  // An astral character above everything after it (positions in code units move by 2).
  (t) => t.replace('# Unmeasured course', '# Unmeasured course 📚'),
  (t) => t.replace('# Unmeasured course 📚', '# Unmeasured course'),
  // In an objective's text, before its criterion (the item is read again; the ones after move).
  (t) => t.replace('Describe step 3 of procedure 5', 'Describe step 3 of 𝒫 procedure 5'),
  (t) => t.replace('of 𝒫 procedure 5', 'of procedure 5'),
  // A line of emoji added above a module, and gone again.
  (t) => t.replace('## Module 8\n', '😀🎉 notes\n\n## Module 8\n'),
  (t) => t.replace('😀🎉 notes\n\n', ''),
];

for (const seed of [31, 32, 33, 34]) {
  test(`item-rule findings kept per item equal a fresh lint after random edits (seed ${seed})`, () => {
    let text = `${UNMEASURED}\n${example}`.replace(
      'Describe step 1 of procedure 2',
      'Describe 🚀 step 1 of procedure 2',
    );
    if (seed % 2 === 0) text = text.replace(/\n/g, '\r\n');
    const { kept, moved } = editAndCompare(
      seed,
      text,
      (r, t, next) =>
        r < 0.35
          ? OUTCOME_EDITS[Math.floor(next() * OUTCOME_EDITS.length)]!(t)
          : r < 0.6
            ? ASTRAL_EDITS[Math.floor(next() * ASTRAL_EDITS.length)]!(t)
            : r < 0.8
              ? wordEdit(t, next)
              : edit(t, next),
      (f) => ITEM_RULES.has(f.ruleId),
    );
    // The reuse was exercised: item findings handed on as the same objects, edits that moved
    // what followed them.
    assert.ok(kept > 1000, `item-rule findings kept: ${kept}`);
    assert.ok(moved > 20, `edits that moved text: ${moved}`);
  });
}
