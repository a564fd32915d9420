// Each kind of quick fix, applied as VS Code applies it (the code action's WorkspaceEdit),
// removes the diagnostic it was offered for and changes nothing else in the file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  bloomline,
  bloomlineDiagnostics,
  COURSE_DEFAULTS,
  fileUri,
  open,
  quickFixFor,
  rangeText,
  restore,
  ruleOf,
  summary,
  waitForDiagnostics,
  waitForSummary,
} from './helpers';

function sameDiagnostic(a: vscode.Diagnostic, b: vscode.Diagnostic): boolean {
  return ruleOf(a) === ruleOf(b) && a.message === b.message && a.range.isEqual(b.range);
}

/**
 * Applies the quick fix titled like `title` offered for the `rule` diagnostic on `line`
 * (1-based), waits until that diagnostic is gone, and checks the text outside the fixed line.
 */
async function applyQuickFix(rule: string, line: number, title: RegExp): Promise<string> {
  const uri = fileUri('course.md');
  const editor = await open(uri);
  const before = editor.document.getText();
  const diagnostics = await waitForSummary(uri, COURSE_DEFAULTS, 'the fixture findings');
  const target = diagnostics.find((d) => ruleOf(d) === rule && d.range.start.line === line - 1);
  assert.ok(target, `no ${rule} diagnostic on line ${line}`);

  const action = await quickFixFor(uri, rule, target, title);
  assert.ok(action.kind && vscode.CodeActionKind.QuickFix.contains(action.kind), 'kind quickfix');
  assert.ok(action.edit, `"${action.title}" carries no edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `"${action.title}" was not applied`);

  const after = await waitForDiagnostics(
    uri,
    (ds) => !ds.some((d) => sameDiagnostic(d, target)),
    `${rule}@${rangeText(target.range)} to go after "${action.title}"`,
  );
  const text = editor.document.getText();
  assertOnlyLineChanged(before, text, line);
  // The other findings stay (those on later lines may have moved down).
  const others = COURSE_DEFAULTS.filter((s) => !s.startsWith(`${rule}@${line}:`)).map((s) =>
    s.replace(/@.*/, ''),
  );
  const left = summary(after).map((s) => s.replace(/@.*/, ''));
  for (const other of new Set(others)) {
    assert.ok(
      left.includes(other),
      `${other} disappeared too; left: ${JSON.stringify(summary(after))}`,
    );
  }
  return text.split(/\r?\n/)[line - 1]!;
}

/** Every line but `line` (1-based) is as it was; lines may have been inserted after it. */
function assertOnlyLineChanged(before: string, after: string, line: number): void {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  ) {
    tail++;
  }
  // Lines head .. a.length - tail - 1 of the old text were changed (0-based).
  const firstChanged = head;
  const lastChanged = a.length - tail - 1;
  assert.ok(
    firstChanged >= line - 1 && lastChanged <= line - 1,
    `the fix changed lines ${firstChanged + 1}-${lastChanged + 1}, not only line ${line}:\n` +
      b.slice(firstChanged, b.length - tail).join('\n'),
  );
}

suite('Quick fixes', () => {
  let original = '';

  suiteSetup(async () => {
    await bloomline();
    const document = await vscode.workspace.openTextDocument(fileUri('course.md'));
    original = document.getText();
  });

  teardown(async () => {
    const uri = fileUri('course.md');
    await restore(uri, original);
    await waitForSummary(uri, COURSE_DEFAULTS, 'the fixture findings after restoring course.md');
  });

  test('vague verb: keeping the behaviour rewrites "Understand how to configure"', async () => {
    const line = await applyQuickFix('vague-verb', 12, /^Keep the behaviour/);
    assert.equal(line, '- **LO1.2:** Configure the VPN client.');
  });

  test('vague verb: replacing the verb with a suggested one', async () => {
    const line = await applyQuickFix('vague-verb', 12, /^Replace "Understand" with "Explain"/);
    assert.equal(line, '- **LO1.2:** Explain how to configure the VPN client.');
  });

  test('missing outcome: adds an outcome skeleton under the objective', async () => {
    await applyQuickFix('missing-outcome', 14, /outcome/i);
    const lines = vscode.window.activeTextEditor!.document.getText().split(/\r?\n/);
    assert.match(lines[14]!, /^\s+- Outcome: /, 'the outcome is nested under LO1.4');
  });

  test('missing criterion: adds a criterion to complete', async () => {
    const line = await applyQuickFix('missing-criterion', 13, /criterion/i);
    assert.ok(
      line.startsWith('- **LO1.3:** Configure multi-factor authentication on a work phone'),
      line,
    );
  });

  test('"Bloomline: Fix all auto-fixable problems" applies every preferred fix, from the palette', async () => {
    const uri = fileUri('course.md');
    const editor = await open(uri);
    await waitForSummary(uri, COURSE_DEFAULTS, 'the fixture findings');
    const applied = await vscode.commands.executeCommand<boolean>('bloomline.fixAll');
    assert.equal(applied, true, 'the command applied an edit');
    const after = await waitForDiagnostics(
      uri,
      (ds) => !ds.some((d) => ruleOf(d) === 'vague-verb'),
      'the vague verb to be fixed',
    );
    assert.equal(
      editor.document.getText().split(/\r?\n/)[11],
      '- **LO1.2:** Configure the VPN client.',
    );
    // LO1.9 has several near IDs, so no preferred fix: it stays, and so does missing-outcome.
    const left = summary(after).map((s) => s.replace(/@.*/, ''));
    assert.ok(left.includes('unknown-reference') && left.includes('missing-outcome'), `${left}`);
    // Nothing left to fix automatically: the command says so and changes nothing.
    const text = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand<boolean>('bloomline.fixAll'), false);
    assert.equal(editor.document.getText(), text);
  });

  test('unknown reference: changes it to a suggested ID', async () => {
    const line = await applyQuickFix('unknown-reference', 19, /^Change the reference to "LO1\.2"/);
    assert.equal(line, '- Password-reset calls drop by 30% by the end of Q3 2027 (LO1.3, LO1.2).');
    assert.deepEqual(
      bloomlineDiagnostics(fileUri('course.md')).filter((d) => ruleOf(d) === 'unknown-reference'),
      [],
    );
  });
});
