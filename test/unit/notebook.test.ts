// Jupyter notebooks: only Markdown cells are read, joined into one Markdown text whose every
// offset maps back to its cell and to the file as stored; malformed notebooks give a clear
// message and nothing else; cells stay apart (an unclosed fence in one cell never swallows the
// next); fixes go into the JSON strings, re-escaped, and nothing else changes.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  fixStored,
  isOutlineName,
  LineIndex,
  readNotebook,
  readOutlineSource,
  Workspace,
  type NotebookReading,
} from '../../server/src/core/index.js';
import { openConstructs } from '../../server/src/core/formats/cells.js';
import { member, parseJson, JsonError } from '../../server/src/core/formats/json.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A notebook as Jupyter writes it: indent 1, `source` as a list of lines. */
function notebook(cells: { type: string; source: string | string[] | undefined }[]): string {
  return (
    JSON.stringify(
      {
        cells: cells.map((c) => ({
          cell_type: c.type,
          metadata: {},
          ...(c.type === 'code' ? { execution_count: 1, outputs: [] } : {}),
          ...(c.source === undefined
            ? {}
            : { source: typeof c.source === 'string' ? lines(c.source) : c.source }),
        })),
        metadata: { kernelspec: { name: 'python3', display_name: 'Python 3' } },
        nbformat: 4,
        nbformat_minor: 5,
      },
      null,
      1,
    ) + '\n'
  );
}

function lines(source: string): string[] {
  return source.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function ok(reading: NotebookReading): Extract<NotebookReading, { ok: true }> {
  assert.ok(reading.ok, reading.ok ? '' : reading.problem.message);
  return reading;
}

function analyse(json: string, file = 'lesson.ipynb') {
  const source = readOutlineSource(file, json);
  const ws = new Workspace();
  ws.update(file, source.text, undefined, source.view);
  return { source, ws, outline: ws.get(file)!, findings: ws.lint(file) };
}

describe('reading a notebook', () => {
  const json = notebook([
    { type: 'markdown', source: '# Working with "dates"\n\nIntroduction.' },
    { type: 'code', source: '# Objectives\nprint("- Understand code cells")' },
    { type: 'markdown', source: '## Objectives\n\n' },
    { type: 'markdown', source: '- Understand time zones 🕰️\n- Convert timestamps to UTC' },
    { type: 'raw', source: '- Understand raw cells' },
  ]);

  test('Markdown cells only, joined with a blank line between', () => {
    const r = ok(readNotebook(json));
    assert.deepEqual(
      r.cells.map((c) => c.index),
      [0, 2, 3],
    );
    assert.equal(r.cellCount, 5);
    assert.doesNotMatch(r.text, /print|code cells|raw cells/);
    assert.match(r.text, /^# Working with "dates"\n\nIntroduction\.\n\n## Objectives/);
  });

  test('a heading in one cell and its list in the next belong together', () => {
    const { outline } = analyse(json);
    assert.deepEqual(
      outline.objectives.map((o) => o.text),
      ['Understand time zones 🕰️', 'Convert timestamps to UTC'],
    );
    assert.equal(outline.title, 'Working with "dates"');
  });

  test('positions: the line and column of the file as stored, and of the cell', () => {
    const { ws, findings } = analyse(json);
    const vague = findings.find((f) => f.ruleId === 'vague-verb');
    assert.ok(vague);
    const view = ws.view('lesson.ipynb');
    const stored = new LineIndex(json);
    const at = stored.position(view.toStored(vague.span).start);
    const line = json.split('\n')[at.line]!;
    assert.equal(line, '    "- Understand time zones 🕰️\\n",');
    assert.equal(line.slice(at.character, at.character + 10), 'Understand');
    assert.deepEqual(view.cellPosition(vague.span.start), { cell: 3, line: 0, character: 2 });
    // outline --format json gives the stored line, and the cell with its own line.
    const objective = ws.outlineJson('lesson.ipynb').objectives[0]!;
    assert.equal(objective.line, at.line + 1);
    assert.deepEqual(objective.cell, { index: 3, line: 1, column: 3 });
  });

  test('escapes count whole: a quote, a tab and an emoji written as \\u escapes', () => {
    const raw = JSON.stringify({
      cells: [
        { cell_type: 'markdown', metadata: {}, source: ['## Objectives\n', '- "Know" \t it 🎯\n'] },
      ],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    }).replace(/🎯/, '\\ud83c\\udfaf');
    const r = ok(readNotebook(raw));
    const at = r.text.indexOf('🎯');
    const span = r.view.toStored({ start: at, end: at + 2 });
    assert.equal(raw.slice(span.start, span.end), '\\ud83c\\udfaf');
    const quote = r.text.indexOf('"Know"');
    const q = r.view.toStored({ start: quote, end: quote + 1 });
    assert.equal(raw.slice(q.start, q.end), '\\"');
  });

  test('`source` written as one string reads the same', () => {
    const asString = JSON.stringify({
      cells: [{ cell_type: 'markdown', metadata: {}, source: '## Objectives\n\n- Explain X' }],
      nbformat: 4,
      nbformat_minor: 5,
    });
    assert.equal(ok(readNotebook(asString)).text, '## Objectives\n\n- Explain X');
  });

  test('a notebook with code cells only reads as empty, without a problem', () => {
    const r = ok(readNotebook(notebook([{ type: 'code', source: 'print(1)' }])));
    assert.equal(r.text, '');
    assert.deepEqual(r.cells, []);
    assert.deepEqual(r.notes, []);
  });
});

describe('malformed notebooks: a clear message, where, and nothing else', () => {
  const problem = (json: string) => {
    const r = readNotebook(json);
    assert.ok(!r.ok, 'read as a notebook');
    return r.problem;
  };

  test('not JSON: says so, with the offset where reading stopped', () => {
    const text = '{\n "cells": [\n  {"cell_type": "markdown" "source": []}\n ]\n}\n';
    const p = problem(text);
    assert.match(
      p.message,
      /^Not read: the notebook is not valid JSON \(expected ',' or '}' after a property value, found '"'\)/,
    );
    const at = new LineIndex(text).position(p.offset);
    assert.deepEqual(at, { line: 2, character: 27 });
    // And the CLI's read of the same file: nothing to analyse, the problem kept.
    const source = readOutlineSource('x.ipynb', text);
    assert.equal(source.text, '');
    assert.equal(source.problem?.span.start, p.offset);
  });

  test('empty, truncated, and not an object', () => {
    assert.match(
      problem('').message,
      /not valid JSON \(expected a value, found the end of the file\)/,
    );
    assert.match(problem('{"cells": [').message, /not valid JSON/);
    assert.match(problem('[]').message, /a notebook is a JSON object with a "cells" list/);
    assert.match(problem('"a"').message, /JSON object/);
  });

  test('JSON without cells, and cells that are not a list', () => {
    assert.match(problem('{"metadata": {}}').message, /has no "cells" list/);
    assert.match(problem('{"cells": {}}').message, /"cells" is not a list/);
  });

  test('nbformat 3 (cells inside worksheets): says how to upgrade', () => {
    const v3 = JSON.stringify({
      metadata: {},
      nbformat: 3,
      worksheets: [{ cells: [{ cell_type: 'markdown', source: ['# Objectives'] }] }],
    });
    assert.match(problem(v3).message, /nbformat 3 notebook.*Bloomline reads nbformat 4.*upgrade/);
  });

  test('a Markdown cell without source, or with a source of another type: a note, the rest read', () => {
    const json = JSON.stringify({
      cells: [
        { cell_type: 'markdown', metadata: {} },
        { cell_type: 'markdown', metadata: {}, source: 42 },
        { cell_type: 'markdown', metadata: {}, source: ['ok', 7] },
        'not a cell',
        { cell_type: 'markdown', metadata: {}, source: ['## Objectives\n', '- Explain X'] },
      ],
      nbformat: 4,
      nbformat_minor: 5,
    });
    const r = ok(readNotebook(json));
    assert.deepEqual(
      r.notes.map((n) => n.message),
      [
        'Markdown cell 1 has no "source"; it was read as empty.',
        'Markdown cell 2 has a "source" that is neither a string nor a list of strings; it was not read.',
        'Markdown cell 3 has a "source" that is neither a string nor a list of strings; it was not read.',
        'Cell 4 is not a JSON object; it was not read.',
      ],
    );
    assert.match(r.text, /## Objectives\n- Explain X$/);
    // A cell without "source" has no place to write: an edit there is refused, not guessed.
    assert.equal(r.view.storedEdit({ span: { start: 0, end: 0 }, newText: 'x' }), null);
  });

  test('the JSON reader refuses what JSON.parse refuses, and nests no deeper than 512', () => {
    for (const bad of [
      '{"a": 1,}',
      '[1 2]',
      '{"a" 1}',
      "{'a': 1}",
      '"\t"',
      '"\\x"',
      '01',
      'nul',
      '[1]x',
    ]) {
      assert.throws(() => JSON.parse(bad));
      assert.throws(() => parseJson(bad), JsonError, bad);
    }
    assert.throws(() => parseJson('['.repeat(10000) + ']'.repeat(10000)), /nested more than 512/);
    const good = '{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n\\"", {}], "a": "last"}';
    const root = parseJson(good);
    assert.ok(root.type === 'object');
    const a = member(root, 'a');
    assert.ok(a?.type === 'string' && a.value === 'last', 'the last value of a key counts');
    const first = root.members[0]!.value;
    assert.ok(first.type === 'array');
    assert.deepEqual(
      first.items.map((n) => n.type),
      ['number', 'number', 'boolean', 'boolean', 'null', 'string', 'object'],
    );
    assert.equal(first.items[5]!.type === 'string' && first.items[5]!.value, 'é\n"');
  });
});

describe('cells stay apart', () => {
  test('an unclosed fence in one cell does not swallow the next cell', () => {
    const json = notebook([
      { type: 'markdown', source: 'Example:\n\n```python\nprint(1)' },
      { type: 'markdown', source: '## Objectives\n\n- Explain the output of print' },
    ]);
    const { outline, source } = analyse(json);
    assert.deepEqual(
      outline.objectives.map((o) => o.text),
      ['Explain the output of print'],
    );
    assert.match(source.text, /print\(1\)\n\n```\n\n## Objectives/);
  });

  test('an unclosed comment, raw HTML block or fenced div is closed at the cell end', () => {
    for (const [open, closer] of [
      ['<!-- a note', '-->'],
      ['<script>\nlet a = 1;', '</script>'],
      ['::: {.callout-note}\nA note', ':::'],
      ['~~~~\ncode', '~~~~'],
    ] as const) {
      assert.deepEqual(openConstructs(open), [closer], open);
      const json = notebook([
        { type: 'markdown', source: open },
        { type: 'markdown', source: '## Objectives\n\n- Explain the output of print' },
      ]);
      assert.equal(analyse(json).outline.objectives.length, 1, open);
    }
  });

  test('nothing is closed that was not open', () => {
    for (const text of [
      '```\ncode\n```',
      '- item\n\n  ```\n  code in the item',
      '> ```\n> quoted code',
      '<!-- closed -->',
      '::: note\ntext\n:::',
      '```js`x\nnot a fence',
      '    ```\n    indented code',
      '',
    ]) {
      assert.deepEqual(openConstructs(text), [], text);
    }
  });
});

describe('fixes in a notebook', () => {
  test('--fix writes into the JSON strings, re-escaped; every other byte stays', () => {
    const json = notebook([
      {
        type: 'markdown',
        source: '## Learning objectives\n\n- Learn how to "plot" a CSV file 📈\n',
      },
      { type: 'code', source: 'import pandas as pd\n' },
    ]);
    const { source, ws } = analyse(json);
    const { stored, applied } = fixStored(ws, 'lesson.ipynb', source);
    assert.ok(applied >= 1);
    assert.notEqual(stored, json);
    const before = JSON.parse(json);
    const after = JSON.parse(stored);
    assert.deepEqual(after.cells[1], before.cells[1], 'the code cell is unchanged');
    assert.deepEqual(after.metadata, before.metadata);
    const text = after.cells[0].source.join('');
    assert.doesNotMatch(text, /Learn how to/);
    // The kept verb starts the sentence, inside its quotes (issue 12).
    assert.match(text, /"Plot" a CSV file 📈/);
    // Byte-identical outside the one line that changed.
    const a = json.split('\n');
    const b = stored.split('\n');
    assert.equal(a.length, b.length);
    assert.equal(a.filter((line, i) => line !== b[i]).length, 1);
  });

  test('an edit spanning two cells is refused', () => {
    const json = notebook([
      { type: 'markdown', source: 'one' },
      { type: 'markdown', source: 'two' },
    ]);
    const r = ok(readNotebook(json));
    assert.equal(
      r.view.storedEdit({ span: { start: 1, end: r.text.length - 1 }, newText: '' }),
      null,
    );
    assert.ok(r.view.storedEdit({ span: { start: 1, end: 2 }, newText: '"' }));
  });
});

describe('which files are read', () => {
  test('Markdown, Quarto, R Markdown and notebooks, in any case', () => {
    for (const name of [
      'a.md',
      'a.MD',
      'a.markdown',
      'a.qmd',
      'a.Rmd',
      'a.rmd',
      'a.RMD',
      'a.ipynb',
    ])
      assert.ok(isOutlineName(name), name);
    for (const name of ['a.txt', 'a.mdx', 'a.ipynb.bak', 'a.R', 'md', 'a.json'])
      assert.ok(!isOutlineName(name), name);
  });
});

describe('the corpus: real notebooks, Quarto and R Markdown files', () => {
  const dirs = ['notebook', 'quarto-rmd'].map((d) => path.join(ROOT, 'test/corpus/other', d));
  const files = dirs.flatMap((d) => fs.readdirSync(d).map((f) => path.join(d, f)));

  test('there are files of each kind', () => {
    for (const ext of ['.ipynb', '.qmd', '.Rmd'])
      assert.ok(
        files.some((f) => f.endsWith(ext)),
        ext,
      );
  });

  for (const file of files) {
    test(`${path.basename(file)} reads without a problem, every position valid`, () => {
      const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const { source, outline, findings } = analyse(text, file);
      assert.equal(source.problem, null);
      assert.deepEqual(source.notes, []);
      assert.equal(outline.declined, undefined);
      const stored = new LineIndex(text);
      for (const f of findings) {
        const s = source.view.toStored(f.span);
        assert.ok(s.start <= s.end && s.end <= text.length, f.message);
        stored.position(s.start);
      }
      if (file.endsWith('.ipynb')) {
        const nb = JSON.parse(text) as { cells: { cell_type: string; source: string[] }[] };
        const markdown = nb.cells.filter((c) => c.cell_type === 'markdown');
        const r = ok(readNotebook(text));
        assert.equal(r.cells.length, markdown.length);
        r.cells.forEach((c, i) => assert.equal(c.source, markdown[i]!.source.join('')));
        // No code cell's text is read.
        for (const code of nb.cells.filter((c) => c.cell_type === 'code')) {
          const body = code.source.join('');
          if (body.length > 40) assert.ok(!r.text.includes(body), 'a code cell was read');
        }
      }
    });
  }
});
