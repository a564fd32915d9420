// "Students will understand that ..." (Understanding by Design's Stage 1, and syllabi written
// the same way): each item under the lead-in is a proposition the verb takes with "that", not
// an objective with a verb of its own. Its first word is a noun ("Changes to one population
// ripple through a food web"), never the behaviour; its numbers are content, not a degree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace, buildOutline, fixFile } from '../../server/src/core/index.js';
import { configOf, lintText } from './fixture-helpers.js';

const UNIT = [
  '# Unit: Ecosystems',
  '',
  '## Understandings',
  '',
  'Students will understand that...',
  '',
  '- Changes to one population ripple through a food web.',
  '- Plants store energy that animals release.',
  '- Learning about food webs helps us protect habitats.',
  '',
  '## Students will know...',
  '',
  '- The roles of producers, consumers and decomposers.',
  '- That only about 10% of energy passes from one trophic level to the next.',
  '',
].join('\n');

test('items under "understand that" take the lead-in\'s verb, not their first word', () => {
  const o = buildOutline(UNIT, 'unit.md').objectives;
  const clauses = o.slice(0, 3);
  assert.equal(clauses.length, 3);
  for (const x of clauses) {
    assert.equal(x.analysis.vaguePhrase?.key, 'understand', x.text);
    assert.equal(x.analysis.verbFromLeadIn, true, x.text);
    assert.equal(x.analysis.level, null, x.text);
    assert.equal(x.analysis.behaviours.length, 1, x.text);
  }
});

test('an item that starts with "That" under a carried verb is a proposition too', () => {
  const o = buildOutline(UNIT, 'unit.md').objectives;
  const that = o.find((x) => x.text.startsWith('That only'))!;
  assert.equal(that.analysis.vaguePhrase?.key, 'know');
  assert.equal(that.analysis.verbFromLeadIn, true);
  // "10% of energy" is what is known, not how well.
  assert.equal(that.analysis.criterion, null);
});

test('the only vague finding is the lead-in\'s; a proposition\'s "Learning" is not a verb', () => {
  const text = `<!-- config: {"rules": {"missing-criterion": "off"}} -->\n${UNIT}`;
  const { findings } = lintText(text, 'unit.md');
  const vague = findings.filter((f) => f.ruleId === 'vague-verb');
  assert.deepEqual(
    vague.map((f) => text.slice(f.span.start, f.span.end)),
    ['understand', 'know'],
  );
});

test("the lead-in's fix writes each proposition as a clause of the new verb, in lower case", () => {
  const ws = new Workspace(configOf(''));
  ws.update('unit.md', UNIT);
  const { text } = fixFile(ws, 'unit.md');
  const lines = text.split('\n');
  // A common noun the outline writes in lower case elsewhere ("energy", "learning") loses its
  // capital after "that"; the lead-in's "that" is the clause's.
  assert.ok(lines.includes('Students will be able to...'), text);
  assert.ok(
    lines.includes('- Explain that changes to one population ripple through a food web.'),
    text,
  );
  assert.ok(lines.includes('- Explain that plants store energy that animals release.'), text);
  // "That only about 10% ...": its own "That" is the clause's, not a word to keep after a verb.
  assert.ok(
    lines.some((l) => /^- [A-Z][a-z]+ that only about 10% of energy passes/.test(l)),
    text,
  );
  assert.ok(!/\b[A-Z][a-z]+ That\b/.test(text), text);
});

test('a name keeps its capital after "that"', () => {
  const text = [
    '## Understandings',
    '',
    'Students will understand that:',
    '',
    '- Python reads a file line by line.',
    '- Newton described motion with three laws.',
    '',
  ].join('\n');
  const ws = new Workspace(configOf(''));
  ws.update('n.md', text);
  const fixed = fixFile(ws, 'n.md').text;
  assert.match(fixed, /- Explain that Python reads/);
  assert.match(fixed, /- Explain that Newton described/);
});
