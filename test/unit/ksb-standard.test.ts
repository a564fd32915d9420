// An apprenticeship standard's KSBs read as objectives (plan.ts standardHeadings) keep their
// codes to their own file: a workspace that also holds another standard's module plans, whose
// objectives tag "(S5)" and whose evidence is "mapped to S5", must not find those tags broken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../server/src/core/index.js';

const standard = [
  '# Infrastructure technician (Level 3)',
  '',
  'The end-point assessment plan.',
  '',
  '## Knowledge',
  '',
  '- K1: Approaches to back up and storage solutions',
  '- K2: Understand the principles of virtual networks',
  '',
  '## Skills',
  '',
  '- S1: Install and configure hardware and software',
  '- S2: Log, track and resolve incidents',
  '',
  '## Assessment method 1: Observation with questions',
  '',
  '### Grading',
  '',
  '| KSBs | Pass |',
  '| --- | --- |',
  '| K1 S1 | Backs up data without loss (K1 S1) |',
  '| K2 S2 | Resolves incidents within policy (K2, S2) |',
  '',
].join('\n');

const module = [
  '# Data technician: Module 4',
  '',
  '## Learning objectives',
  '',
  'By the end of the module the apprentice will be able to:',
  '',
  '1. Collate data from two sources without losing a record (S5).',
  '2. Explain the obligations GDPR places on a data technician, naming all six lawful bases (K3).',
  '',
  '## Assessment',
  '',
  '- Portfolio evidence: a data migration log, mapped to S5.',
  '- Professional discussion covering K3.',
  '',
].join('\n');

test("a standard's KSB codes link in their own file and are not other files' IDs", () => {
  const ws = new Workspace();
  ws.update('standard.md', standard);
  ws.update('module4.md', module);
  const s = ws.get('standard.md')!;
  assert.deepEqual(
    s.objectives.map((o) => [o.id, o.assessments.map((l) => l.via)]),
    [
      ['K1', ['reference']],
      ['K2', ['reference']],
      ['S1', ['reference']],
      ['S2', ['reference']],
    ],
  );
  assert.deepEqual(
    ws.lint('standard.md').map((f) => f.ruleId),
    [],
  );
  // The module's codes are tags of its own standard: linked by tag, never unknown references.
  const m = ws.get('module4.md')!;
  assert.deepEqual(
    m.objectives.map((o) => o.assessments.map((l) => l.via)),
    [['tag'], ['tag']],
  );
  assert.equal(ws.lint('module4.md').filter((f) => f.ruleId === 'unknown-reference').length, 0);
});
