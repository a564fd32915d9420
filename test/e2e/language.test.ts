// Completion of Bloom verbs, hover with the Bloom level, and renaming an ID across two files,
// each through the command VS Code's own UI uses.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  bloomline,
  fileUri,
  open,
  plain,
  restore,
  waitForSummary,
  COURSE_DEFAULTS,
} from './helpers';

const LEVELS = ['remember', 'understand', 'apply', 'analyze', 'evaluate', 'create'];

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Everything a completion item shows besides its label. */
function detailsOf(item: vscode.CompletionItem): string {
  const label =
    typeof item.label === 'string'
      ? ''
      : `${item.label.detail ?? ''} ${item.label.description ?? ''}`;
  return `${label} ${item.detail ?? ''} ${plain(item.documentation)}`.toLowerCase();
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

suite('Language features', () => {
  let course = '';
  let practice = '';

  suiteSetup(async () => {
    await bloomline();
    course = (await vscode.workspace.openTextDocument(fileUri('course.md'))).getText();
    practice = (await vscode.workspace.openTextDocument(fileUri('practice.md'))).getText();
  });

  teardown(async () => {
    await restore(fileUri('practice.md'), practice);
    await restore(fileUri('course.md'), course);
    await waitForSummary(fileUri('course.md'), COURSE_DEFAULTS, 'the fixture findings again');
  });

  test('completion offers Bloom verbs with their levels where an objective starts', async () => {
    const uri = fileUri('course.md');
    const editor = await open(uri);
    // A new objective after LO1.4 (line 14), with nothing typed after its ID yet.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(
      uri,
      new vscode.Position(13, editor.document.lineAt(13).text.length),
      '\n- **LO1.5:** ',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    const position = new vscode.Position(14, '- **LO1.5:** '.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      position,
    );
    const items = list.items;
    const labels = items.map(labelOf);
    for (const verb of ['Explain', 'Configure', 'Analyze', 'Design']) {
      assert.ok(
        labels.some((l) => l.toLowerCase() === verb.toLowerCase()),
        `${verb} is not offered; offered: ${labels.slice(0, 40).join(', ')}`,
      );
    }
    for (const level of LEVELS) {
      assert.ok(
        items.some((i) => detailsOf(i).includes(level)),
        `no completion names the level "${level}"`,
      );
    }
    const explain = items.find((i) => labelOf(i).toLowerCase() === 'explain')!;
    assert.match(detailsOf(explain), /understand/, 'Explain is an understand-level verb');
  });

  test("hover over an objective's verb names its Bloom level", async () => {
    const uri = fileUri('course.md');
    await open(uri);
    // "Use" in LO1.1 (line 11) and "Classify" in LO2.1 (line 27), both from column 14.
    const use = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(10, 14),
    );
    assert.match(hoverText(use), /apply/i, `hover over "Use": ${hoverText(use)}`);
    assert.match(hoverText(use), /bloom/i, `hover over "Use": ${hoverText(use)}`);
    const classify = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(26, 15),
    );
    assert.match(
      hoverText(classify),
      /understand/i,
      `hover over "Classify": ${hoverText(classify)}`,
    );
  });

  test('renaming an ID changes its definition and its references in two files', async () => {
    const courseUri = fileUri('course.md');
    const practiceUri = fileUri('practice.md');
    await open(practiceUri);
    await open(courseUri);
    // Inside "LO1.1" of "- **LO1.1:** Use ..." (line 11).
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      courseUri,
      new vscode.Position(10, 6),
      'VPN1',
    );
    assert.ok(edit, 'no rename edit');
    const files = edit
      .entries()
      .map(([uri]) => vscode.workspace.asRelativePath(uri))
      .sort();
    assert.deepEqual(files, ['course.md', 'practice.md']);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const courseAfter = (await vscode.workspace.openTextDocument(courseUri)).getText();
    const practiceAfter = (await vscode.workspace.openTextDocument(practiceUri)).getText();
    assert.equal(courseAfter, course.replaceAll('LO1.1', 'VPN1'));
    assert.equal(practiceAfter, practice.replaceAll('LO1.1', 'VPN1'));
    assert.ok(courseAfter.includes('- **VPN1:** Use the VPN client'), 'the definition');
    assert.ok(courseAfter.includes('(VPN1, LO1.2)'), 'the reference in course.md');
    assert.ok(practiceAfter.includes('(LAB1, VPN1)'), 'the reference in practice.md');
    // Still linked: no reference became unknown.
    await waitForSummary(courseUri, COURSE_DEFAULTS, 'the same findings after the rename');
  });
});
