// The readers take a node's offsets through positionStart/positionEnd (parse.ts), which read a
// Place's fields instead of its getters (each read of `position.start` made an object). They must
// give what `position.start.offset` and `position.end.offset` give: on every node of every
// Markdown file of the corpora, parsed as the CLI does and as the editor does, and on mdast's own
// positions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMarkdown, positionEnd, positionStart } from '../../server/src/core/parse.js';
import { markdownFilesUnder } from '../support/markdown-files.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

type Node = {
  position?: { start: { offset?: number }; end: { offset?: number } };
  children?: Node[];
};

test('positionStart and positionEnd read every parsed node as its position does', () => {
  let nodes = 0;
  for (const f of markdownFilesUnder(path.join(root, 'test/corpus'), path.join(root, 'examples'))) {
    const text = readFileSync(f, 'utf8');
    for (const options of [{ whole: true, skipFences: true }, {}]) {
      const stack: Node[] = [parseMarkdown(text, undefined, options).root as Node];
      while (stack.length) {
        const n = stack.pop()!;
        nodes++;
        assert.equal(positionStart(n.position), n.position?.start.offset ?? 0);
        assert.equal(positionEnd(n.position), n.position?.end.offset ?? 0);
        if (n.children) stack.push(...n.children);
      }
    }
  }
  assert.ok(nodes > 10000, `only ${nodes} nodes`);
  const mdast = {
    start: { line: 2, column: 3, offset: 7 },
    end: { line: 2, column: 9, offset: 13 },
  };
  assert.equal(positionStart(mdast), 7);
  assert.equal(positionEnd(mdast), 13);
  assert.equal(positionStart(undefined), 0);
  assert.equal(positionEnd({ end: {} }), 0);
});
