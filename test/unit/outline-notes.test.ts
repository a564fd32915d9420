// The passes after the outline's build (linking, section scope, the success criteria's mark)
// read what the builder noted of each item as it placed it (recognise/noted.ts), instead of
// visiting every item again, and an outline just built is linked without its links being cleared
// (the builder left them empty). The oracle: a workspace of files analysed once (no notes: every
// pass visits the items, as for a closed or declined file), given the same texts. After random
// edits of one file, and changes of a second file that links with it (so that the first is
// linked again without being built again: its links cleared item by item), both files'
// outline models, links included, their JSON and their findings must be the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Workspace, type Outline } from '../../server/src/core/index.js';
import { notesOf } from '../../server/src/core/recognise/noted.js';
import { mulberry32 } from '../support/random.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const example = readFileSync(`${root}examples/course-outline.md`, 'utf8');

/** The example several times over, its modules and IDs renumbered: long enough to be parsed in
 * pieces, so that most items are placed again after an edit. */
function examples(copies: number): string {
  const parts: string[] = [];
  for (let k = 0; k < copies; k++)
    parts.push(
      (k ? example.replace(/^# .*\n/, '') : example)
        .replace(/Module (\d)/g, (_, n: string) => `Module ${k * 3 + Number(n)}`)
        .replace(/LO(\d)\./g, (_, n: string) => `LO${k * 3 + Number(n)}.`),
    );
  parts.push(RUNBOOKS);
  return parts.join('\n');
}

/** A module whose outcome has an ID an objective names, and one whose outcomes measure the
 * objectives of their section (section scope). */
const RUNBOOKS = `## Module 50: Runbooks

### Learning objectives

- **LO50.1:** Explain the runbook to a colleague within 10 minutes (KPI7).
- **LO50.2:** Describe the escalation rota.

### Success measures

- **KPI7:** Incidents resolved from the runbook rise from 20% to 60% by Q3 2027.

## Module 51: Drills

### Learning objectives

- Run a restore drill from the backup in under 30 minutes.
- Compare two restore plans for a lost laptop.

### Success measures

- Restores that meet their deadline rise from 50% to 90% by Q4 2027.

## Module 52: Review

### Learning objectives

- **LO52.1:** Explain the incident timeline to a new colleague within 10 minutes.
- **LO52.2:** Describe the post-incident review.
- **LO52.1:** Compare two incident reports.

### Assessment

- Quiz: write the timeline of a sample incident (LO52.1, LO52.9).
`;

const LINES = [
  '',
  '- Explain the incident process to a new colleague within 10 minutes',
  '- Understand the VPN client',
  '- **LO42:** Configure a firewall rule without assistance',
  '- Outcome: tickets fall from 40 to 10 within 90 days (LO1.1)',
  '  - Outcome: tickets fall from 10 to 5 by Q2',
  '  - Assessed by: the sandbox quiz (LO2.1)',
  '## Success criteria',
  '- I can use the VPN client from home without help.',
  '## Learning intentions',
  '- To recognise a phishing email.',
  '## Assessments',
  '- Quiz: classify 10 emails (LO2.1, LO2.3)',
  '### Exercises',
  '## Module 99: Extra',
  '**LO5:** Compare two backup tools (see LO1.2)',
  '- **M1:** Tickets fall from 40 to 10 within 90 days',
  '- **ILO3:** Explain the marking scheme to a peer within 10 minutes',
  '- **LO43:** Explain the runbook to a colleague (M1, FM2)',
  'A paragraph of prose about the lesson.',
];

const SWAPS: [RegExp, string][] = [
  [/\bExplain\b/, 'Know'],
  [/\bwithin\b/, 'later'],
  [/\blater\b/, 'within'],
  [/ (\(LO\d+\.?\d*\))/, ''],
  [/\*\*LO(\d+)(\.\d+)?:\*\* /, ''],
  [/^(\s*[-*] )(?!\*\*)/, '$1**LO77:** '],
  [/$/, ' (LO1.1)'],
  [/^## /, '### '],
];

function editLines(lines: string[], next: () => number): void {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const at = Math.floor(next() * lines.length);
  const r = next();
  if (r < 0.25) lines.splice(at, 0, pick(LINES));
  else if (r < 0.4) lines.splice(at, 1 + Math.floor(next() * 2));
  else if (r < 0.8) {
    const [re, to] = pick(SWAPS);
    lines[at] = (lines[at] ?? '').replace(re, to);
  } else {
    const l = lines[at] ?? '';
    const c = Math.floor(next() * (l.length + 1));
    lines[at] = l.slice(0, c) + pick(['e', ' ', '😀', '(LO1.2)', '- ', '  ']) + l.slice(c);
  }
}

/** The outline model, with the success criteria's mark as a boolean: an item placed again
 * keeps `false` where a new one has none (both mean the same, and no output shows the
 * difference). */
function model(outline: Outline | undefined): unknown {
  if (!outline) return outline;
  const copy = structuredClone(outline);
  for (const o of copy.objectives) o.degreeByCriteria = o.degreeByCriteria === true;
  return copy;
}

/** A second file: its own objectives and outcomes, and references into the first file. */
function other(k: number): string {
  return [
    '# Follow-up',
    '',
    '## Objectives',
    '',
    `- **FU${k}:** Explain the escalation path within 5 minutes.`,
    '- **FU2:** Describe the backup rota (KPI7).',
    '',
    '## Success measures',
    '',
    `- Escalations reach the right team in 90% of cases by Q3 (FU${k}, LO1.1).`,
    k % 2 ? '- Backup restores succeed in 95% of drills within 6 months (LO2.3).' : '',
    `- **FM${k % 3}:** Restores take under 10 minutes by Q4 (M1).`,
    '',
  ].join('\n');
}

for (const seed of [41, 42, 43, 44]) {
  test(`linking from the builder's notes equals linking every item (seed ${seed})`, () => {
    const next = mulberry32(seed);
    const ws = new Workspace(undefined, { reuseFindings: true });
    const lines = examples(4).split('\n');
    let second = other(0);
    ws.update('doc.md', lines.join('\n'));
    ws.update('other.md', second);
    ws.lint('doc.md');
    let noted = 0;
    let relinked = 0;
    for (let i = 0; i < 40; i++) {
      if (next() < 0.3) {
        // The other file changes: the first is linked again, not built again.
        second = other(i);
        ws.update('other.md', second);
        relinked++;
      } else {
        editLines(lines, next);
        ws.update('doc.md', lines.join('\n'));
        if (notesOf(ws.get('doc.md')!)) noted++;
      }
      const once = new Workspace(undefined, { once: true });
      once.update('doc.md', lines.join('\n'));
      once.update('other.md', second);
      for (const file of ['doc.md', 'other.md']) {
        assert.deepEqual(
          model(ws.get(file)),
          model(once.get(file)),
          `${file}: outline after step ${i}`,
        );
        assert.deepEqual(ws.outlineJson(file), once.outlineJson(file), `${file}: JSON, step ${i}`);
        assert.deepEqual(ws.lint(file), once.lint(file), `${file}: findings, step ${i}`);
      }
    }
    // Both ways of linking were taken.
    assert.ok(noted > 15, `outlines linked from notes: ${noted}`);
    assert.ok(relinked > 5, `outlines linked again: ${relinked}`);
  });
}

test('success criteria added and removed beside reused learning intentions, in a long outline', () => {
  // The learning intentions are placed again by the builder (the text is parsed in pieces);
  // the mark that success criteria state their degree is set and taken off all the same.
  const intentions = Array.from(
    { length: 30 },
    (_, i) => `- To separate mixture ${i + 1} by filtering and evaporating.`,
  ).join('\n');
  const bare = `${examples(4)}\n\n## Learning intentions\n\n${intentions}\n\n## Lesson sequence\n\n1. Hook\n`;
  const withCriteria = bare.replace(
    '## Lesson sequence',
    '## Success criteria\n\n- I can use a filter funnel to separate sand from water.\n\n## Lesson sequence',
  );
  const ws = new Workspace(undefined, { reuseFindings: true });
  for (const text of [bare, withCriteria, bare, withCriteria, bare]) {
    ws.update('lesson.md', text);
    const once = new Workspace(undefined, { once: true });
    once.update('lesson.md', text);
    assert.deepEqual(model(ws.get('lesson.md')), model(once.get('lesson.md')));
    assert.deepEqual(ws.lint('lesson.md'), once.lint('lesson.md'));
    const marked = ws.get('lesson.md')!.objectives.filter((o) => o.degreeByCriteria).length;
    if (text === withCriteria) assert.ok(marked > 30, `marked: ${marked}`);
    else assert.equal(marked, 0);
  }
});

test('an assessment in another file that comes and goes: the first file linked again follows', () => {
  // The first file is not built again when the second changes; whether any of its objectives
  // is checked by an assessment (unassessed-objective asks) is noted again by each linking.
  const doc = examples(4).replace(RUNBOOKS, '');
  const quiz = '# Quizzes\n\n## Assessment\n\n- Quiz: explain the VPN client set-up (LO1.1).\n';
  const none = '# Quizzes\n\nNothing yet.\n';
  const ws = new Workspace(undefined, { reuseFindings: true });
  ws.update('doc.md', doc);
  let unassessed = 0;
  for (const second of [none, quiz, none, quiz, none]) {
    ws.update('quiz.md', second);
    const once = new Workspace(undefined, { once: true });
    once.update('doc.md', doc);
    once.update('quiz.md', second);
    const got = ws.lint('doc.md');
    assert.deepEqual(got, once.lint('doc.md'));
    const n = got.filter((f) => f.ruleId === 'unassessed-objective').length;
    if (second === quiz) assert.ok(n > 10, `unassessed: ${n}`);
    else assert.equal(n, 0);
    unassessed += n;
  }
  assert.ok(notesOf(ws.get('doc.md')!));
  assert.ok(unassessed > 0);
});

test('a file analysed once has no notes; one built for edits has them', () => {
  const once = new Workspace(undefined, { once: true });
  once.update('a.md', example);
  assert.equal(notesOf(once.get('a.md')!), undefined);
  const ws = new Workspace();
  ws.update('a.md', example);
  const notes = notesOf(ws.get('a.md')!);
  assert.ok(notes);
  const outline = ws.get('a.md')!;
  assert.deepEqual(
    notes.sections,
    outline.objectives.map((o) => o.section),
  );
  assert.deepEqual(
    notes.explicit[0],
    outline.objectives.filter((o) => o.explicitId),
  );
});

test('the course kind reads academic objective IDs from the noted explicit IDs', () => {
  const text = [
    '# Data analysis',
    '',
    '## Intended learning outcomes',
    '',
    '- Describe the data pipeline.',
    '- **ILO2:** Explain a regression model to a peer.',
    '- **ILO3:** Compare two sampling methods.',
    '',
  ].join('\n');
  const ws = new Workspace(undefined, { reuseFindings: true });
  ws.update('c.md', text);
  assert.ok(notesOf(ws.get('c.md')!));
  const once = new Workspace(undefined, { once: true });
  once.update('c.md', text);
  assert.deepEqual(ws.kindOf('c.md'), once.kindOf('c.md'));
  assert.match(ws.kindOf('c.md').reason, /objective IDs such as ILO2/);
});

test('objectives in another language, placed again after edits, keep the note the file gets', () => {
  // The builder notes the objectives without a verb of their own as it places them (only they
  // may be written in another language); the reused ones' answer is kept with their paragraph's
  // memo. After each edit (above, between and below the Spanish objectives, and of them), the
  // outline with its notes equals a fresh one's.
  const spanish = [
    '## Módulo 60: Redes',
    '',
    '### Learning objectives',
    '',
    '- Comprender los conceptos básicos de la red para los usuarios',
    '- Explain the VPN client to a colleague within 10 minutes',
    '- Conocer el uso de la VPN en las oficinas de la empresa',
    '',
  ];
  const lines = [...examples(4).split('\n'), ...spanish];
  const edits: ((ls: string[]) => void)[] = [
    (ls) => ls.splice(5, 0, '- Explain the incident process to a new colleague within 10 minutes'),
    (ls) => ls.splice(5, 1),
    (ls) =>
      ls.splice(ls.length - 2, 0, '- Aplicar las reglas del cortafuegos en la red de la empresa'),
    (ls) => {
      const at = ls.indexOf('- Comprender los conceptos básicos de la red para los usuarios');
      ls[at] = '- Describe the basic concepts of the network';
    },
    (ls) => ls.splice(Math.floor(ls.length / 2), 0, 'A paragraph of prose about the lesson.', ''),
    (ls) => {
      const at = ls.indexOf('- Describe the basic concepts of the network');
      ls[at] = '- Comprender los conceptos básicos de la red para los usuarios';
    },
    (ls) => ls.splice(ls.length - 1, 0, '- Conocer las reglas de la red y de las oficinas'),
    (ls) => ls.splice(3, 0, '', '## Module 0: Start', ''),
  ];
  const ws = new Workspace(undefined, { reuseFindings: true });
  ws.update('doc.md', lines.join('\n'));
  let said = 0;
  for (const [i, edit] of edits.entries()) {
    edit(lines);
    const text = lines.join('\n');
    ws.update('doc.md', text);
    assert.ok(notesOf(ws.get('doc.md')!), 'built for edits');
    const once = new Workspace(undefined, { once: true });
    once.update('doc.md', text);
    assert.deepEqual(model(ws.get('doc.md')), model(once.get('doc.md')), `outline, edit ${i}`);
    assert.deepEqual(ws.lint('doc.md'), once.lint('doc.md'), `findings, edit ${i}`);
    if (ws.get('doc.md')!.notes.some((n) => /written in Spanish/.test(n.message))) said++;
  }
  assert.equal(said, edits.length);
});
