// maskContainers (recognise/containers.ts) skips the lines that cannot open, close or end a
// container (no ":::", no "`", "~", "!" or "?" after up to three spaces, outside an admonition)
// without reading them further. Skipping must change nothing: the masked source and the divs are
// those of reading every line, on every Markdown file of the corpora, examples, fixtures and
// docs, on generated outlines full of containers, and on a soup of awkward lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { maskContainers } from '../../server/src/core/recognise/containers.js';
import { admonition, directive, div, outline } from '../support/arbitraries.js';
import { markdownFilesUnder } from '../support/markdown-files.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function same(text: string): number {
  const fast = maskContainers(text);
  assert.deepEqual(fast, maskContainers(text, true), JSON.stringify(text.slice(0, 200)));
  return fast.divs.length;
}

test('skipping inert lines finds the same containers in every Markdown file here', () => {
  const dirs = ['test/corpus', 'test/fixtures', 'examples', 'docs'].map((d) => path.join(root, d));
  if (existsSync('/work/shared/corpus')) dirs.push('/work/shared/corpus');
  let files = 0;
  let divs = 0;
  for (const f of markdownFilesUnder(...dirs)) {
    files++;
    divs += same(readFileSync(f, 'utf8'));
  }
  assert.ok(files > 100, `only ${files} files`);
  assert.ok(divs > 500, `only ${divs} containers: the comparison is not testing much`);
});

test('skipping inert lines: generated outlines and awkward lines', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(directive, admonition, div, outline), { maxLength: 4 }),
      (parts) => {
        same(parts.join('\n\n'));
      },
    ),
    { numRuns: 300, seed: 20261202 },
  );
  const LINE = fc.constantFrom(
    ':::',
    '::: challenge',
    ':::::: {.callout-note}',
    '  :::',
    'a ::: b',
    '```',
    '   ```{objectives}',
    '    ```',
    '~~~',
    '!!! note "Objectives"',
    '??? tip',
    ' !!! info',
    '    !!! info',
    '    - indented item',
    '    body',
    '',
    '   ',
    '- item',
    'text',
    ':class: tip',
    '---',
    '::',
  );
  fc.assert(
    fc.property(fc.array(LINE, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
      same(lines.join(eol));
    }),
    { numRuns: 3000, seed: 20261202 },
  );
});
