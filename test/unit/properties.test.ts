// Property tests (fast-check) over generated course outlines: analysis never throws and is
// fast, every span is a valid position, fixes are safe and stable, incremental analysis equals
// a whole analysis. A short run here; `npm run fuzz -- --runs N [--seed S]` runs the same
// properties for longer (RELIABILITY.md). BLOOMLINE_PROPERTY_SEED replays another seed.
// Below them, the shrunk counterexamples the properties found, kept as plain tests.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Workspace, applyEdits, fixFile } from '../../server/src/core/index.js';
import { PROPERTIES, analyse, assertAllSpans } from '../support/properties.js';

const seed = Number(process.env.BLOOMLINE_PROPERTY_SEED ?? 20261127);

for (const p of PROPERTIES) {
  test(`property ${p.name}: ${p.claim}`, () => {
    fc.assert(p.property as fc.IProperty<unknown>, { numRuns: p.testRuns, seed });
  });
}

describe('counterexamples found by the properties', () => {
  test('an edit that makes front matter appear is not re-parsed section by section', () => {
    const before =
      '\u0000\u0000---\n# a YAML comment\ntitle: T\n---\nModule 1: Getting started\n=\n';
    const after = before.slice(2);
    const ws = new Workspace();
    ws.update('doc.md', before);
    ws.update('doc.md', after);
    const fresh = analyse(after);
    assert.deepEqual(ws.outlineJson('doc.md'), fresh.ws.outlineJson('doc.md'));
    assert.deepEqual(ws.lint('doc.md'), fresh.findings);
    assert.equal(ws.get('doc.md')!.title, 'T');
    // And back: the front matter disappears again.
    ws.update('doc.md', before);
    assert.deepEqual(ws.outlineJson('doc.md'), analyse(before).ws.outlineJson('doc.md'));
  });

  test('front matter with CR line breaks: items at the right offsets and read as a list', () => {
    for (const text of [
      '---\robjectives: [unclosed\r---\rthe VPN client\r',
      "---\robjectives:\r\n  - 'Explain the VPN client (O1)! {#lo1}'\r\n---\rModule 1: Getting started\r\n=\r\n",
    ]) {
      const { outline, findings } = analyse(text);
      assertAllSpans(text, outline, findings);
    }
    const text = '---\robjectives:\r  - Explain X (O1)\r---\r';
    const { outline } = analyse(text);
    assert.equal(outline.objectives.length, 1);
    const o = outline.objectives[0]!;
    assert.equal(text.slice(o.textSpan.start, o.textSpan.end), 'Explain X (O1)');
  });

  test('a NUL before a reference: offsets stay right and --fix is stable', () => {
    const text =
      // The sub-item states a behaviour: a sub-list of statements only ("[x] Tickets fall from
      // 25 to 15 per week") is the objective's content, and the reference would not be read.
      '- Objective: Explain the VPN client {#lo1}\n  - [x] Explain why tickets fall from 25 to 15 per week\n' +
      '        - Tickets fall from 25 to 15 per week\u0000\n        - Explain the VPN client\ufffd\n' +
      '          Explain the VPN client measures: O2 {#lo1}\n- Tickets fall from 25 to 15 per week\n';
    const { ws, outline } = analyse(text);
    const ref = outline.objectives.flatMap((o) => o.references).find((r) => r.id === 'O2');
    assert.ok(ref, 'the reference O2 is read');
    assert.equal(text.slice(ref.span.start, ref.span.end), 'O2');
    const first = fixFile(ws, 'doc.md');
    assert.match(first.text, /\{#lo\d\}\n- Tickets/, 'the trailing ID is whole');
    assert.equal(fixFile(analyse(first.text).ws, 'doc.md').applied, 0);
  });

  test('character references and NUL map to their own place in the source', () => {
    const text = '## Objectives\n\n- Explain &#65;&eacute;&#x1F600;\u0000 x measures: O2 {#lo1}\n';
    const { outline } = analyse(text);
    const o = outline.objectives[0]!;
    assert.equal(o.plain, 'Explain Aé😀\ufffd x measures: O2');
    const ref = o.references[0]!;
    assert.equal(text.slice(ref.span.start, ref.span.end), 'O2');
  });

  test('the outcome skeleton nests under an objective in a block quote written ">- "', () => {
    const text =
      '# Learning objectives\n\n>By the end of this module, participants will be able to:\n' +
      '>- Outcome: Explain the VPN client (LO7)\n>- Explain the VPN client\n';
    const { findings } = analyse(text);
    const missing = findings.find((f) => f.ruleId === 'missing-outcome')!;
    const after = applyEdits(text, missing.fixes[0]!.edits);
    assert.match(after, /\n> {3}- Outcome: \[TODO metric\]/);
    assert.ok(!analyse(after).findings.some((f) => f.ruleId === 'missing-outcome'));
  });

  test('a second U+FEFF after the BOM does not shift offsets', () => {
    const text =
      '\ufeff\ufeff- Explain the VPN client\r\n\r\nModule 1: Getting started\r\n=\r\n\r\nSome notes.\r\n';
    const { outline, findings } = analyse(text);
    assertAllSpans(text, outline, findings);
    const heading = outline.sections[1]?.heading ?? outline.sections[0]!.heading!;
    assert.equal(text.slice(heading.start, heading.start + 6), 'Module');
  });
});
