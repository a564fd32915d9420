// Diagnostics of the fixture outline: rule codes, ranges, severities and documentation links,
// and none for an outline without findings or a Markdown file that is no outline.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  bloomline,
  bloomlineDiagnostics,
  COURSE_DEFAULTS,
  fileUri,
  open,
  rangeText,
  ruleOf,
  summary,
  waitForEvent,
  waitForSummary,
} from './helpers';

suite('Diagnostics', () => {
  suiteSetup(async () => {
    await bloomline();
  });

  test('the fixture outline gets its findings with rule codes and ranges', async () => {
    const uri = fileUri('course.md');
    await open(uri);
    const diagnostics = await waitForSummary(uri, COURSE_DEFAULTS, 'the findings of course.md');
    const byRule = new Map(diagnostics.map((d) => [ruleOf(d), d]));
    assert.equal(byRule.get('unknown-reference')?.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(byRule.get('vague-verb')?.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(byRule.get('unknown-reference')!.message, /"LO1\.9"/);
    assert.match(byRule.get('vague-verb')!.message, /"Understand how to" is not observable/);
    for (const d of diagnostics) {
      const code = d.code;
      assert.ok(
        code && typeof code === 'object',
        `${rangeText(d.range)}: code is not {value, target}`,
      );
      assert.match(
        code.target.toString(),
        new RegExp(`docs/rules/${ruleOf(d)}\\.md$`),
        `${ruleOf(d)} links to its documentation`,
      );
    }
  });

  test('an outline without findings and a file that is no outline get none', async () => {
    const practice = fileUri('practice.md');
    const notes = fileUri('notes.md');
    const api = await bloomline();
    await open(notes);
    await open(practice);
    // An empty set of diagnostics is also what a server that never answered leaves, so wait
    // for a sign that it has read practice.md: the tree (following the editor) shows it.
    await waitForEvent(
      api.outlineProvider.onDidRefresh,
      () => api.outlineProvider.getChildren()[0]?.label === 'Practice tasks',
      'the tree to show practice.md',
    );
    assert.deepEqual(summary(bloomlineDiagnostics(practice)), []);
    assert.deepEqual(summary(bloomlineDiagnostics(notes)), []);
  });
});
