// The parse's pieces keep their nodes' positions counted from a base per piece (parse.ts, Place):
// an edit moves every piece after it by one write per base, not one per node. Checked here on
// chains of random edits of a long list (cut at list items and at headings), in pieces of the
// usual length and tiny ones: after each edit the tree equals a whole parse of the new text (its
// offsets too), and every node's base is one its piece lists, never one another piece lists
// (a base shared by two pieces would move one of them twice, or a re-parsed one with it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMarkdown, positionStart, type Parsed } from '../../server/src/core/parse.js';
import { mulberry32 } from '../support/random.js';

function whole(text: string): string {
  return JSON.stringify(parseMarkdown(text, undefined, { whole: true }).root.children, (key, v) =>
    key === 'line' || key === 'column' ? undefined : v,
  );
}

type Node = { position?: { b?: object; start: { offset: number } }; children?: Node[] };

function checkBases(parsed: Parsed, label: string): void {
  const owner = new Map<object, number>();
  parsed.chunks.forEach((c, i) => {
    const bases = (c as unknown as { bases: object[] }).bases;
    for (const b of bases) {
      assert.ok(!owner.has(b), `${label}: a base of piece ${i} is piece ${owner.get(b)}'s too`);
      owner.set(b, i);
    }
    const stack: Node[] = [...(c.nodes as Node[])];
    while (stack.length) {
      const n = stack.pop()!;
      const b = n.position?.b;
      if (b)
        assert.ok(bases.includes(b), `${label}: a node of piece ${i} counts from another base`);
      // The reader's fast path (recognise/context.ts) reads what the getter says.
      if (n.position) assert.equal(positionStart(n.position), n.position.start.offset);
      for (const ch of n.children ?? []) stack.push(ch);
    }
  });
}

function outline(modules: number): string {
  const out: string[] = ['# Course', ''];
  for (let m = 1; m <= modules; m++) {
    out.push(`## Module ${m}`, '', 'By the end of this module you will be able to:', '');
    for (let k = 1; k <= 12; k++) out.push(`- Explain topic ${m}.${k} within *ten* minutes`);
    out.push('', `Outcome: error rate from 9% to 2% within ${m} weeks`, '');
  }
  return out.join('\n');
}

const INSERTS = ['x', '\n', '\n\n', '- ', '## New\n', 'later', '', '`', '> ', '1. ', '\n- item\n'];

for (const seed of [1, 2, 3]) {
  test(`pieces moved by their bases equal a whole parse after random edits (seed ${seed})`, () => {
    const rnd = mulberry32(seed);
    for (const pieceLength of [64, undefined]) {
      let text = outline(16);
      let previous = parseMarkdown(text, undefined, { pieceLength });
      checkBases(previous, 'first parse');
      for (let k = 0; k < 30; k++) {
        const at = Math.floor(rnd() * text.length);
        const cut = rnd() < 0.5 ? 0 : Math.floor(rnd() * 6);
        const insert = INSERTS[Math.floor(rnd() * INSERTS.length)]!;
        text = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + cut));
        const label = `edit ${k} (seed ${seed}, pieces of ${pieceLength ?? 'usual'}): ${JSON.stringify(insert)} at ${at}, ${cut} cut`;
        const next = parseMarkdown(text, previous, { pieceLength });
        assert.equal(JSON.stringify(next.root.children), whole(text), label);
        checkBases(next, label);
        previous = next;
      }
    }
  });
}
