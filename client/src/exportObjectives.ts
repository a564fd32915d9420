// "Bloomline: Export objectives for an LMS...": pick Canvas, Moodle or CASE, pick where to save,
// and write what the language server's `bloomline/export` returns (the same writers as
// `bloomline export`, from the server's outline model). Warnings (duplicate IDs renamed) are
// shown and logged.
import * as vscode from 'vscode';
import type { ExportParams, ExportResult } from '../../server/src/protocol.js';

export interface ExportSource {
  fetch(format: ExportParams['format']): Promise<ExportResult | null>;
}

interface FormatPick extends vscode.QuickPickItem {
  format: ExportParams['format'];
  filters: Record<string, string[]>;
}

export const EXPORT_PICKS: readonly FormatPick[] = [
  {
    label: 'Canvas',
    description: 'outcomes CSV',
    detail: 'Canvas: Outcomes > Import. A group per course and section, an outcome per objective.',
    format: 'canvas',
    filters: { 'CSV files': ['csv'] },
  },
  {
    label: 'Moodle',
    description: 'competency framework CSV',
    detail: 'Moodle: Site administration > Competencies > Import competency framework.',
    format: 'moodle',
    filters: { 'CSV files': ['csv'] },
  },
  {
    label: '1EdTech CASE 1.1',
    description: 'CFPackage JSON',
    detail: 'A CASE server (OpenSALT, SuitCASE ...): import a CFPackage.',
    format: 'case',
    filters: { 'JSON files': ['json'] },
  },
];

export async function exportObjectives(
  source: ExportSource,
  output: vscode.OutputChannel,
): Promise<void> {
  const pick = await vscode.window.showQuickPick(EXPORT_PICKS, {
    title: 'Export objectives for an LMS',
    placeHolder: 'Which LMS or format?',
  });
  if (!pick) return;
  let result: ExportResult | null;
  try {
    result = await source.fetch(pick.format);
  } catch (error) {
    output.appendLine(`The export failed: ${String(error)}`);
    result = null;
  }
  if (!result) {
    void vscode.window.showErrorMessage(
      'Bloomline could not export the objectives: is the language server running?',
    );
    return;
  }
  if (!result.courses) {
    void vscode.window.showWarningMessage(
      'Bloomline found no objectives to export in this workspace.',
    );
    return;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: `Export objectives for ${pick.label}`,
    saveLabel: 'Export',
    filters: pick.filters,
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, result.fileName) } : {}),
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  for (const w of result.warnings) output.appendLine(`Export: ${w}`);
  const said = `Objectives of ${result.courses} ${result.courses === 1 ? 'outline' : 'outlines'} exported to ${vscode.workspace.asRelativePath(target)}.`;
  if (result.warnings.length) {
    void vscode.window
      .showWarningMessage(`${said} ${result.warnings.join(' ')}`, 'Show output')
      .then((choice) => choice && output.show(true));
  } else {
    void vscode.window.showInformationMessage(said);
  }
}
