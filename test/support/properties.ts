// The reliability properties, shared by test/unit/properties.test.ts (a short run in
// `npm test`) and scripts/fuzz.mjs (long campaigns). Each holds for every generated outline;
// RELIABILITY.md says what each one means and records the campaigns.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  LineIndex,
  Workspace,
  applyEdits,
  editParts,
  fixFile,
  fixStored,
  joinCells,
  lineBreakOf,
  readNotebook,
  readOutlineSource,
  resolveConfig,
  type Finding,
  type Outline,
  type Span,
  type TextEdit,
} from '../../server/src/core/index.js';
import { parseMarkdown, useOriginalConsume } from '../../server/src/core/parse.js';
import {
  applyEdit,
  astralOutline,
  configData,
  block,
  edit,
  notebook,
  outline,
  type Edit,
  type NotebookCase,
} from './arbitraries.js';

/** One analysis may take at most this long (generated outlines are a few KB). */
export const MAX_ANALYSIS_MS = 2000;

const FILE = 'doc.md';

export interface Analysis {
  ws: Workspace;
  outline: Outline;
  findings: Finding[];
  ms: number;
}

/** Workspace.update + lint + outlineJson, timed; asserts the time bound. */
export function analyse(text: string, config?: Record<string, unknown>): Analysis {
  const started = performance.now();
  const ws = new Workspace(config ? resolveConfig(config).config : undefined);
  ws.update(FILE, text);
  const findings = ws.lint(FILE);
  ws.outlineJson(FILE);
  const outline = ws.get(FILE)!;
  const ms = performance.now() - started;
  assert.ok(ms < MAX_ANALYSIS_MS, `analysis took ${ms.toFixed(0)} ms`);
  return { ws, outline, findings, ms };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** An offset is a valid position: inside the text, not inside a surrogate pair or a CRLF, and
 * it round-trips through LineIndex. */
export function assertOffset(text: string, lines: LineIndex, o: number, what: string): void {
  assert.ok(
    Number.isInteger(o) && o >= 0 && o <= text.length,
    `${what}: ${o} outside 0..${text.length}`,
  );
  if (o > 0 && o < text.length) {
    assert.ok(
      !(isHigh(text.charCodeAt(o - 1)) && isLow(text.charCodeAt(o))),
      `${what}: ${o} splits a surrogate pair`,
    );
  }
  const p = lines.position(o);
  assert.equal(
    lines.offsetAt(p.line, p.character),
    o,
    `${what}: ${o} does not round-trip (${p.line}:${p.character})`,
  );
}

export function assertSpan(text: string, lines: LineIndex, s: Span, what: string): void {
  assert.ok(s.start <= s.end, `${what}: start ${s.start} > end ${s.end}`);
  assertOffset(text, lines, s.start, `${what} start`);
  assertOffset(text, lines, s.end, `${what} end`);
}

/** Every span the model and the findings carry. */
export function assertAllSpans(text: string, outline: Outline, findings: Finding[]): void {
  const lines = new LineIndex(text);
  for (const f of findings) {
    const what = `${f.ruleId} "${f.message}"`;
    assertSpan(text, lines, f.span, what);
    for (const r of f.related)
      if (r.filePath === FILE) assertSpan(text, lines, r.span, `${what} related`);
    for (const fix of f.fixes) {
      for (const e of fix.edits) assertSpan(text, lines, e.span, `${what} fix "${fix.title}"`);
    }
  }
  for (const item of [...outline.objectives, ...outline.outcomes]) {
    const what = `${item.kind} ${item.id}`;
    assertSpan(text, lines, item.span, what);
    assertSpan(text, lines, item.textSpan, `${what} text`);
    if (item.idSpan) assertSpan(text, lines, item.idSpan, `${what} id`);
    for (const r of item.references) assertSpan(text, lines, r.span, `${what} reference ${r.id}`);
  }
  for (const s of outline.sections) {
    assertSpan(text, lines, s.span, `section ${s.title}`);
    if (s.heading) assertSpan(text, lines, s.heading, `heading ${s.title}`);
  }
}

/** No two edits of a fix overlap (two insertions at one offset count as overlapping, as in
 * applyEdits). */
export function assertNoOverlap(edits: readonly TextEdit[], what: string): void {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!.span;
    const b = sorted[i]!.span;
    assert.ok(
      a.end <= b.start && !(a.start === b.start && a.start === a.end && b.start === b.end),
      `${what}: edits [${a.start},${a.end}) and [${b.start},${b.end}) overlap`,
    );
  }
}

/** Where an offset of the old text is after the edits, or null inside a replaced range. */
export function mapOffset(o: number, edits: readonly TextEdit[]): number | null {
  let delta = 0;
  for (const e of edits) {
    if (e.span.end <= o && !(e.span.start === e.span.end && e.span.start === o)) {
      delta += e.newText.length - (e.span.end - e.span.start);
    } else if (e.span.start < o && o < e.span.end) return null;
  }
  return o + delta;
}

/** Line breaks of each kind in text outside the given ranges. */
export function lineBreaks(
  text: string,
  skip: Span[] = [],
): { crlf: number; lf: number; cr: number } {
  const n = { crlf: 0, lf: 0, cr: 0 };
  const inside = (i: number) => skip.some((s) => i >= s.start && i < s.end);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) {
      if (!inside(i) && !inside(i + 1)) n.crlf++;
      i++;
    } else if (c === 13) {
      if (!inside(i)) n.cr++;
    } else if (c === 10 && !inside(i)) n.lf++;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// The properties

export interface NamedProperty {
  name: string;
  /** What it checks, for reports. */
  claim: string;
  /** Runs in `npm test` (the fuzz script takes --runs). */
  testRuns: number;
  property: fc.IPropertyWithHooks<never> | fc.IProperty<unknown>;
}

const analysisNeverThrows = fc.property(outline, configData, (text, config) => {
  analyse(text, config);
});

const spansAreValid = fc.property(outline, configData, (text, config) => {
  const { outline: o, findings } = analyse(text, config);
  assertAllSpans(text, o, findings);
});

const fixesAreSafe = fc.property(outline, fc.nat(), (text, pickSeed) => {
  const { findings } = analyse(text);
  const fixes = findings.flatMap((f) => f.fixes.map((fix) => ({ finding: f, fix })));
  // At most 4 fixes per outline, spread over the list, to keep a case fast.
  const chosen =
    fixes.length <= 4
      ? fixes
      : Array.from({ length: 4 }, (_, i) => fixes[(pickSeed + i * 7919) % fixes.length]!);
  for (const { finding, fix } of chosen) {
    const what = `${finding.ruleId} fix "${fix.title}"`;
    assertNoOverlap(fix.edits, what);
    const after = applyEdits(text, fix.edits);
    const starts = fix.edits.map((e) => e.span.start);
    const ends = fix.edits.map((e) => e.span.end);
    const first = Math.min(...starts);
    const last = Math.max(...ends);
    assert.equal(
      after.slice(0, first),
      text.slice(0, first),
      `${what} changed text before its edits`,
    );
    assert.equal(
      after.slice(after.length - (text.length - last)),
      text.slice(last),
      `${what} changed text after its edits`,
    );
    // Line breaks outside the edits are kept, and the edits bring only the text's own kind.
    const sorted = [...fix.edits].sort((a, b) => a.span.start - b.span.start);
    const newRanges: Span[] = [];
    let delta = 0;
    for (const e of sorted) {
      const s = e.span.start + delta;
      newRanges.push({ start: s, end: s + e.newText.length });
      delta += e.newText.length - (e.span.end - e.span.start);
    }
    assert.deepEqual(
      lineBreaks(after, newRanges),
      lineBreaks(
        text,
        sorted.map((e) => e.span),
      ),
      `${what} changed line breaks outside its edits`,
    );
    const eol = lineBreakOf(text);
    for (const e of fix.edits) {
      const kinds = e.newText.match(/\r\n|\r|\n/g) ?? [];
      assert.ok(
        kinds.every((k) => k === eol),
        `${what} inserts a line break other than the text's`,
      );
    }
    const again = analyse(after);
    const start = mapOffset(finding.span.start, sorted);
    const end = mapOffset(finding.span.end, sorted);
    if (start !== null && end !== null) {
      const same = again.findings.find(
        (g) =>
          g.ruleId === finding.ruleId &&
          g.message === finding.message &&
          g.span.start === start &&
          g.span.end === end,
      );
      assert.ok(!same, `${what} left its finding in place`);
    }
  }
});

const HIGH = (c: number) => c >= 0xd800 && c <= 0xdbff;
const LOW = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Lone surrogates in a text. */
export function loneSurrogates(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (HIGH(c) && LOW(text.charCodeAt(i + 1))) i++;
    else if (HIGH(c) || LOW(c)) n++;
  }
  return n;
}

/** Every edit of every fix of every rule starts and ends between two characters (not inside a
 * surrogate pair) and inserts whole characters; applied, the fix adds no lone surrogate. */
const fixesKeepCharactersWhole = fc.property(astralOutline, configData, (text, config) => {
  const { findings } = analyse(text, config);
  const lone = loneSurrogates(text);
  for (const f of findings) {
    for (const fix of f.fixes) {
      const what = `${f.ruleId} fix "${fix.title}"`;
      for (const e of fix.edits) {
        for (const at of [e.span.start, e.span.end]) {
          assert.ok(
            !(HIGH(text.charCodeAt(at - 1)) && LOW(text.charCodeAt(at))),
            `${what}: an edit at ${at} splits a surrogate pair`,
          );
        }
        assert.equal(loneSurrogates(e.newText), 0, `${what} inserts a lone surrogate`);
      }
      assert.ok(
        loneSurrogates(applyEdits(text, fix.edits)) <= lone,
        `${what} leaves a lone surrogate`,
      );
    }
  }
});

const fixFileIsStable = fc.property(outline, (text) => {
  const { ws } = analyse(text);
  const first = fixFile(ws, FILE);
  const second = fixFile(analyse(first.text).ws, FILE);
  assert.equal(second.text, first.text, 'a second fixFile changed the text');
  assert.equal(second.applied, 0, 'a second fixFile applied fixes');
  assert.equal(
    first.text.startsWith('\ufeff'),
    text.startsWith('\ufeff'),
    'fixFile added or removed the BOM',
  );
  const before = lineBreaks(text);
  const after = lineBreaks(first.text);
  const eol = lineBreakOf(text);
  for (const kind of ['crlf', 'lf', 'cr'] as const) {
    const own = { crlf: '\r\n', lf: '\n', cr: '\r' }[kind];
    if (before[kind] === 0 && own !== eol)
      assert.equal(after[kind], 0, `fixFile brought in ${kind} line breaks`);
  }
});

const incrementalEqualsWhole = fc.property(
  outline,
  fc.array(edit, { minLength: 1, maxLength: 3 }),
  (text, edits: Edit[]) => {
    const ws = new Workspace();
    ws.update(FILE, text);
    let current = text;
    for (const e of edits) {
      current = applyEdit(current, e);
      const started = performance.now();
      ws.update(FILE, current);
      const findings = ws.lint(FILE);
      const json = ws.outlineJson(FILE);
      assert.ok(performance.now() - started < MAX_ANALYSIS_MS, 'incremental analysis too slow');
      const fresh = analyse(current);
      assert.deepEqual(json, fresh.ws.outlineJson(FILE), 'outline differs from a fresh analysis');
      assert.deepEqual(findings, fresh.findings, 'findings differ from a fresh analysis');
    }
  },
);

/** A long outline: generated blocks, the whole run three times (about 10-40 KB), so that it is
 * parsed in several pieces and an edit leaves most of them, and their items, to be reused. */
const longOutline: fc.Arbitrary<string> = fc
  .record({
    blocks: fc.array(block, { minLength: 10, maxLength: 30 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ blocks, crlf, bom }) => {
    const once = blocks.join('\n\n');
    const text = `${once}\n\n${once}\n\n${once}\n`;
    return (bom ? '\ufeff' : '') + (crlf ? text.replace(/\r?\n/g, '\r\n') : text);
  });

/** After each of a few edits, the language server's way (the last parse, the items the builder
 * reuses, the findings reused) gives the outline model, JSON and findings of a fresh analysis. */
const reuseEqualsFresh = fc.property(
  longOutline,
  fc.array(edit, { minLength: 1, maxLength: 4 }),
  (text, edits: Edit[]) => {
    const ws = new Workspace(undefined, { reuseFindings: true });
    ws.update(FILE, text);
    ws.lint(FILE);
    let current = text;
    for (const e of edits) {
      current = applyEdit(current, e);
      ws.update(FILE, current);
      const findings = ws.lint(FILE);
      const fresh = new Workspace();
      fresh.update(FILE, current);
      assert.deepEqual(ws.get(FILE), fresh.get(FILE), 'outline model differs from a fresh build');
      assert.deepEqual(ws.outlineJson(FILE), fresh.outlineJson(FILE), 'outline JSON differs');
      assert.deepEqual(findings, fresh.lint(FILE), 'findings differ from a fresh analysis');
    }
  },
);

/** The parse in pieces (cut wherever a cut holds: tiny pieces) equals one whole parse, fresh
 * and after each of a few edits re-parsed from the previous pieces. */
const piecesEqualWhole = fc.property(
  outline,
  fc.array(edit, { minLength: 1, maxLength: 3 }),
  fc.constantFrom(1, 3, 40),
  (text, edits: Edit[], pieceLength) => {
    const whole = (t: string) =>
      JSON.stringify(parseMarkdown(t, undefined, { whole: true }).root.children);
    let previous = parseMarkdown(text, undefined, { pieceLength });
    assert.equal(JSON.stringify(previous.root.children), whole(text), 'fresh pieces differ');
    let current = text;
    for (const e of edits) {
      current = applyEdit(current, e);
      const next = parseMarkdown(current, previous, { pieceLength });
      assert.equal(
        JSON.stringify(next.root.children),
        whole(current),
        'pieces after an edit differ',
      );
      previous = next;
    }
  },
);

/** A text parsed once, its fenced code blocks at the top level read without the parser (the
 * CLI's path), gives the tree, outline and findings of one whole parse and of the editor's path. */
const skippedFencesEqualWhole = fc.property(outline, (text) => {
  const tree = (skipFences: boolean) =>
    JSON.stringify(parseMarkdown(text, undefined, { whole: true, skipFences }).root);
  assert.equal(tree(true), tree(false), 'skipping fenced code gives another tree');
  const analysed = (once: boolean) => {
    const ws = new Workspace(undefined, { once });
    ws.update('doc.md', text);
    return JSON.stringify({ outline: ws.outlineJson('doc.md'), findings: ws.lint('doc.md') });
  };
  assert.equal(analysed(true), analysed(false), 'the CLI path gives another outline or findings');
});

const consumeInPlaceIsExact = fc.property(outline, (text) => {
  const tree = () => JSON.stringify(parseMarkdown(text, undefined, { whole: true }).root);
  let original: string;
  try {
    useOriginalConsume(true);
    original = tree();
  } finally {
    useOriginalConsume(false);
  }
  assert.equal(
    tree(),
    original,
    "the in-place EditMap.consume gives another tree than micromark's",
  );
});

// ---------------------------------------------------------------------------------------------
// Notebooks

/** Reads a generated notebook, asserting it reads as its Markdown cells joined. */
export function readCase(nb: NotebookCase) {
  const reading = readNotebook(nb.json);
  assert.ok(reading.ok, reading.ok ? '' : reading.problem.message);
  const markdown = nb.cells.filter((c) => c.type === 'markdown').map((c) => c.source);
  assert.equal(reading.text, joinCells(markdown).text, 'the text is not the Markdown cells joined');
  assert.deepEqual(
    reading.cells.map((c) => c.index),
    nb.cells.flatMap((c, i) => (c.type === 'markdown' ? [i] : [])),
    'cells read are not the Markdown cells',
  );
  return reading;
}

/** Everything of a notebook but its Markdown cells' sources (which fixes may change). */
function withoutMarkdownSources(json: string): unknown {
  const nb = JSON.parse(json) as { cells: { cell_type: string; source: unknown }[] };
  for (const cell of nb.cells) if (cell.cell_type === 'markdown') delete cell.source;
  return nb;
}

function markdownSources(json: string): string[] {
  const nb = JSON.parse(json) as { cells: { cell_type: string; source: string | string[] }[] };
  return nb.cells
    .filter((c) => c.cell_type === 'markdown')
    .map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source));
}

const notebookPositionsRoundTrip = fc.property(notebook, (nb) => {
  const reading = readCase(nb);
  const { view, text } = reading;
  const stored = new LineIndex(nb.json);
  for (const cell of reading.cells) {
    const cellLines = new LineIndex(cell.source);
    for (let o = cell.range.start; o < cell.range.end; o++) {
      // The stored characters that wrote this one decode to it...
      const span = view.toStored({ start: o, end: o + 1 });
      const written = nb.json.slice(span.start, span.end);
      assert.equal(JSON.parse(`"${written}"`), text[o], `offset ${o}: stored "${written}"`);
      // ... and the stored position is where they are.
      const p = stored.position(span.start);
      assert.equal(stored.offsetAt(p.line, p.character), span.start);
      // The cell's own position names the same character of the cell's source (an offset
      // inside a CRLF has no position of its own: LineIndex counts the pair as one break).
      if (text[o - 1] === '\r' && text[o] === '\n') continue;
      const c = view.cellPosition(o)!;
      assert.equal(c.cell, cell.index);
      const inCell = cellLines.offsetAt(c.line, c.character);
      assert.equal(
        cell.source[inCell],
        text[o],
        `offset ${o}: cell ${c.cell} ${c.line}:${c.character}`,
      );
    }
  }
});

const notebookEditsKeepJson = fc.property(
  notebook,
  fc.array(
    fc.record({
      cell: fc.nat(),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      remove: fc.nat(12),
      insert: fc.oneof(
        fc.string(),
        fc.constantFrom('"', '\\', '\n', '\r\n', '\t', '\u0000', '🎯', '\ud800', '/', '</script>'),
      ),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  (nb, wanted) => {
    const reading = readCase(nb);
    if (!reading.cells.length) return;
    // Edits inside cells, not overlapping (one per cell position, applied together).
    const edits: TextEdit[] = [];
    for (const w of wanted) {
      const cell = reading.cells[w.cell % reading.cells.length]!.range;
      const start = Math.min(cell.end, cell.start + Math.floor(w.at * (cell.end - cell.start + 1)));
      let end = Math.min(cell.end, start + w.remove);
      // Never split a surrogate pair or a CRLF (the core's edits never do).
      const t = reading.text;
      const high = (i: number) =>
        i > 0 && (t.charCodeAt(i - 1) & 0xfc00) === 0xd800 && (t.charCodeAt(i) & 0xfc00) === 0xdc00;
      if (high(start) || high(end) || (end > start && t[end - 1] === '\r' && t[end] === '\n'))
        continue;
      if (t[start - 1] === '\r' && t[start] === '\n') continue;
      if (end < start) end = start;
      const e = { span: { start, end }, newText: w.insert };
      if (
        edits.some((x) => x.span.start < end && start < x.span.end) ||
        edits.some((x) => x.span.start === start)
      )
        continue;
      edits.push(e);
    }
    if (!edits.length) return;
    const storedEdits = edits.map((e) => reading.view.storedEdit(e));
    assert.ok(
      storedEdits.every((e) => e !== null),
      'an edit inside a cell was refused',
    );
    const after = applyEdits(nb.json, storedEdits as TextEdit[]);
    const again = readNotebook(after);
    assert.ok(
      again.ok,
      again.ok ? '' : `the edited notebook does not read: ${again.problem.message}`,
    );
    const expected = joinCells(editParts(reading.text, reading.view.parts, edits)).text;
    assert.equal(again.text, expected, 'the notebook reads as other text');
    assert.deepEqual(withoutMarkdownSources(after), withoutMarkdownSources(nb.json));
  },
);

const notebookFixesKeepJson = fc.property(notebook, (nb) => {
  const file = 'nb.ipynb';
  const source = readOutlineSource(file, nb.json);
  assert.equal(source.problem, null);
  const ws = new Workspace();
  ws.update(file, source.text, undefined, source.view);
  const { stored } = fixStored(ws, file, source);
  const again = readOutlineSource(file, stored);
  assert.equal(again.problem, null, 'the fixed notebook does not read');
  assert.equal(again.text, ws.get(file)!.text, 'the fixed notebook reads as other text');
  assert.deepEqual(withoutMarkdownSources(stored), withoutMarkdownSources(nb.json));
  assert.equal(markdownSources(stored).length, markdownSources(nb.json).length);
});

export const PROPERTIES: NamedProperty[] = [
  {
    name: 'analysis-never-throws',
    claim: 'Workspace.update + lint + outlineJson never throw and finish in under 2 s',
    testRuns: 200,
    property: analysisNeverThrows,
  },
  {
    name: 'spans-are-valid',
    claim:
      'every span (findings, fixes, related, items, IDs, references, sections) is inside the text, start <= end, not inside a surrogate pair or a CRLF, and round-trips through LineIndex',
    testRuns: 200,
    property: spansAreValid,
  },
  {
    name: 'fixes-are-safe',
    claim:
      "a fix's edits never overlap; applied alone, it changes nothing outside its edits (text and line breaks), inserts only the text's line break, the result analyses, and its finding is gone or changed",
    testRuns: 100,
    property: fixesAreSafe,
  },
  {
    name: 'fixes-keep-characters-whole',
    claim:
      'on text with astral characters at word starts, no edit of any fix starts or ends inside a surrogate pair or inserts a lone surrogate, and no fix leaves one',
    testRuns: 200,
    property: fixesKeepCharactersWhole,
  },
  {
    name: 'fixfile-is-stable',
    claim:
      'fixFile then fixFile again changes nothing; the BOM is kept; no new kind of line break appears',
    testRuns: 100,
    property: fixFileIsStable,
  },
  {
    name: 'incremental-equals-whole',
    claim:
      'after each of up to 3 random edits, the incrementally updated outline JSON and findings equal a fresh analysis',
    testRuns: 100,
    property: incrementalEqualsWhole,
  },
  {
    name: 'reuse-equals-fresh',
    claim:
      'on long outlines (parsed in several pieces), after each of up to 4 random edits, the outline model with the items the builder reused, its JSON and the reused findings equal a fresh analysis',
    testRuns: 25,
    property: reuseEqualsFresh,
  },
  {
    name: 'notebook-positions-round-trip',
    claim:
      "every offset of a notebook's joined Markdown maps to stored characters that decode to that character, at a valid stored line and column, and to the same character of its cell",
    testRuns: 100,
    property: notebookPositionsRoundTrip,
  },
  {
    name: 'notebook-edits-keep-json',
    claim:
      "edits inside a notebook's cells, mapped to its JSON (escaped), leave valid JSON that reads as the edited text, with everything but the Markdown sources unchanged",
    testRuns: 100,
    property: notebookEditsKeepJson,
  },
  {
    name: 'notebook-fixes-keep-json',
    claim:
      'fixStored on a notebook leaves JSON that reads as the fixed text, everything but the Markdown sources unchanged',
    testRuns: 50,
    property: notebookFixesKeepJson,
  },
  {
    name: 'pieces-equal-whole',
    claim:
      'the parse in pieces (of 1, 3 and 40 characters: cut wherever a cut holds), fresh and after each of up to 3 random edits, equals one whole parse',
    testRuns: 150,
    property: piecesEqualWhole,
  },
  {
    name: 'skipped-fences-equal-whole',
    claim:
      'a text parsed once with its fenced code at the top level read without the parser (the CLI) gives the tree of one whole parse, and the outline and findings of the editor path',
    testRuns: 150,
    property: skippedFencesEqualWhole,
  },
  {
    name: 'consume-in-place-is-exact',
    claim:
      "remark with parse.ts's in-place EditMap.consume gives exactly the tree micromark's own consume gives",
    testRuns: 200,
    property: consumeInPlaceIsExact,
  },
];
