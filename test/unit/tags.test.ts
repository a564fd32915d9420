// Tags (workspace.ts, linkTags): codes of a framework that no item defines, written as
// references by objectives and assessments ("(K3)", "mapped to S2 and S5": an apprenticeship's
// knowledge, skills and behaviours). An assessment that names a tag checks the objectives that
// name it (an implied link, via "tag"); a tag is not an unknown reference. A code with the
// letters of an objective's ID ("LO7"), or named only once, stays what it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace, resolveConfig } from '../../server/src/core/index.js';

function lint(text: string) {
  const config = resolveConfig({}).config;
  const ws = new Workspace(config);
  ws.update('module.md', text, config);
  const outline = ws.get('module.md')!;
  const findings = ws.lint('module.md');
  return {
    outline,
    rules: findings.map((f) => `${f.ruleId}@${text.slice(f.span.start, f.span.end)}`),
  };
}

const OBJECTIVES = [
  '# Module 4',
  '',
  '## Learning objectives',
  '',
  '1. Explain the six lawful bases of GDPR, naming each without error (K3).',
  '2. Convert a CSV export into the reporting format without losing rows (S5).',
  '3. Import data from two source systems without losing a record (S2, B2).',
  '',
  '## Assessment',
  '',
].join('\n');

test('evidence mapped to KSB codes checks the objectives that carry them', () => {
  const { outline, rules } = lint(
    OBJECTIVES +
      '- Portfolio evidence: a data migration log, mapped to S2 and S5.\n' +
      '- Professional discussion with the assessor covering K3 and B2.\n',
  );
  assert.deepEqual(
    outline.objectives.map((o) => o.assessments.map((l) => `${l.id} ${l.via} ${l.implied}`)),
    [
      ['assessment#assessment-2 tag true'],
      ['assessment#assessment-1 tag true'],
      ['assessment#assessment-1 tag true', 'assessment#assessment-2 tag true'],
    ],
  );
  assert.deepEqual(
    rules.filter((r) => /reference|unassessed/.test(r)),
    [],
  );
});

test('a code named once, with nothing defining it, is still an unknown reference', () => {
  const { rules } = lint(OBJECTIVES + '- Portfolio evidence, mapped to S9.\n');
  assert.ok(rules.includes('unknown-reference@S9'), rules.join('\n'));
});

test('a code defined in a table of the file is a tag even when one item names it', () => {
  const { rules } = lint(
    OBJECTIVES.replace(
      '## Assessment',
      '## Skills covered\n\n| Ref | Statement |\n| --- | --- |\n| S9 | Validates data. |\n\n## Assessment',
    ) + '- Portfolio evidence, mapped to S9.\n',
  );
  assert.ok(!rules.some((r) => r.startsWith('unknown-reference')), rules.join('\n'));
});

test('an objective\'s code ("LO7") named twice stays a broken reference, not a tag', () => {
  const { outline, rules } = lint(
    OBJECTIVES + '- Quiz 1, mapped to LO7.\n- Quiz 2, mapped to LO7.\n',
  );
  assert.equal(rules.filter((r) => r === 'unknown-reference@LO7').length, 2, rules.join('\n'));
  assert.ok(outline.objectives.every((o) => o.assessments.every((l) => l.via !== 'tag')));
});

test("codes that the outline's own IDs use are references, resolved or broken", () => {
  const { outline, rules } = lint(
    [
      '## Objectives',
      '',
      '- K1: Explain the lawful bases of GDPR without error.',
      '',
      '## Assessment',
      '',
      '- Quiz, mapped to K1.',
      '- Essay, mapped to K2.',
      '- Viva, mapped to K2.',
    ].join('\n'),
  );
  assert.deepEqual(
    outline.objectives[0]!.assessments.map((l) => l.via),
    ['reference'],
  );
  assert.equal(rules.filter((r) => r === 'unknown-reference@K2').length, 2, rules.join('\n'));
});
