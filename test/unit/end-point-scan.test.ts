// Whether an outline speaks of an apprenticeship's end-point assessment decides what its "EPA"
// headings name (plan.ts). After an edit of a plain parse's text, that is counted only around
// what the edit changed (endPointsAfterEdit, from the last build's count): random edits of
// random texts made of the pattern's pieces must give the count of the whole text, and edits
// that make and unmake the phrase in a long outline with EPA headings must read as a fresh build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../server/src/core/index.js';
import { endPointsAfterEdit, endPointsIn } from '../../server/src/core/recognise/plan.js';
import { mulberry32 } from '../support/random.js';

const PIECES = ['end', 'End', 'END', '-', ' ', 'point', 'POINT', 'assessment', 's', 'x', '_', '\n'];
PIECES.push('\u00e9', '1', 'end-point assessment', 'endpoint-assessments', '\uD83D\uDE00');

function randomText(next: () => number, pieces: number): string {
  let text = '';
  for (let i = 0; i < pieces; i++) text += PIECES[Math.floor(next() * PIECES.length)]!;
  return text;
}

/** The code units two texts share at the start and the end, not overlapping (textChange). */
function shared(old: string, text: string): { prefix: number; suffix: number } {
  const max = Math.min(old.length, text.length);
  let prefix = 0;
  while (prefix < max && old[prefix] === text[prefix]) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && old[old.length - 1 - suffix] === text[text.length - 1 - suffix])
    suffix++;
  return { prefix, suffix };
}

test('the end-point count after an edit is the count of the whole text', () => {
  const next = mulberry32(15);
  let changed = 0;
  for (let round = 0; round < 4000; round++) {
    const bom = next() < 0.2 ? '\uFEFF' : '';
    let text = randomText(next, 5 + Math.floor(next() * 30));
    let count = endPointsIn(bom + text);
    for (let edit = 0; edit < 6; edit++) {
      // Insert, delete or replace a few pieces or code units anywhere, ends included.
      const at = Math.floor(next() * (text.length + 1));
      const cut = next() < 0.5 ? 0 : Math.floor(next() * 12);
      const edited =
        text.slice(0, at) + randomText(next, Math.floor(next() * 3)) + text.slice(at + cut);
      const { prefix, suffix } = shared(text, edited);
      const after = endPointsAfterEdit(count, text, bom + edited, bom.length, prefix, suffix);
      const whole = endPointsIn(bom + edited);
      assert.equal(after, whole, `${JSON.stringify(text)} -> ${JSON.stringify(edited)}`);
      if (whole !== count) changed++;
      text = edited;
      count = after;
    }
  }
  assert.ok(changed > 500, `edits that change the count: ${changed}`);
});

test('edits that make and unmake "end-point assessment" in a long outline read as a fresh build', () => {
  // EPA headings name an apprenticeship's assessment methods only where the outline speaks of its
  // end-point assessment; the phrase is typed and deleted letter by letter far from them.
  const module = (n: number) =>
    [
      `## Module ${n}`,
      '',
      'By the end of the module apprentices will be able to:',
      '',
      ...Array.from(
        { length: 10 },
        (_, i) => `- Explain the stage ${n}.${i} of the absence policy (K${i}). Assessed in EPA 1.`,
      ),
      '',
    ].join('\n');
  const epa = [
    '## Assessment',
    '',
    '### EPA 1: Presentation with questions',
    '',
    'The apprentice presents a workplace project to the assessor.',
    '',
  ].join('\n');
  const fresh = (text: string) => {
    const ws = new Workspace();
    ws.update('doc.md', text);
    return { json: ws.outlineJson('doc.md'), findings: ws.lint('doc.md') };
  };
  for (const [bom, eol] of [
    ['', '\n'],
    ['\uFEFF', '\r\n'],
  ] as const) {
    const head = '# Team leader apprenticeship\n\nIt prepares for the ';
    const tail = `.\n\n${Array.from({ length: 3 }, (_, i) => module(i + 1)).join('\n')}\n${epa}`;
    const phrase = 'end-point assessment';
    const texts: string[] = [];
    // Typed letter by letter, then deleted from the front, then "endpoint" made and unmade.
    for (let k = 0; k <= phrase.length; k++) texts.push(head + phrase.slice(0, k) + tail);
    for (let k = 1; k <= phrase.length; k++) texts.push(head + phrase.slice(k) + tail);
    texts.push(head + 'end-point assessment' + tail, head + 'endpoint assessment' + tail);
    texts.push(head + 'endpoint assessmentx' + tail, head + 'end-point assessments' + tail);
    texts.push(head + 'xend-point assessments' + tail, head + 'x end-point assessments' + tail);
    const ws = new Workspace(undefined, { reuseFindings: true });
    let epaMethods = 0;
    texts.forEach((plain, i) => {
      const text = bom + plain.replace(/\n/g, eol);
      ws.update('doc.md', text);
      const expected = fresh(text);
      const where = `after step ${i} (${JSON.stringify(eol)})`;
      assert.deepEqual(ws.outlineJson('doc.md'), expected.json, `outline JSON differs ${where}`);
      assert.deepEqual(ws.lint('doc.md'), expected.findings, `findings differ ${where}`);
      if (ws.get('doc.md')!.assessments.some((a) => a.id === 'EPA1')) epaMethods++;
    });
    // Both readings occur: the test sees the phrase come and go.
    assert.ok(
      epaMethods > 3 && epaMethods < texts.length - 3,
      `EPA 1 an assessment in ${epaMethods} of ${texts.length}`,
    );
  }
});
