// Quarto and notebooks in the editor: a .qmd file (plain text here, where no Quarto extension is
// installed) gets its findings, and a Jupyter notebook's Markdown cell gets the findings of the
// objectives it holds, on the cell itself, in the cell's lines, the heading being in another
// cell. The files are written into a folder of the workspace that is removed at the end (this
// suite runs last, after the suites that look at the whole workspace); the notebook is opened
// as a document only (no notebook editor, whose rendered Markdown would take the keyboard from
// the browser checks that follow), and the .qmd file's editor is closed at the end.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  bloomline,
  bloomlineDiagnostics,
  fileUri,
  open,
  ruleOf,
  summary,
  waitForEvent,
  writeFile,
} from './helpers';

const QMD = `---
title: "Version control"
---

## Learning objectives

- Understand what a commit is.
- Create a repository with \`git init\` without assistance.
`;

const NOTEBOOK = JSON.stringify(
  {
    cells: [
      {
        cell_type: 'markdown',
        metadata: {},
        source: ['# Dates\n', '\n', '## Learning objectives'],
      },
      {
        cell_type: 'code',
        execution_count: null,
        metadata: {},
        outputs: [],
        source: ['import datetime'],
      },
      {
        cell_type: 'markdown',
        metadata: {},
        source: ['- Convert a timestamp to UTC\n', '- Understand time zones'],
      },
    ],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  },
  null,
  1,
);

suite('Quarto and notebooks', () => {
  // In the workspace (removed at the end): on its file system whatever the host, a
  // code-server's remote disk or VS Code for the Web's virtual one.
  const dir = fileUri('formats-e2e');

  suiteSetup(async () => {
    await bloomline();
    await writeFile(vscode.Uri.joinPath(dir, 'lesson.qmd'), QMD);
    await writeFile(vscode.Uri.joinPath(dir, 'dates.ipynb'), NOTEBOOK);
  });

  suiteTeardown(async () => {
    const mine = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .filter(
        (tab) =>
          tab.input instanceof vscode.TabInputText &&
          tab.input.uri.toString().startsWith(dir.toString()),
      );
    await vscode.window.tabGroups.close(mine);
    await vscode.workspace.fs.delete(dir, { recursive: true });
  });

  test('a .qmd file gets its findings', async () => {
    const uri = vscode.Uri.joinPath(dir, 'lesson.qmd');
    await open(uri);
    const diagnostics = await waitForEvent(
      vscode.languages.onDidChangeDiagnostics,
      () => {
        const ds = bloomlineDiagnostics(uri);
        return ds.some((d) => ruleOf(d) === 'vague-verb') && ds;
      },
      'a vague-verb finding in lesson.qmd',
      () => `; seen: ${JSON.stringify(summary(bloomlineDiagnostics(uri)))}`,
    );
    const vague = diagnostics.find((d) => ruleOf(d) === 'vague-verb')!;
    assert.equal(vague.range.start.line, 6);
    assert.equal(vague.range.start.character, 2);
  });

  test("a notebook's Markdown cell gets its findings, in the cell's lines", async () => {
    const notebook = await vscode.workspace.openNotebookDocument(
      vscode.Uri.joinPath(dir, 'dates.ipynb'),
    );
    assert.equal(notebook.notebookType, 'jupyter-notebook');
    const cell = notebook.cellAt(2).document;
    const diagnostics = await waitForEvent(
      vscode.languages.onDidChangeDiagnostics,
      () => {
        const ds = bloomlineDiagnostics(cell.uri);
        return ds.some((d) => ruleOf(d) === 'vague-verb') && ds;
      },
      'a vague-verb finding in the third cell',
      () => `; seen: ${JSON.stringify(summary(bloomlineDiagnostics(cell.uri)))}`,
    );
    const vague = diagnostics.find((d) => ruleOf(d) === 'vague-verb')!;
    assert.equal(vague.range.start.line, 1, "the cell's second line");
    assert.equal(cell.getText(vague.range), 'Understand');
    // The heading cell and the code cell have none.
    assert.deepEqual(summary(bloomlineDiagnostics(notebook.cellAt(0).document.uri)), []);
    assert.deepEqual(summary(bloomlineDiagnostics(notebook.cellAt(1).document.uri)), []);
  });
});
