// The language server shows assessments and the course kind wherever it shows the model: the
// course title's hover says the kind and why, an assessment's hover what it asks and checks,
// code lenses count assessments with their highest level, completion offers the objectives an
// assessment can name, rename follows an ID into the assessments that name it, the two new
// rules come with their quick fixes, and bloomline/outline carries kind and assessments.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type {
  CodeAction,
  CodeLens,
  CompletionList,
  Hover,
  MarkupContent,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { applyTextEdits, fileUri, LspClient } from './client.js';

const SYLLABUS = `# Research Methods

## Intended learning outcomes

- **ILO1:** Formulate a testable hypothesis from a research question.
- **ILO2:** Design a field study that tests a hypothesis.
- **ILO3:** Define the parts of a research design.

## Assignments

1. Formulate three hypotheses for a question of your choice (ILO1).
2. What is a dependent variable? (ILO2, ILO3)
`;

let dir: string;
let client: LspClient;
const at = (line: number, character: number) => ({ line, character });
const markdown = (h: Hover | null) => (h?.contents as MarkupContent | undefined)?.value ?? '';

describe('assessments and course kinds in the language server', { timeout: 20_000 }, () => {
  let u: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-lsp-assess-'));
    fs.writeFileSync(path.join(dir, 'syllabus.md'), SYLLABUS);
    client = new LspClient();
    await client.initializeFolder(dir);
    await client.notify('initialized', {});
    u = fileUri(dir, 'syllabus.md');
    await client.notify('textDocument/didOpen', {
      textDocument: { uri: u, languageId: 'markdown', version: 1, text: SYLLABUS },
    });
  });

  after(async () => {
    client?.kill();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports the two rules, no missing-outcome, with their quick fixes', async () => {
    const p = await client.diagnostics(u, (d) =>
      d.diagnostics.some((x) => x.code === 'assessment-below-level'),
    );
    const byCode = (code: string) => p.diagnostics.filter((d) => d.code === code);
    assert.deepEqual(byCode('missing-outcome'), [], 'an academic course expects no outcome');
    assert.deepEqual(byCode('unassessed-objective'), []);
    const below = byCode('assessment-below-level');
    assert.equal(below.length, 1);
    assert.equal(below[0]!.range.start.line, 5, 'ILO2');
    assert.equal(below[0]!.severity, 3);
    assert.equal(below[0]!.relatedInformation?.length, 1, 'points at the question that checks it');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: u },
      range: below[0]!.range,
      context: { diagnostics: below, only: ['quickfix'] },
    });
    const skeleton = actions.find((a) => /assessment skeleton/.test(a.title))!;
    const fixed = applyTextEdits(SYLLABUS, skeleton.edit!.changes![u]!);
    assert.match(
      fixed,
      /- \*\*ILO2:\*\* Design a field study that tests a hypothesis\.\n {2}- Assessment: Design a field study that tests a hypothesis \[TODO/,
    );
  });

  it('hovers the course title with its kind and why', async () => {
    const h = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri: u },
      position: at(0, 4),
    });
    assert.match(markdown(h), /\*\*Research Methods\*\* · academic course/);
    assert.match(markdown(h), /intended learning outcomes/);
    assert.match(markdown(h), /3 objectives, 0 outcomes, 2 assessments/);
  });

  it('hovers an assessment: what it asks, and what it checks', async () => {
    const h = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri: u },
      position: at(11, 8),
    });
    const text = markdown(h);
    assert.match(text, /Assessment · asks for \*\*remember\*\*/);
    assert.match(text, /Question: _What is a dependent variable\?/);
    assert.match(text, /Checks:\n- \*\*ILO2\*\* Design a field study/);
  });

  it('hovers an objective ID with what checks it', async () => {
    const h = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri: u },
      position: at(4, 5),
    });
    assert.match(markdown(h), /Checked by:\n- Formulate three hypotheses.* · create/);
  });

  it('shows lenses: assessments with their highest level, and on each assessment what it checks', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', {
      textDocument: { uri: u },
    });
    const byLine = new Map(lenses.map((l) => [l.range.start.line, l.command!.title]));
    assert.equal(byLine.get(4), '1 assessment: create · create', 'ILO1, no outcome part');
    assert.equal(byLine.get(5), '1 assessment: remember · create');
    assert.equal(byLine.get(10), 'asks for create · checks 1 objective');
    assert.equal(byLine.get(11), 'asks for remember · checks 2 objectives');
    const ilo1 = lenses.find((l) => l.range.start.line === 4)!;
    assert.equal(ilo1.command!.command, 'bloomline.revealItem');
    assert.equal(ilo1.command!.arguments![1], 11, 'reveals the assessment, 1-based line');
  });

  it('completes objective IDs first in an assessment reference', async () => {
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: u },
      position: at(11, SYLLABUS.split('\n')[11]!.indexOf('(ILO2, ') + 7),
    });
    const ilo = list.items.filter((i) => /^ILO/.test(i.label)).map((i) => i.label);
    assert.deepEqual(ilo.sort(), ['ILO1', 'ILO2', 'ILO3']);
    const first = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0]!;
    assert.match(first.label, /^ILO/);
  });

  it('renames an objective ID in the assessments that name it', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: u },
      position: at(5, 5),
      newName: 'ILO9',
    });
    const renamed = applyTextEdits(SYLLABUS, edit.changes![u]!);
    assert.match(renamed, /- \*\*ILO9:\*\* Design a field study/);
    assert.match(renamed, /What is a dependent variable\? \(ILO9, ILO3\)/);
  });

  it('leaves a range as it is when an ID it only implies is renamed', async () => {
    const text = [
      '## Course outcomes',
      '',
      '- CO1: Write a DFA for a given language.',
      '- CO2: Develop a regular expression for a given language.',
      '- CO3: Design a context-free grammar for a given language.',
      '',
      '## Assessments',
      '',
      '- Two tests of 25 marks each (CO1-CO3)',
      '',
    ].join('\n');
    const r = fileUri(dir, 'range.md');
    await client.notify('textDocument/didOpen', {
      textDocument: { uri: r, languageId: 'markdown', version: 1, text },
    });
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: r },
      position: at(3, 3),
      newName: 'CO7',
    });
    const renamed = applyTextEdits(text, edit.changes![r]!);
    assert.match(renamed, /- CO7: Develop a regular expression/);
    assert.match(renamed, /\(CO1-CO3\)$/m);
  });

  it('answers bloomline/outline with the kind and the assessments', async () => {
    const [entry] = await client.request<
      {
        kind: { value: string; reason: string; auto: boolean };
        assessments: { text: string; level: string | null; objectives: { id: string }[] }[];
        objectives: { id: string; assessments: { id: string; implied: boolean }[] }[];
      }[]
    >('bloomline/outline', { uri: u });
    assert.equal(entry!.kind.value, 'academic');
    assert.equal(entry!.kind.auto, true);
    assert.deepEqual(
      entry!.assessments.map((a) => [a.level, a.objectives.map((l) => l.id)]),
      [
        ['create', ['ILO1']],
        ['remember', ['ILO2', 'ILO3']],
      ],
    );
    assert.equal(entry!.objectives[1]!.assessments[0]!.implied, false);
  });
});
