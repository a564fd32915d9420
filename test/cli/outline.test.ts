// `bloomline outline`: the model as JSON (the INTERFACES.md fields) and as a readable tree.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOneErrorLine, project, run } from './helpers.js';

const LINKED = [
  '# VPN access',
  '',
  '## Learning objectives',
  '',
  '- **LO1** Configure the VPN client within 10 minutes',
  '- Understand how to rotate the VPN keys',
  '',
  '## Outcomes',
  '',
  '- **OC1** Reduce VPN support tickets by 30% within two quarters (LO1)',
  '',
].join('\n');

const IMPLIED = [
  '# Git basics',
  '',
  '## Objectives',
  '',
  '- Commit changes with a message',
  '',
  '## Outcomes',
  '',
  '- Cut broken builds by 50% within 3 months',
  '',
].join('\n');

interface Json {
  filePath: string;
  title: string | null;
  sections: unknown[];
  objectives: Record<string, unknown>[];
  outcomes: Record<string, unknown>[];
}

/** The documented part of each link (entries may carry more, such as `via`). */
function links(value: unknown): { id: unknown; implied: unknown }[] {
  assert.ok(Array.isArray(value));
  return (value as { id: unknown; implied: unknown }[]).map(({ id, implied }) => ({ id, implied }));
}

test('outline --format json: one entry per file named, with the documented fields', (t) => {
  const dir = project(t, { 'course.md': LINKED, 'README.md': '# Notes\n\nNothing to see.\n' });
  const r = run(['outline', 'course.md', 'README.md', '--format', 'json'], dir);
  assert.equal(r.status, 0, r.stderr);
  const entries = JSON.parse(r.stdout) as Json[];
  assert.equal(entries.length, 2, 'README.md is named: it has its entry, empty');
  const entry = entries.find((e) => e.filePath === 'course.md');
  const readme = entries.find((e) => e.filePath === 'README.md');
  assert.equal(readme!.title, 'Notes');
  assert.deepEqual([readme!.objectives, readme!.outcomes], [[], []]);
  assert.equal(entry!.filePath, 'course.md');
  assert.equal(entry!.title, 'VPN access');
  assert.ok(Array.isArray(entry!.sections));
  assert.equal(entry!.objectives.length, 2);
  const [lo1, vague] = entry!.objectives;
  for (const key of [
    'id',
    'explicitId',
    'text',
    'line',
    'section',
    'verb',
    'level',
    'vague',
    'criterion',
    'outcomes',
  ]) {
    assert.ok(key in lo1!, `objective has ${key}`);
  }
  assert.equal(lo1!.id, 'LO1');
  assert.equal(lo1!.explicitId, true);
  assert.equal(lo1!.text, 'Configure the VPN client within 10 minutes');
  assert.equal(lo1!.line, 5);
  assert.equal(lo1!.verb, 'configure');
  assert.ok(
    ['remember', 'understand', 'apply', 'analyze', 'evaluate', 'create'].includes(
      lo1!.level as string,
    ),
  );
  assert.equal(lo1!.vague, false);
  assert.deepEqual(links(lo1!.outcomes), [{ id: 'OC1', implied: false }]);
  assert.equal(vague!.explicitId, false);
  assert.equal(vague!.vague, true);
  // "Understand how to rotate": vague, at the level of the behaviour it names (issue 12).
  assert.equal(vague!.level, 'apply');
  assert.deepEqual(vague!.behaviours, [
    {
      verb: 'rotate',
      level: 'apply',
      vague: true,
      vaguePhrase: 'understand',
      meantLevel: null,
      known: true,
      line: 6,
      column: 3,
    },
  ]);
  assert.equal(vague!.condition, null);
  assert.deepEqual(lo1!.behaviours, [
    {
      verb: 'configure',
      level: 'apply',
      vague: false,
      vaguePhrase: null,
      meantLevel: null,
      known: true,
      line: 5,
      column: 11,
    },
  ]);
  const [oc1] = entry!.outcomes;
  for (const key of [
    'id',
    'explicitId',
    'text',
    'line',
    'section',
    'objectives',
    'target',
    'timeframe',
    'vanity',
    'kirkpatrick',
  ]) {
    assert.ok(key in oc1!, `outcome has ${key}`);
  }
  assert.equal(oc1!.id, 'OC1');
  assert.deepEqual(links(oc1!.objectives), [{ id: 'LO1', implied: false }]);
  assert.equal(oc1!.vanity, false);
});

test('outline --format tree: file, sections, objectives with level, linked outcomes', (t) => {
  const dir = project(t, { 'course.md': LINKED, 'git.md': IMPLIED });
  const r = run(['outline', 'course.md', 'git.md'], dir);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.match(lines[0]!, /^course\.md\b.*VPN access/);
  const lo1 = lines.findIndex((l) =>
    /LO1 \[(remember|understand|apply|analyze|evaluate|create)\] Configure the VPN client/.test(l),
  );
  assert.ok(lo1 > 0, r.stdout);
  assert.match(lines[lo1 + 1]!, /OC1$/, 'the outcome measuring LO1 stands under it');
  assert.ok(
    lines.some((l) => /\[vague\] Understand how to rotate the VPN keys/.test(l)),
    r.stdout,
  );
  const git = lines.findIndex((l) => /^git\.md\b/.test(l));
  assert.ok(git > lo1, 'files in order');
  assert.ok(
    lines.slice(git).some((l) => /\(implied\)$/.test(l)),
    'section-scope links are shown as implied',
  );
});

test('outline on a file that does not exist: one line, exit 2', (t) => {
  const dir = project(t, {});
  const r = run(['outline', 'nope.md'], dir);
  assert.equal(r.status, 2);
  assertOneErrorLine(r.stderr, /nope\.md/);
});
