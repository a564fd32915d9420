// The micromark patch (server/src/core/micromark-patch.ts): `EditMap.consume` applied in place.
// These tests fail, saying what changed, when a micromark upgrade breaks what the patch relies
// on: the shape of an EditMap, what its own `consume` does, and micromark's document tokenizer
// calling that EditMap at all (a patch on a copy nobody uses would silently bring back the
// quadratic parse). Then: both consumes give the same events on random edit maps, and the parse
// is applied explicitly, by the parser, not by importing the core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditMap } from 'micromark-util-edit-map';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import {
  applyEditMapPatch,
  consumeInPlace,
  editMapInternalsProblems,
  editMapPatched,
  originalConsume,
  useOriginalConsume,
} from '../../server/src/core/micromark-patch.js';
import { parseMarkdown } from '../../server/src/core/parse.js';
import { Workspace } from '../../server/src/core/index.js';
import { mulberry32 } from '../support/random.js';

const UPGRADE =
  'micromark-util-edit-map changed what server/src/core/micromark-patch.ts relies on: read its new ' +
  'EditMap, adapt or drop the patch (and re-measure `npm run bench`)';

test('importing the core leaves micromark alone; the first analysis applies the patch', () => {
  // (First in this file: nothing has parsed yet in this process.)
  assert.equal(editMapPatched(), false, 'importing the core patched micromark');
  new Workspace().update('a.md', '## Objectives\n\n- Explain DNS.\n');
  assert.equal(editMapPatched(), true);
});

test('an EditMap still keeps its changes as the patch reads them', () => {
  assert.deepEqual(editMapInternalsProblems(), [], UPGRADE);
});

test("micromark's document tokenizer consumes the EditMap the patch is applied to", () => {
  const calls = { n: 0 };
  const current = EditMap.prototype.consume;
  EditMap.prototype.consume = function (this: EditMap, events) {
    calls.n++;
    return current.call(this, events);
  };
  try {
    // Lists and a block quote that end, and a lazy line: where the document tokenizer consumes.
    unified().use(remarkParse).parse('- a\n- b\n\npara\n\n> quote\nlazy\n\n1. one\n\n- c\n');
  } finally {
    EditMap.prototype.consume = current;
  }
  assert.ok(
    calls.n > 0,
    'micromark parsed lists without calling EditMap#consume of micromark-util-edit-map: it uses ' +
      'another copy or another mechanism, so the patch no longer applies (see micromark-patch.ts)',
  );
});

test('the in-place consume gives the same events as micromark-util-edit-map on random edits', () => {
  const next = mulberry32(20261201);
  for (let run = 0; run < 2000; run++) {
    const length = Math.floor(next() * 40);
    const events = Array.from({ length }, (_, i) => `e${i}`);
    // Edits as micromark makes them: apart from each other (one's removal ends before the next
    // one's position), some at the same position (merged by `add`), some added before.
    const edits: [number, number, string[], boolean][] = [];
    let at = 0;
    const count = Math.floor(next() * 5);
    for (let k = 0; k < count; k++) {
      at += Math.floor(next() * 6);
      // Within the events: micromark edits only what it has.
      if (at > length) break;
      const remove = Math.min(Math.floor(next() * 3), length - at);
      const add = Array.from({ length: Math.floor(next() * 4) }, (_, j) => `n${run}.${k}.${j}`);
      edits.push([at, remove, add, next() < 0.3]);
      at += remove;
    }
    // In a random order (consume sorts them), the same for both: the order of `add` and
    // `addBefore` at one position matters.
    const order = edits.map((e) => ({ e, key: next() })).sort((x, y) => x.key - y.key);
    const apply = (consume: typeof originalConsume) => {
      const map = new EditMap();
      for (const { e } of order) {
        const [p, r, a, before] = e;
        if (before) map.addBefore(p, r, [...a] as never);
        else map.add(p, r, [...a] as never);
      }
      const out = [...events];
      consume.call(map, out as never);
      const internals = map as unknown as { map: unknown[]; index: Map<number, unknown> };
      assert.equal(internals.map.length + internals.index.size, 0, 'consumed maps are emptied');
      return out;
    };
    assert.deepEqual(
      apply(consumeInPlace),
      apply(originalConsume),
      `run ${run}: ${JSON.stringify(edits)}`,
    );
  }
});

test('the parser applies the patch itself: a parse with it gives the tree micromark gives', () => {
  const text = Array.from(
    { length: 200 },
    (_, i) => `## Module ${i}\n\n- Explain item ${i}\n- Use tool ${i}\n\n> note ${i}\nlazy\n`,
  ).join('\n');
  useOriginalConsume(true);
  let original: string;
  try {
    assert.equal(editMapPatched(), false);
    original = JSON.stringify(unified().use(remarkParse).parse(text).children);
  } finally {
    useOriginalConsume(false);
  }
  // What the core's import did not do, parseMarkdown does.
  EditMap.prototype.consume = originalConsume;
  assert.equal(editMapPatched(), false);
  parseMarkdown('- a\n');
  assert.equal(editMapPatched(), true, 'parseMarkdown applies the patch');
  applyEditMapPatch();
  assert.equal(JSON.stringify(unified().use(remarkParse).parse(text).children), original);
});

test("the in-place consume costs what follows the edit, micromark's copies the whole list", () => {
  // What the document tokenizer does when a list ends: a few events moved near the end of a long
  // list. If micromark's own consume stops copying the list, this fails: the patch may go.
  const events = Array.from({ length: 50_000 }, (_, i) => i);
  const cpu = (consume: typeof originalConsume) => {
    const t = process.cpuUsage();
    for (let k = 0; k < 300; k++) {
      const map = new EditMap();
      const end = events.length;
      map.add(end - 6, 0, events.slice(end - 3) as never);
      map.add(end - 3, 3, []);
      consume.call(map, events as never);
    }
    const u = process.cpuUsage(t);
    return (u.user + u.system) / 1000;
  };
  cpu(consumeInPlace);
  cpu(originalConsume);
  const inPlace = cpu(consumeInPlace);
  const original = cpu(originalConsume);
  assert.equal(events.length, 50_000);
  assert.ok(
    inPlace * 5 < original,
    `in place ${inPlace.toFixed(1)} ms, micromark's ${original.toFixed(1)} ms for 300 consumes of 50,000 events`,
  );
});
