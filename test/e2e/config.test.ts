// Configuration reaches the server: a rule turned off in the settings or in .bloomline.json
// loses its diagnostics, and an invalid .bloomline.json gets one clear diagnostic per problem
// while only its bad parts fall back to their defaults (a file that is not JSON: all of it).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  bloomline,
  COURSE_DEFAULTS,
  deleteFile,
  fileUri,
  open,
  summary,
  waitForDiagnostics,
  waitForSummary,
  writeFile,
} from './helpers';

const without = (rule: string) => COURSE_DEFAULTS.filter((s) => !s.startsWith(`${rule}@`));

suite('Configuration', () => {
  suiteSetup(async () => {
    await bloomline();
    await open(fileUri('course.md'));
    await waitForSummary(fileUri('course.md'), COURSE_DEFAULTS, 'the fixture findings');
  });

  teardown(async () => {
    await vscode.workspace
      .getConfiguration('bloomline')
      .update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await deleteFile(fileUri('.bloomline.json'));
    await waitForSummary(fileUri('course.md'), COURSE_DEFAULTS, 'the defaults again');
  });

  test('a rule turned off in the settings loses its diagnostics', async () => {
    const course = fileUri('course.md');
    await vscode.workspace
      .getConfiguration('bloomline')
      .update('rules', { 'missing-criterion': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitForSummary(course, without('missing-criterion'), 'missing-criterion to go');
    // And back when the setting is removed.
    await vscode.workspace
      .getConfiguration('bloomline')
      .update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForSummary(course, COURSE_DEFAULTS, 'missing-criterion to come back');
  });

  test("a severity set in the settings changes the diagnostics' severity", async () => {
    const course = fileUri('course.md');
    await vscode.workspace
      .getConfiguration('bloomline')
      .update('rules', { 'vague-verb': 'error' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(
      course,
      (ds) =>
        ds.some(
          (d) =>
            d.code !== undefined &&
            summary([d])[0]!.startsWith('vague-verb@') &&
            d.severity === vscode.DiagnosticSeverity.Error,
        ),
      'vague-verb to become an error',
    );
  });

  test('a rule turned off in .bloomline.json loses its diagnostics', async () => {
    const course = fileUri('course.md');
    await writeFile(fileUri('.bloomline.json'), '{ "rules": { "missing-outcome": "off" } }\n');
    await waitForSummary(course, without('missing-outcome'), 'missing-outcome to go');
    await deleteFile(fileUri('.bloomline.json'));
    await waitForSummary(course, COURSE_DEFAULTS, 'missing-outcome to come back');
  });

  test('an invalid .bloomline.json gets one clear diagnostic per problem; only its bad parts fall back', async () => {
    const config = fileUri('.bloomline.json');
    // Valid JSON, one valid rule and one invalid severity: the invalid one keeps its default
    // and is reported; the valid one applies (docs/configuration.md).
    await writeFile(config, '{ "rules": { "missing-criterion": "off", "vague-verb": "loud" } }\n');
    const problems = await waitForDiagnostics(
      config,
      (ds) => ds.length > 0,
      'a diagnostic on .bloomline.json',
    );
    assert.equal(problems.length, 1, JSON.stringify(problems.map((d) => d.message)));
    const problem = problems[0]!;
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    assert.match(problem.message, /vague-verb|loud/, `not clear: "${problem.message}"`);
    await waitForSummary(
      fileUri('course.md'),
      without('missing-criterion'),
      'the valid part to apply, vague-verb at its default',
    );

    // Not JSON at all: one diagnostic, and the defaults.
    await writeFile(config, '{ "rules": { "missing-criterion": "off", }\n');
    const broken = await waitForDiagnostics(
      config,
      (ds) => ds.length === 1 && ds[0]!.message !== problem.message,
      'the diagnostic for a file that is not JSON',
    );
    assert.match(broken[0]!.message, /JSON/i, `not clear: "${broken[0]!.message}"`);
    await waitForSummary(fileUri('course.md'), COURSE_DEFAULTS, 'the defaults to come back');

    // Fixed: the diagnostic goes and the file applies.
    await writeFile(config, '{ "rules": { "missing-criterion": "off" } }\n');
    await waitForDiagnostics(config, (ds) => ds.length === 0, 'the config diagnostic to go');
    await waitForSummary(
      fileUri('course.md'),
      without('missing-criterion'),
      'the fixed file to apply',
    );
  });
});
