// The language server answers the tree, the report and the export of the whole workspace from
// its index (issue 15): a closed file's summary keeps what they show (core/summary.ts,
// `entries`; Workspace option `closedEntries`), so no closed file is analysed again for them.
// What they give of a closed file must be what they give of its whole outline: compared here on
// every real outline of the corpus (Markdown, Quarto, R Markdown, notebooks as stored), the
// examples, the rule fixtures with their configurations, and every objective of the labelled
// sets (readings of every kind: behaviours, vague phrases, conditions, criteria), each in
// three workspaces: every file whole, every file closed from the start, and every file
// analysed whole and then closed (what the server does after a request on a closed file).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  buildReport,
  DEFAULT_CONFIG,
  isOutline,
  readOutlineSource,
  summariseOutline,
  Workspace,
  type Config,
  type SourceView,
} from '../../server/src/core/index.js';
import { buildExport } from '../../server/src/export/model.js';
import { configOf, fixtureFiles, repoRoot } from './fixture-helpers.js';

interface Source {
  name: string;
  text: string;
  view: SourceView | null;
  config: Config;
}

const OUTLINE_FILE = /\.(?:md|qmd|rmd|ipynb)$/i;

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (OUTLINE_FILE.test(e.name)) out.push(p);
  }
  return out.sort();
}

function read(file: string, config: (text: string) => Config = () => DEFAULT_CONFIG): Source {
  const name = path.relative(repoRoot, file);
  const source = readOutlineSource(name, fs.readFileSync(file, 'utf8'));
  assert.equal(source.problem ?? null, null, name);
  const view = name.endsWith('.ipynb') ? source.view : null;
  return { name, text: source.text, view, config: config(source.text) };
}

/** Every objective of the labelled sets, one outline per set. */
function labelled(): Source[] {
  const dir = path.join(repoRoot, 'test/fixtures/objectives');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const set = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as {
        objectives: [string, ...unknown[]][];
      };
      const items = set.objectives.map(([text]) => `- ${text.replace(/\s+/g, ' ')}\n`);
      const text = `# ${f}\n\n## Learning objectives\n\nBy the end you will be able to:\n\n${items.join('')}`;
      return { name: `labelled/${f}.md`, text, view: null, config: DEFAULT_CONFIG };
    });
}

const WORKSPACES: Record<string, () => Source[]> = {
  'corpus and examples': () =>
    [...walk(path.join(repoRoot, 'test/corpus')), ...walk(path.join(repoRoot, 'examples'))].map(
      (f) => read(f),
    ),
  'rule fixtures': () => fixtureFiles().map((f) => read(f, configOf)),
  // The kind set in configuration, not read from the outline.
  'rule fixtures, kind set': () =>
    fixtureFiles().map((f) => read(f, (text) => ({ ...configOf(text), kind: 'academic' }))),
  'labelled objectives': labelled,
};

/** What the tree, the report and the export give of each file of a workspace. */
function answers(ws: Workspace, sources: Source[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const { name } of sources) {
    const outline = ws.get(name)!;
    if (!isOutline(outline)) continue;
    const positions = ws.positions(name);
    out.set(`tree ${name}`, ws.outlineJson(name));
    out.set(
      `report ${name}`,
      buildReport(
        [outline],
        () => positions,
        () => ws.kindOf(name),
      ),
    );
    out.set(
      `export ${name}`,
      buildExport([{ key: name, path: name, outline, positions }], 'Catalogue'),
    );
  }
  return out;
}

function workspace(sources: Source[], how: 'whole' | 'closed' | 'closed after'): Workspace {
  const ws = new Workspace(DEFAULT_CONFIG, { closedEntries: true });
  for (const s of sources) {
    if (how === 'closed') ws.updateClosed(s.name, s.text, s.config, s.view);
    else ws.update(s.name, s.text, s.config, s.view);
  }
  if (how === 'closed after') for (const s of sources) ws.close(s.name);
  return ws;
}

describe('closed files give the tree, report and export of their whole outlines', () => {
  for (const [label, load] of Object.entries(WORKSPACES)) {
    test(label, () => {
      const sources = load();
      const whole = answers(workspace(sources, 'whole'), sources);
      // Not vacuous: outlines of every sort are compared.
      assert.ok(whole.size >= 3 * 4, `${whole.size / 3} outlines in ${label}`);
      for (const how of ['closed', 'closed after'] as const) {
        const ws = workspace(sources, how);
        assert.ok(sources.every((s) => ws.isClosed(s.name)));
        const closed = answers(ws, sources);
        assert.deepEqual([...closed.keys()], [...whole.keys()], how);
        for (const [key, value] of whole)
          assert.deepEqual(closed.get(key), value, `${how}: ${key}`);
      }
    });
  }

  test('what is compared holds what the summary must keep', () => {
    // Each field the tree, report and export show of an item, somewhere in these workspaces
    // with a value (so a summary that dropped it would fail above).
    const sources = Object.values(WORKSPACES).flatMap((load) => load());
    const ws = workspace(sources, 'whole');
    const seen = new Set<string>();
    const kinds = new Set<string>();
    for (const { name } of sources) {
      const outline = ws.get(name)!;
      if (!isOutline(outline)) continue;
      const json = ws.outlineJson(name);
      kinds.add(`${json.kind.value} ${json.kind.auto}`);
      for (const o of json.objectives) {
        for (const k of [
          'verb',
          'level',
          'vaguePhrase',
          'criterion',
          'condition',
          'label',
        ] as const)
          if (o[k] !== null) seen.add(`objective ${k}`);
        if (o.alternativeLevels.length) seen.add('objective alternativeLevels');
        if (o.meantLevel && !o.verb) seen.add('objective meantLevel of a topic');
        if (o.cell) seen.add('objective cell');
        for (const b of o.behaviours) {
          if (b.meantLevel) seen.add('behaviour meantLevel');
          if (!b.known) seen.add('behaviour unknown verb');
          if (b.vague) seen.add('behaviour vague');
        }
        if (o.behaviours.length > 1) seen.add('objective compound');
        if (o.outcomes.some((l) => l.filePath && l.text)) seen.add('objective outcome elsewhere');
      }
      for (const o of json.outcomes)
        for (const k of ['target', 'timeframe', 'vanityMetric', 'output', 'kirkpatrick'] as const)
          if (o[k] !== null) seen.add(`outcome ${k}`);
      for (const a of json.assessments)
        for (const k of ['verb', 'level', 'form', 'task', 'weight'] as const)
          if (a[k] !== null) seen.add(`assessment ${k}`);
      for (const item of [...json.objectives, ...json.outcomes, ...json.assessments])
        if (item.parent !== null) seen.add(`${item.parent === item.id ? '' : 'item '}parent`);
      if (json.sections[0]!.sections.some((s) => s.path.length > 1)) seen.add('section path');
    }
    const expected = [
      'objective verb',
      'objective level',
      'objective vaguePhrase',
      'objective criterion',
      'objective condition',
      'objective label',
      'objective alternativeLevels',
      'objective meantLevel of a topic',
      'objective cell',
      'objective compound',
      'behaviour meantLevel',
      'behaviour unknown verb',
      'behaviour vague',
      'outcome target',
      'outcome timeframe',
      'outcome vanityMetric',
      'outcome output',
      'outcome kirkpatrick',
      'assessment verb',
      'assessment level',
      'assessment form',
      'assessment task',
      'assessment weight',
      'item parent',
      'section path',
    ];
    assert.deepEqual(
      expected.filter((k) => !seen.has(k)),
      [],
    );
    // Kinds read from the outline (from signals a summary does not keep) and set in a fixture's
    // configuration.
    for (const k of ['workplace true', 'academic true', 'workshop true'])
      assert.ok(kinds.has(k), [...kinds].join());
    assert.ok(
      [...kinds].some((k) => k.endsWith('false')),
      [...kinds].join(),
    );
  });

  test('check keeps the smaller summary (no entries): what linking needs only', () => {
    const text =
      '# C\n\n## Objectives\n\n- Outcome: Cut calls by half within 2 months\n- Explain DNS';
    const summary = new Workspace();
    summary.updateClosed('a.md', text);
    const lean = summary.get('a.md')!;
    assert.deepEqual([lean.sections[0]!.title, lean.sections[0]!.path], ['', []]);
    assert.equal(lean.objectives[0]!.analysis.verb, null);
    assert.equal(lean.outcomes[0]!.label, null);
    const full = summariseOutline(new Workspace().update('a.md', text), { entries: true });
    assert.deepEqual([full.sections[0]!.title, full.sections[0]!.path], ['C', ['C']]);
    assert.equal(full.objectives[0]!.analysis.verb?.text, 'explain');
    assert.equal(full.outcomes[0]!.label, 'Outcome');
    assert.equal(full.outcomes[0]!.analysis.timeframe?.text, 'within 2 months');
  });
});
