// Assessments and course kinds in a real VS Code: the tree shows the kind on the course and,
// under each objective, the assessments that check it with the level each asks for; the two
// assessment rules' quick fixes, applied as VS Code applies them, remove their diagnostic; the
// course title's hover says the kind and why.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  bloomline,
  fileUri,
  open,
  plain,
  quickFixFor,
  rangeText,
  restore,
  ruleOf,
  SYLLABUS_DEFAULTS,
  waitForDiagnostics,
  waitForEvent,
  waitForSummary,
  type TreeNodeLike,
} from './helpers';

type Shape = [string, string, string, Shape[]];

function shape(node: TreeNodeLike): Shape {
  return [node.kind, node.label, node.description, node.children.map(shape)];
}

/** Applies the quick fix titled like `title` for the `rule` diagnostic on `line` (1-based) and
 * waits until that diagnostic is gone; returns the text after the fix. */
async function applyQuickFix(rule: string, line: number, title: RegExp): Promise<string> {
  const uri = fileUri('syllabus.md');
  const editor = await open(uri);
  const diagnostics = await waitForSummary(uri, SYLLABUS_DEFAULTS, 'the syllabus findings');
  const target = diagnostics.find((d) => ruleOf(d) === rule && d.range.start.line === line - 1);
  assert.ok(target, `no ${rule} diagnostic on line ${line}`);
  const action = await quickFixFor(uri, rule, target, title);
  assert.ok(action.edit, `"${action.title}" carries no edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `"${action.title}" was not applied`);
  await waitForDiagnostics(
    uri,
    (ds) => !ds.some((d) => ruleOf(d) === rule && d.range.start.line === target.range.start.line),
    `${rule}@${rangeText(target.range)} to go after "${action.title}"`,
  );
  return editor.document.getText();
}

suite('Assessments and course kinds', () => {
  let original = '';

  suiteSetup(async () => {
    await bloomline();
    original = (await vscode.workspace.openTextDocument(fileUri('syllabus.md'))).getText();
  });

  teardown(async () => {
    const uri = fileUri('syllabus.md');
    await restore(uri, original);
    await waitForSummary(uri, SYLLABUS_DEFAULTS, 'the syllabus findings after restoring it');
  });

  test('the tree: the kind on the course, assessments with their levels under each objective', async () => {
    const api = await bloomline();
    const provider = api.outlineProvider;
    await provider.setMode('current');
    await open(fileUri('syllabus.md'));
    const expected: Shape = [
      'file',
      'Research Methods',
      'academic · 2 findings',
      [
        [
          'objective',
          'Formulate a testable hypothesis from a research question in under 10 minutes.',
          'ILO1 · create',
          [
            [
              'assessment',
              'Formulate three hypotheses for a research question of your choice (ILO1).',
              'create',
              [],
            ],
            ['assessment', 'Lab 1', 'create', []],
          ],
        ],
        [
          'objective',
          'Design a field study that meets all items of the ethics checklist.',
          'ILO2 · create',
          [['assessment', 'What is a dependent variable? (ILO2)', 'remember', []]],
        ],
        [
          'objective',
          'Compare two sampling strategies in at most 300 words.',
          'ILO3 · analyze',
          [],
        ],
      ],
    ];
    const want = JSON.stringify([expected]);
    await waitForEvent(
      provider.onDidRefresh,
      () => JSON.stringify(provider.getChildren().map(shape)) === want,
      'the tree to show syllabus.md with its assessments',
      () =>
        `; the tree:\n${JSON.stringify(provider.getChildren().map(shape), null, 1)}` +
        `\nexpected:\n${JSON.stringify([expected], null, 1)}`,
    );
    const [file] = provider.getChildren();
    const fileItem = await provider.getTreeItem(file!);
    const fileTip = fileItem.tooltip as vscode.MarkdownString;
    assert.match(fileTip.value, /Kind: \*\*academic\*\*, read from the outline: intended learning/);
    const question = file!.children[1]!.children[0]!;
    const item = await provider.getTreeItem(question);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'tasklist');
    assert.match((item.tooltip as vscode.MarkdownString).value, /Asks for: \*\*remember\*\*/);
    assert.equal(item.command?.command, 'bloomline.revealItem');
    assert.equal(item.command?.arguments?.[1], 12, 'reveals the question on line 12');
  });

  test("the course title's hover says the kind and why", async () => {
    const uri = fileUri('syllabus.md');
    await open(uri);
    await waitForSummary(uri, SYLLABUS_DEFAULTS, 'the syllabus findings');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(0, 4),
    );
    const text = hovers.flatMap((h) => h.contents.map((c) => plain(c as vscode.MarkdownString)));
    assert.ok(
      text.some((t) => /Research Methods\*\* · academic course/.test(t)),
      JSON.stringify(text),
    );
  });

  test('unassessed objective: the skeleton fix nests an assessment under it', async () => {
    const text = await applyQuickFix('unassessed-objective', 7, /assessment skeleton/);
    const lines = text.split(/\r?\n/);
    assert.match(lines[7]!, /^ {2}- Assessment: Compare two sampling strategies \[TODO/);
  });

  test('unassessed objective: the reference fix names it in an assessment that names others', async () => {
    const text = await applyQuickFix('unassessed-objective', 7, /^Reference ILO3 from "Formulate/);
    assert.match(
      text.split(/\r?\n/)[10]!,
      /^1\. Formulate three hypotheses for a research question of your choice \(ILO1, ILO3\)\.$/,
    );
  });

  test('assessment below level: the skeleton fix adds a task at the objective level', async () => {
    const text = await applyQuickFix('assessment-below-level', 6, /at the objective's level/);
    assert.match(
      text.split(/\r?\n/)[6]!,
      /^ {2}- Assessment: Design a field study \[TODO/,
      'the task starts with the objective behaviour, up to its criterion',
    );
  });
});
