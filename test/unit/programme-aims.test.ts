// A programme's aims under a heading that names objectives (readers/lists.ts, mostlyAims): "To"
// and a verb whose object is the learners. Read in linear time on long runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from './fixture-helpers.js';

function read(items: string[]): { objectives: number; unread: string[] } {
  const text = ['# Programme', '', '## Objectives', '', ...items.map((i) => `- ${i}`), ''].join(
    '\n',
  );
  const o = lintText(text, 'p.md').ws.get('p.md')!;
  return { objectives: o.objectives.length, unread: o.unread.map((u) => u.found) };
}

test('most items aims for the trainees: none read, the heading told what stands under it', () => {
  const r = read([
    'To have trainees apply their academy learning',
    'To prepare trainees to solve problems with the community',
    'To design fair evaluations',
  ]);
  assert.equal(r.objectives, 0);
  assert.equal(r.unread.length, 1);
  assert.match(r.unread[0]!, /programme's aims/);
});

test('most items learner statements with "To": all read', () => {
  assert.equal(
    read([
      'To describe the stages of mitosis',
      'To compare mitosis and meiosis',
      'To provide students with practice',
    ]).objectives,
    3,
  );
});

test('long runs are read in linear time', () => {
  for (const filler of [' '.repeat(100_000), 'the '.repeat(30_000), "trainees' ".repeat(20_000)]) {
    const t0 = performance.now();
    read([`To have${filler}trainees apply`, `To${filler}x`, `to help the ${filler}`]);
    assert.ok(performance.now() - t0 < 3000, filler.slice(0, 8));
  }
});
