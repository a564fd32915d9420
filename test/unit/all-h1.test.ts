// A lesson or syllabus written all in H1s (every heading `#`) reads as one written with a title
// and H2 sections (field trial of 4 Dec 2026, #8): the first heading is the title, the others
// its sections, and a heading that only names a block gives it to the title's section.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildOutline } from '../../server/src/core/index.js';

const LESSON = `# Lesson 3: Loops

# Learning objectives

- Write a for loop that sums a list
- Explain when a while loop ends

# Content

Loops repeat a block of code.

# Exercises

1. Write a loop that prints the numbers 1 to 10.
`;

test('an all-H1 lesson: the first heading is its title, the others its sections', () => {
  const all = buildOutline(LESSON, 'loops.md');
  const h2 = buildOutline(LESSON.replace(/^# (?!Lesson)/gm, '## '), 'loops.md');
  assert.equal(all.title, 'Lesson 3: Loops');
  const shape = (o: typeof all) => ({
    title: o.title,
    sections: o.sections.map((s) => [s.title, s.parent]),
    objectives: o.objectives.map((x) => [x.id, x.section]),
    assessments: o.assessments.map((x) => [x.id, x.section]),
  });
  assert.deepEqual(shape(all), shape(h2));
});

test('a file with one H1 and sections of other levels is read as before', () => {
  const text = '# Course\n\n## Objectives\n\n- Write a loop\n\n# Appendix\n\nNotes.\n\n## More\n';
  const o = buildOutline(text, 'c.md');
  // Two H1s and H2s as well: not all H1, so no title is read from the first.
  assert.equal(o.title, null);
});

test('H1s that are peers ("# Week 1", "# Week 2") are not a title and its sections', () => {
  const text =
    '# Week 1: Introduction\n\n# Objectives\n\n- Install R\n\n# Week 2: Data\n\n# Objectives\n\n- Import a CSV file\n';
  const o = buildOutline(text, 'weeks.md');
  assert.equal(o.title, null);
  assert.deepEqual(
    o.sections.slice(1).map((s) => s.depth),
    [1, 1],
  );
});
