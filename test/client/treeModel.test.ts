// The tree of the `bloomline.outline` view, built from outline JSON and findings as the
// language server would send them: the outlines and findings come from the real core
// (Workspace.outlineJson and lint), so the tree is tested on the shape the server produces.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex, Workspace } from '../../server/src/core/index.js';
import type { OutlineEntry } from '../../server/src/protocol.js';
import { CellLayout, inCells } from '../../server/src/lsp/notebooks.js';
import {
  UNCHECKED_LABEL,
  UNMEASURED_LABEL,
  buildTree,
  escapeMarkdown,
  findingsByItem,
  walk,
  type Finding,
  type AssessmentNode,
  type FileNode,
  type ObjectiveNode,
  type OutcomeNode,
  type TreeNode,
} from '../../client/src/treeModel.js';

/** Outlines and findings of some files, the way the server hands them to the client. */
function load(files: Record<string, string>): {
  entries: OutlineEntry[];
  findingsFor: (uri: string) => Finding[];
} {
  const ws = new Workspace();
  for (const [name, text] of Object.entries(files)) ws.update(name, text);
  const uriOf = (name: string) => `file:///course/${name}`;
  const findings = new Map<string, Finding[]>();
  const entries = Object.keys(files).map((name) => {
    const lines = new LineIndex(files[name]!);
    findings.set(
      uriOf(name),
      ws.lint(name).map((f) => ({
        line: lines.position(f.span.start).line + 1,
        endLine: lines.position(f.span.end).line + 1,
        severity: f.severity,
        message: f.message,
        rule: f.ruleId,
        href: `https://example.test/docs/rules/${f.ruleId}.md`,
      })),
    );
    return { ...ws.outlineJson(name), uri: uriOf(name) };
  });
  return { entries, findingsFor: (uri) => findings.get(uri) ?? [] };
}

/** The tree as indented lines: kind, label, description. */
function show(nodes: readonly TreeNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [
    `${'  '.repeat(depth)}${n.kind}: ${n.label}${n.description ? ` [${n.description}]` : ''}`,
    ...show(n.children, depth + 1),
  ]);
}

const COURSE = `# Remote Work Security

Intro text with no objectives.

## Module 1: Connecting

By the end of this module, participants will be able to:

- **LO1.1:** Use the VPN client to reach the CRM in under 5 minutes, without assistance.
  - Outcome: VPN-related tickets fall from 120 to 40 a month within 90 days.
- **LO1.2:** Understand how to configure the VPN client.

### Lesson 1.1: At home

After this lesson, participants will be able to:

- Configure the home router, meeting all items of the checklist.

### Success measures

- Account lock-outs among remote agents fall by 50% by Q2 (LO1.2).

## Module 2: Data

Participants will be able to:

- Remove card numbers from a ticket before escalating it, without errors.
- Apply the clean-desk checklist to a home workspace, meeting all items of the checklist.

### Success metrics

- Data-handling incidents by remote agents fall from 9 to 3 a quarter by the end of 2027.

## Module 3: Measures

### Results

- **O9:** Course completion reaches 95% by June (LO7).
- Attendance at the workshops reaches 100%, supports LO1.1.
- Satisfaction scores rise.
`;

describe('tree model', () => {
  const { entries, findingsFor } = load({ 'course.md': COURSE });
  const tree = buildTree(entries, { problemsOnly: false, findingsFor });

  test('file > sections > objectives > outcomes; the course heading is the file node', () => {
    assert.equal(tree.length, 1);
    const lines = show(tree).map((l) => l.replace(/ \[[^\]]*\]$/, ''));
    assert.deepEqual(lines, [
      'file: Remote Work Security',
      '  section: Module 1: Connecting',
      '    objective: Use the VPN client to reach the CRM in under 5 minutes, without assistance.',
      '      outcome: VPN-related tickets fall from 120 to 40 a month within 90 days.',
      '      outcome: Attendance at the workshops reaches 100%, supports LO1.1.',
      '    objective: Understand how to configure the VPN client.',
      '      outcome: Account lock-outs among remote agents fall by 50% by Q2 (LO1.2).',
      '    section: Lesson 1.1: At home',
      '      objective: Configure the home router, meeting all items of the checklist.',
      '  section: Module 2: Data',
      '    objective: Remove card numbers from a ticket before escalating it, without errors.',
      '      outcome: Data-handling incidents by remote agents fall from 9 to 3 a quarter by the end of 2027.',
      '    objective: Apply the clean-desk checklist to a home workspace, meeting all items of the checklist.',
      '      outcome: Data-handling incidents by remote agents fall from 9 to 3 a quarter by the end of 2027.',
      `  unmeasured: ${UNMEASURED_LABEL}`,
      '    outcome: Course completion reaches 95% by June (LO7).',
      '    outcome: Satisfaction scores rise.',
    ]);
  });

  test('objectives describe their Bloom level, "vague" or "no verb", with an explicit ID first', () => {
    const objectives = [...walk(tree)].filter((n): n is ObjectiveNode => n.kind === 'objective');
    assert.deepEqual(
      objectives.map((o) => o.description),
      ['LO1.1 · apply', 'LO1.2 · vague', 'apply', 'apply', 'apply'],
    );
    const { entries: noVerb } = load({
      'x.md': '## Objectives\n\n- Git worktrees instead of branches.\n',
    });
    const [file] = buildTree(noVerb, { problemsOnly: false, findingsFor: () => [] });
    assert.equal(file!.children[0]!.kind, 'objective');
    assert.equal(file!.children[0]!.description, 'no verb');
  });

  test('implied links (section scope) are described as implied, with the Kirkpatrick level', () => {
    const module2 = tree[0]!.children.find((n) => n.label === 'Module 2: Data')!;
    const outcome = module2.children[0]!.children[0] as OutcomeNode;
    assert.equal(outcome.kind, 'outcome');
    assert.equal(outcome.link?.implied, true);
    assert.equal(outcome.link?.via, 'scope');
    assert.match(outcome.description, /^implied( · Kirkpatrick \d)?$/);
    assert.match(outcome.tooltip, /Linked by section scope \(implied\)/);
    const nested = tree[0]!.children[0]!.children[0]!.children[0] as OutcomeNode;
    assert.equal(nested.link?.implied, false);
    assert.doesNotMatch(nested.description, /implied/);
    assert.match(nested.description, /Kirkpatrick 4/);
  });

  test('each node has its findings: status, icon severity and tooltip with rule links', () => {
    const vague = [...walk(tree)].find(
      (n): n is ObjectiveNode => n.kind === 'objective' && n.objective.id === 'LO1.2',
    )!;
    const rules = vague.findings.map((f) => f.rule).sort();
    assert.ok(rules.includes('vague-verb'), rules.join());
    assert.equal(vague.status, 'warning');
    assert.match(
      vague.tooltip,
      /\$\(warning\) \[vague-verb\]\(https:\/\/example\.test\/docs\/rules\/vague-verb\.md\): /,
    );
    assert.match(vague.tooltip, /Verb: \*understand\* \(not observable\)/);
    const good = [...walk(tree)].find(
      (n): n is ObjectiveNode => n.kind === 'objective' && n.objective.id === 'LO1.1',
    )!;
    assert.equal(good.status, 'ok');
    assert.deepEqual(good.findings, []);
    assert.match(good.tooltip, /Bloom level: \*\*apply\*\*/);
    assert.match(good.tooltip, /Criterion: in under 5 minutes/);
    const unmeasured = tree[0]!.children.at(-1)!;
    assert.equal(unmeasured.kind, 'unmeasured');
    assert.equal(unmeasured.description, '2');
    for (const o of unmeasured.children as OutcomeNode[]) {
      const rules = o.findings.map((f) => f.rule);
      // A vanity metric ("Course completion reaches 95%", "Satisfaction scores rise") is told
      // so once, not also that it measures no objective.
      const replaced = rules.includes('vanity-metric') || rules.includes('output-not-outcome');
      assert.ok(replaced !== rules.includes('orphan-outcome'), `${o.label}: ${rules.join()}`);
      assert.equal(o.link, null);
    }
  });

  test('clicking goes to the item: 1-based line and column of its text', () => {
    const lines = COURSE.split('\n');
    for (const node of walk(tree)) {
      if (node.kind !== 'objective' && node.kind !== 'outcome') continue;
      const { line, column } = node.location!;
      assert.ok(
        lines[line - 1]!.slice(column - 1).startsWith(node.label.slice(0, 10)),
        `${node.label} at ${line}:${column}`,
      );
    }
  });

  test('keys are unique, also for an outcome shown under two objectives', () => {
    const keys = [...walk(tree)].map((n) => n.key);
    assert.equal(new Set(keys).size, keys.length);
    const again = buildTree(entries, { problemsOnly: false, findingsFor });
    assert.deepEqual(
      [...walk(again)].map((n) => n.key),
      keys,
      'stable across rebuilds',
    );
  });

  test('problems only: just what has findings, with the objectives and sections that lead to it', () => {
    const problems = buildTree(entries, { problemsOnly: true, findingsFor });
    for (const node of walk(problems)) {
      if (node.kind === 'objective' || node.kind === 'outcome') {
        assert.ok(node.status !== 'ok' || node.children.length > 0, node.label);
      } else {
        assert.ok(node.children.length > 0, node.label);
      }
    }
    const labels = [...walk(problems)].map((n) => n.label);
    assert.ok(labels.includes('Understand how to configure the VPN client.'));
    assert.ok(!labels.includes('Module 2: Data'), 'a section where everything passes goes');
    assert.ok(labels.includes(UNMEASURED_LABEL));
    // A file with no findings at all leaves nothing to show.
    const clean = load({
      'ok.md':
        '## Objectives\n\n- **LO1:** Configure the VPN client in under 10 minutes.\n  - Outcome: VPN tickets fall from 120 to 40 a month within 90 days.\n',
    });
    assert.equal(
      buildTree(clean.entries, { problemsOnly: false, findingsFor: clean.findingsFor }).length,
      1,
    );
    assert.deepEqual(
      buildTree(clean.entries, { problemsOnly: true, findingsFor: clean.findingsFor }),
      [],
    );
  });

  test('files that are not outlines get no node', () => {
    const { entries: readme } = load({ 'README.md': '# Notes\n\nJust text.\n' });
    assert.deepEqual(buildTree(readme, { problemsOnly: false, findingsFor: () => [] }), []);
  });
});

describe('tree model: structure', () => {
  test('sub-objectives sit under their objective; deeper headings nest', () => {
    const { entries, findingsFor } = load({
      'nested.md': `# Course

## Module 1

### Lesson A

#### Part i

## Objectives

- **LO1:** Secure a work laptop for use at home, meeting the checklist.
  - Encrypt the laptop's disk with the company tool without assistance.
  - Store the laptop out of sight when away from it, in 5 of 5 spot checks.
`,
    });
    const lines = show(buildTree(entries, { problemsOnly: false, findingsFor })).map((l) =>
      l.replace(/ \[[^\]]*\]$/, ''),
    );
    assert.deepEqual(lines.slice(0, 1), ['file: Course']);
    const lo1 = lines.findIndex((l) => l.includes('Secure a work laptop'));
    assert.ok(lo1 > 0, lines.join('\n'));
    const indent = (l: string) => l.length - l.trimStart().length;
    assert.ok(indent(lines[lo1 + 1]!) > indent(lines[lo1]!), 'sub-objective is nested');
    assert.match(lines[lo1 + 1]!, /objective: Encrypt the laptop's disk/);
    assert.match(lines[lo1 + 2]!, /objective: Store the laptop/);
    assert.ok(!lines.some((l) => l.includes('Part i')), 'sections without objectives are left out');
  });

  test('several top-level sections without a course heading are shown as sections', () => {
    const { entries, findingsFor } = load({
      'two.md': `## Module A

### Objectives

- Configure the VPN client in under 10 minutes.

## Module B

### Objectives

- Explain the password policy in at most 100 words.
`,
    });
    const [file] = buildTree(entries, { problemsOnly: false, findingsFor });
    assert.equal(file!.label, 'two.md', 'no title: the file name');
    assert.deepEqual(
      file!.children.map((c) => `${c.kind}: ${c.label}`),
      ['section: Module A', 'section: Module B'],
    );
  });

  test('links to outcomes in other files use the loaded file, or stand alone when it is not loaded', () => {
    const files = {
      'a.md':
        '## Success measures\n\n- VPN tickets fall from 120 to 40 a month within 90 days (LO1).\n',
      'b.md': '## Objectives\n\n- **LO1:** Configure the VPN client in under 10 minutes.\n',
    };
    const both = load(files);
    const tree = buildTree(both.entries, { problemsOnly: false, findingsFor: both.findingsFor });
    const b = tree.find((f) => f.filePath === 'b.md')!;
    const link = b.children[0]!.children[0] as OutcomeNode;
    assert.equal(link.kind, 'outcome');
    assert.equal(
      link.outcome?.text,
      'VPN tickets fall from 120 to 40 a month within 90 days (LO1).',
    );
    assert.equal(link.location?.uri, 'file:///course/a.md');
    assert.match(link.description, /a\.md/);
    // Only b.md loaded (the "current file" mode): the link shows the ID and the file.
    const only = buildTree(
      both.entries.filter((e) => e.filePath === 'b.md'),
      { problemsOnly: false, findingsFor: both.findingsFor },
    );
    const alone = only[0]!.children[0]!.children[0] as OutcomeNode;
    assert.equal(alone.outcome, null);
    assert.equal(alone.location, null);
    assert.match(alone.tooltip, /not loaded/);
  });

  test('the workspace path goes into the file description', () => {
    const { entries, findingsFor } = load({ 'course.md': COURSE });
    const [file] = buildTree(entries, {
      problemsOnly: false,
      findingsFor,
      describePath: () => 'courses/course.md',
    });
    assert.match(file!.description, /^courses\/course\.md · workplace · \d+ findings$/);
  });
});

describe('tree model helpers', () => {
  test('a finding belongs to the innermost item whose lines it starts on', () => {
    const f = (line: number): Finding => ({
      line,
      endLine: line,
      severity: 'warning',
      message: '',
      rule: null,
      href: null,
    });
    const items = [
      { line: 3, endLine: 5 },
      { line: 5, endLine: 6 },
      { line: 9, endLine: 9 },
    ];
    const got = findingsByItem(items, [f(3), f(4), f(5), f(6), f(7), f(9)]);
    assert.deepEqual(
      got.map((list) => list.map((x) => x.line)),
      [[3, 4], [5, 6], [9]],
    );
  });

  test('tooltip text cannot inject Markdown or icons', () => {
    assert.equal(
      escapeMarkdown('Use $(zap) *bold* [x](y)'),
      'Use \\$\\(zap\\) \\*bold\\* \\[x\\]\\(y\\)',
    );
  });
});

describe('an open notebook', () => {
  // As the language server gives it: one entry for the notebook, each item naming its cell
  // (inCells), and the findings published on each cell's URI in the cell's own lines.
  const cells = [
    {
      uri: 'vscode-notebook-cell:/course/dates.ipynb#a',
      text: '# Dates\n\n## Learning objectives\n',
    },
    {
      uri: 'vscode-notebook-cell:/course/dates.ipynb#b',
      text: '- Convert a timestamp to UTC within 2 minutes\n- Understand time zones',
    },
  ];
  const layout = new CellLayout(cells);
  const ws = new Workspace();
  ws.update('/course/dates.ipynb', layout.text);
  const outline = ws.get('/course/dates.ipynb')!;
  const entry: OutlineEntry = {
    ...inCells(ws.outlineJson('/course/dates.ipynb'), outline, layout),
    uri: 'file:///course/dates.ipynb',
  };
  const byCell = new Map<string, Finding[]>();
  for (const f of ws.lint('/course/dates.ipynb')) {
    const at = layout.locate(f.span)!;
    byCell.set(at.uri, [
      ...(byCell.get(at.uri) ?? []),
      {
        line: at.range.start.line + 1,
        endLine: at.range.end.line + 1,
        severity: f.severity,
        message: f.message,
        rule: f.ruleId,
        href: null,
      },
    ]);
  }

  test("items take the findings of their cell, and reveal there, in the cell's lines", () => {
    const [file] = buildTree([entry], {
      problemsOnly: false,
      findingsFor: (uri) => byCell.get(uri) ?? [],
    });
    const objectives = [...walk([file!])].filter((n): n is ObjectiveNode => n.kind === 'objective');
    assert.deepEqual(
      objectives.map((o) => [o.label, o.location?.uri, o.location?.line]),
      [
        ['Convert a timestamp to UTC within 2 minutes', cells[1]!.uri, 1],
        ['Understand time zones', cells[1]!.uri, 2],
      ],
    );
    assert.ok(objectives[1]!.findings.some((f) => f.rule === 'vague-verb'));
    assert.ok(!objectives[0]!.findings.some((f) => f.rule === 'vague-verb'));
    assert.equal(file!.findingCount, [...byCell.values()].flat().length);
  });
});

const EPISODE = `---
title: Loops
teaching: 10
exercises: 10
---

::: objectives

- Write a \`for\` loop that sums a list without errors.
- Explain what the loop variable holds, in one sentence.

:::

## Practice

::: challenge

## Powers

Write a loop that computes 5 ** 3.

:::

## Grading

- Weekly quiz: 10%
`;

describe('tree model: assessments and the course kind', () => {
  const { entries, findingsFor } = load({ 'episode.md': EPISODE });
  const tree = buildTree(entries, { problemsOnly: false, findingsFor });
  const nodes = [...walk(tree)];

  test('objective > assessments that check it, with the level each asks for, implied marked', () => {
    assert.deepEqual(show(tree), [
      'file: Loops [workshop · 1 finding]',
      '  objective: Write a for loop that sums a list without errors. [apply]',
      '    assessment: Powers [apply · implied]',
      '  objective: Explain what the loop variable holds, in one sentence. [understand]',
      '    assessment: Powers [apply · implied]',
      `  unchecked: ${UNCHECKED_LABEL} [1]`,
      '    assessment: Weekly quiz: 10% [level not read]',
    ]);
    const powers = nodes.find((n): n is AssessmentNode => n.kind === 'assessment')!;
    assert.match(powers.tooltip, /Asks for: \*\*apply\*\* \(the task \*Write a loop/);
    assert.match(powers.tooltip, /Linked by section scope \(implied\)/);
    assert.equal(powers.location!.line, 18, 'the challenge title, 1-based');
    const keys = nodes.map((n) => n.key);
    assert.equal(new Set(keys).size, keys.length, 'an assessment under two objectives: two keys');
  });

  test('the file says the kind and why; objectives say what checks them, not what measures them', () => {
    const file = tree[0] as FileNode;
    assert.match(file.tooltip, /Kind: \*\*workshop\*\*, read from the outline: Carpentries/);
    assert.match(file.tooltip, /2 objectives, 0 outcomes, 2 assessments/);
    const objective = nodes.find((n): n is ObjectiveNode => n.kind === 'objective')!;
    assert.match(objective.tooltip, /Checked by 1 assessment, highest: \*\*apply\*\* \(implied/);
    assert.doesNotMatch(objective.tooltip, /Measured by/, 'a lesson expects no outcome');
  });

  test('a workplace course still says what measures each objective', () => {
    const workplace = load({ 'course.md': COURSE });
    const objective = [
      ...walk(
        buildTree(workplace.entries, { problemsOnly: false, findingsFor: workplace.findingsFor }),
      ),
    ].find((n): n is ObjectiveNode => n.kind === 'objective')!;
    assert.match(objective.tooltip, /Measured by 2 outcomes/);
    assert.doesNotMatch(objective.tooltip, /Checked by/, 'no assessments in this course');
  });
});
