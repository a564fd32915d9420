// The language server and the file formats beyond .md: the workspace index reads Quarto,
// R Markdown and notebooks from disk (a notebook's Markdown cells, positions of the file as
// stored), and a notebook opened through LSP 3.17 notebook sync is analysed as one text whose
// diagnostics, quick fixes and hovers stand on each cell, in the cell's own lines. Over real
// JSON-RPC (`bloomline lsp --stdio`); every wait is on a notification or a response.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type {
  CodeAction,
  Hover,
  MarkupContent,
  PublishDiagnosticsParams,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { fileUri, LspClient } from './client.js';

const QMD = `---
title: "Version control"
---

## Learning objectives

- **LO1:** Understand what a commit is.
- **LO2:** Create a repository with \`git init\` without assistance.
`;

const RMD = `# Functions in R

::: objectives
- Understand how functions take arguments.
:::

\`\`\`{r}
f <- function(x) x + 1
\`\`\`
`;

/** A notebook on disk (nbformat 4, as Jupyter writes it): its outcome names LO1 of the .qmd. */
const STORED = `{
 "cells": [
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": [
    "# Dates and times\\n",
    "\\n",
    "## Objectives\\n",
    "\\n",
    "- Know the \\"datetime\\" module\\n"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": null,
   "metadata": {},
   "outputs": [],
   "source": ["- Understand code cells"]
  },
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": ["## Outcomes\\n", "\\n", "- Commit errors fall from 20% to 5% within a term (LO1)\\n"]
  }
 ],
 "metadata": {},
 "nbformat": 4,
 "nbformat_minor": 5
}
`;

let dir: string;
let client: LspClient;
const uri = (name: string) => fileUri(dir, name);
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code));

interface Entry {
  uri: string;
  filePath: string;
  objectives: {
    id: string;
    text: string;
    line: number;
    column: number;
    cell?: { index?: number; uri?: string; line: number; column: number };
    outcomes: { id: string; filePath?: string }[];
  }[];
  outcomes: { text: string; objectives: { id: string; filePath?: string }[] }[];
}

describe('language server: Quarto, R Markdown and notebooks', { timeout: 20_000 }, () => {
  let indexed: Promise<unknown>;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-formats-'));
    fs.writeFileSync(path.join(dir, 'lesson.qmd'), QMD);
    fs.writeFileSync(path.join(dir, 'functions.Rmd'), RMD);
    fs.writeFileSync(path.join(dir, 'dates.ipynb'), STORED);
    fs.mkdirSync(path.join(dir, '.ipynb_checkpoints'));
    fs.writeFileSync(path.join(dir, '.ipynb_checkpoints', 'dates-checkpoint.ipynb'), STORED);
    fs.writeFileSync(path.join(dir, 'broken.ipynb'), '{"cells": [');
    fs.writeFileSync(path.join(dir, 'open.ipynb'), STORED);

    client = new LspClient();
    const result = await client.request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: fileUri(dir),
      workspaceFolders: [{ uri: fileUri(dir), name: 'course' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true },
        textDocument: { publishDiagnostics: { versionSupport: true }, hover: {} },
        notebookDocument: { synchronization: {} },
      },
    });
    assert.deepEqual(result.capabilities.notebookDocumentSync, {
      notebookSelector: [{ notebook: 'jupyter-notebook', cells: [{ language: 'markdown' }] }],
    });
    // The index is complete when the last file's outline is announced; the notebook's is.
    indexed = client.next(
      'bloomline/outlineChanged',
      (p: { uri: string }) => p.uri === uri('dates.ipynb'),
    );
    await client.notify('initialized', {});
  });

  after(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('indexes .qmd, .Rmd and .ipynb files, not checkpoints or broken notebooks', async () => {
    await indexed;
    const all = await client.request<Entry[]>('bloomline/outline', {});
    const names = all.map((e) => path.basename(e.filePath)).sort();
    assert.deepEqual(names, ['dates.ipynb', 'functions.Rmd', 'lesson.qmd', 'open.ipynb']);
    const rmd = all.find((e) => e.filePath.endsWith('functions.Rmd'))!;
    assert.deepEqual(
      rmd.objectives.map((o) => o.text),
      ['Understand how functions take arguments.'],
    );
    // The notebook: its Markdown cells only; lines of the file as stored, and the cell.
    const nb = all.find((e) => e.filePath.endsWith('dates.ipynb'))!;
    assert.deepEqual(
      nb.objectives.map((o) => o.text),
      ['Know the "datetime" module'],
    );
    const know = nb.objectives[0]!;
    assert.equal(know.line, 11);
    assert.equal(know.column, STORED.split('\n')[10]!.indexOf('Know') + 1);
    assert.deepEqual(know.cell, { index: 0, line: 5, column: 3 });
    // The outcome in the notebook names LO1 of the Quarto file: linked across files.
    assert.deepEqual(
      nb.outcomes[0]!.objectives.map((l) => [l.id, path.basename(l.filePath ?? '')]),
      [['LO1', 'lesson.qmd']],
    );
    // The report gives the same line of the file as stored (as `bloomline report` does).
    const report = await client.request<{
      courses: { filePath: string; objectives: { line: number }[] }[];
    }>('bloomline/report', {});
    const course = report.courses.find((c) => c.filePath.endsWith('dates.ipynb'))!;
    assert.deepEqual(
      course.objectives.map((o) => o.line),
      [11],
    );
  });

  it('checks a .qmd opened as plain text (no Quarto extension) and an .Rmd as language rmd', async () => {
    for (const [name, languageId] of [
      ['lesson.qmd', 'plaintext'],
      ['functions.Rmd', 'rmd'],
    ] as const) {
      const u = uri(name);
      await client.notify('textDocument/didOpen', {
        textDocument: {
          uri: u,
          languageId,
          version: 1,
          text: fs.readFileSync(path.join(dir, name), 'utf8'),
        },
      });
      const p = await client.diagnostics(u, (d) => codes(d).includes('vague-verb'));
      const vague = p.diagnostics.find((d) => d.code === 'vague-verb')!;
      assert.equal(vague.range.start.line, name === 'lesson.qmd' ? 6 : 3);
    }
  });

  describe('a notebook opened through notebook sync', () => {
    const nbUri = () => uri('open.ipynb');
    const cell = (i: number) => `${nbUri().replace(/^file:/, 'vscode-notebook-cell:')}#cell${i}`;
    const cells = [
      { kind: 1, text: '# Working with dates\n\n## Learning objectives\n' },
      { kind: 2, text: '# Objectives\n- Understand code cells', languageId: 'python' },
      { kind: 1, text: '- Understand time zones\n- Convert a timestamp to UTC within 2 minutes' },
      { kind: 1, text: 'Some notes.' },
    ];

    it("publishes diagnostics on the cell they stand in, in the cell's lines", async () => {
      await client.notify('notebookDocument/didOpen', {
        notebookDocument: {
          uri: nbUri(),
          notebookType: 'jupyter-notebook',
          version: 1,
          cells: cells.map((c, i) => ({ kind: c.kind, document: cell(i) })),
        },
        cellTextDocuments: cells.map((c, i) => ({
          uri: cell(i),
          languageId: c.languageId ?? 'markdown',
          version: 1,
          text: c.text,
        })),
      });
      const p = await client.diagnostics(cell(2), (d) => codes(d).includes('vague-verb'));
      const vague = p.diagnostics.find((d) => d.code === 'vague-verb')!;
      assert.deepEqual(vague.range, {
        start: { line: 0, character: 2 },
        end: { line: 0, character: 12 },
      });
      assert.equal(p.version, 1);
      // The heading cell and the notes cell have none; the code cell is never read.
      assert.deepEqual((await client.diagnostics(cell(0))).diagnostics, []);
      assert.deepEqual((await client.diagnostics(cell(3))).diagnostics, []);
      assert.equal(client.latestDiagnostics(cell(1)), undefined);
      // Nothing was published on the notebook's own URI.
      assert.equal(client.latestDiagnostics(nbUri()), undefined);
    });

    it('shows the note of a notebook written in another language on the cell it stands in', async () => {
      const es = uri('curso.ipynb');
      const esCell = (i: number) => `${es.replace(/^file:/, 'vscode-notebook-cell:')}#cell${i}`;
      const esCells = [
        '# Fechas y horas',
        '## Objetivos de aprendizaje\n\n- Comprender los conceptos básicos de las zonas horarias.\n- Convertir una fecha a UTC con la biblioteca estándar.',
      ];
      await client.notify('notebookDocument/didOpen', {
        notebookDocument: {
          uri: es,
          notebookType: 'jupyter-notebook',
          version: 1,
          cells: esCells.map((_, i) => ({ kind: 1, document: esCell(i) })),
        },
        cellTextDocuments: esCells.map((text, i) => ({
          uri: esCell(i),
          languageId: 'markdown',
          version: 1,
          text,
        })),
      });
      const p = await client.diagnostics(esCell(1), (d) => d.diagnostics.length > 0);
      assert.equal(p.diagnostics.length, 1);
      assert.equal(p.diagnostics[0]!.severity, 3);
      assert.equal(p.diagnostics[0]!.code, undefined);
      assert.match(p.diagnostics[0]!.message, /written in Spanish/);
      assert.equal(p.diagnostics[0]!.range.start.line, 0, "the heading, in the cell's lines");
      assert.deepEqual((await client.diagnostics(esCell(0))).diagnostics, []);
      await client.notify('notebookDocument/didClose', {
        notebookDocument: { uri: es },
        cellTextDocuments: esCells.map((_, i) => ({ uri: esCell(i) })),
      });
    });

    it('offers the quick fix as an edit of the cell, and hovers in the cell', async () => {
      const p = client.latestDiagnostics(cell(2))!;
      const vague = p.diagnostics.find((d) => d.code === 'vague-verb')!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: cell(2) },
        range: vague.range,
        context: { diagnostics: [vague] },
      });
      const preferred = actions.find((a) => a.isPreferred)!;
      assert.ok(preferred, JSON.stringify(actions));
      const changes = (preferred.edit as WorkspaceEdit).changes!;
      assert.deepEqual(Object.keys(changes), [cell(2)]);
      assert.equal(changes[cell(2)]![0]!.range.start.line, 0);
      const hover = await client.request<Hover | null>('textDocument/hover', {
        textDocument: { uri: cell(2) },
        position: { line: 1, character: 4 },
      });
      assert.match((hover?.contents as MarkupContent).value, /apply/i, 'Convert is apply');
      assert.equal(hover!.range!.start.line, 1);
      // The outline names the cell of each objective, with the cell's own line.
      const [entry] = await client.request<Entry[]>('bloomline/outline', { uri: cell(2) });
      assert.deepEqual(
        entry!.objectives.map((o) => [o.cell?.uri, o.line]),
        [
          [cell(2), 1],
          [cell(2), 2],
        ],
      );
    });

    it('follows a change of a cell, and clears the cells on close', async () => {
      await client.notify('notebookDocument/didChange', {
        notebookDocument: { uri: nbUri(), version: 2 },
        change: {
          cells: {
            textContent: [
              {
                document: { uri: cell(2), version: 2 },
                changes: [
                  { text: '- Know nothing\n- Explain time zones to a colleague within 2 minutes' },
                ],
              },
            ],
          },
        },
      });
      const p = await client.diagnostics(cell(2), (d) => d.version === 2);
      assert.deepEqual(
        p.diagnostics.filter((d) => d.code === 'vague-verb').map((d) => d.range.start.line),
        [0],
      );
      await client.notify('notebookDocument/didClose', {
        notebookDocument: { uri: nbUri() },
        cellTextDocuments: cells.map((_, i) => ({ uri: cell(i) })),
      });
      const cleared = await client.diagnostics(cell(2), (d) => d.diagnostics.length === 0);
      assert.deepEqual(cleared.diagnostics, []);
      // The notebook is read from disk again.
      const [disk] = await client.request<Entry[]>('bloomline/outline', { uri: nbUri() });
      assert.deepEqual(
        disk!.objectives.map((o) => o.text),
        ['Know the "datetime" module'],
      );
    });
  });
});
