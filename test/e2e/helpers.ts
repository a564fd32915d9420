// Shared by the end-to-end tests: the workspace under test, the extension's API, and waits that
// resolve on VS Code's own events (diagnostics, the tree's refreshes), each with a deadline so
// that a missing event fails the test with what was seen instead of hanging it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'bloomline.bloomline';
export const SOURCE = 'bloomline';

/** What `activate()` returns (client/src/extension.ts), as far as the tests use it. */
export interface BloomlineApi {
  readonly client: unknown;
  readonly ready: Promise<void>;
  outlineProvider: OutlineProviderLike;
}
export interface TreeNodeLike {
  kind: 'file' | 'section' | 'objective' | 'outcome' | 'assessment' | 'unmeasured' | 'unchecked';
  label: string;
  description: string;
  children: TreeNodeLike[];
}
export interface OutlineProviderLike extends vscode.TreeDataProvider<TreeNodeLike> {
  readonly onDidRefresh: vscode.Event<void>;
  readonly mode: 'current' | 'workspace';
  refresh(): Promise<void>;
  setMode(mode: 'current' | 'workspace'): Promise<void>;
  setProblemsOnly(on: boolean): Promise<void>;
  getChildren(node?: TreeNodeLike): TreeNodeLike[];
}

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'VS Code was started without a workspace folder');
  return folder.uri;
}

export function fileUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), name);
}

let api: BloomlineApi | undefined;

/** The extension's API, once its language server runs. Opening an outline activates it. */
export async function bloomline(): Promise<BloomlineApi> {
  if (api) return api;
  const extension = vscode.extensions.getExtension<BloomlineApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  api = extension.isActive ? extension.exports : await extension.activate();
  assert.ok(api && typeof api === 'object', 'activate() returned no API');
  await api.ready;
  return api;
}

/** Resolves when `check` returns true, checking now and then each time `event` fires. Rejects
 * at the deadline with `describe()`, what was last seen. */
export function waitForEvent<T>(
  event: vscode.Event<unknown>,
  check: () => T | undefined | false,
  what: string,
  describe: () => string = () => '',
  timeoutMs = 20_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      listener.dispose();
      settle();
    };
    const attempt = () => {
      try {
        const value = check();
        if (value !== undefined && value !== false) finish(() => resolve(value));
      } catch (error) {
        finish(() => reject(error));
      }
    };
    const listener = event(attempt);
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${describe()}`)),
        ),
      timeoutMs,
    );
    attempt();
  });
}

/** Polls where VS Code offers no event (extension activation; code actions, which a server may
 * compute only after its analysis of the latest text). */
export async function poll<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs = 20_000,
  describe: () => string = () => '',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${describe()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return String(typeof code === 'object' ? code.value : code);
}

export function bloomlineDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** 1-based `line:column-endLine:endColumn`, as the CLI prints positions. */
export function rangeText(r: vscode.Range): string {
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

/** The quick fix titled like `title` among those offered for `target`'s range, as the light bulb
 * there lists them (VS Code's executeCodeActionProvider drops each action's `diagnostics`, so
 * the fix is told by its title); polled until offered. */
export async function quickFixFor(
  uri: vscode.Uri,
  rule: string,
  target: vscode.Diagnostic,
  title: RegExp,
): Promise<vscode.CodeAction> {
  let offered: string[] = [];
  return poll(
    async () => {
      const actions = (
        await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
          'vscode.executeCodeActionProvider',
          uri,
          target.range,
          vscode.CodeActionKind.QuickFix.value,
        )
      ).filter(isCodeAction);
      offered = actions.map((a) => a.title);
      return actions.find((a) => title.test(a.title));
    },
    `a quick fix like ${title} for ${rule}@${rangeText(target.range)}`,
    10_000,
    () => `; offered: ${JSON.stringify(offered)}`,
  );
}

function isCodeAction(a: vscode.CodeAction | vscode.Command): a is vscode.CodeAction {
  return !('command' in a && typeof a.command === 'string');
}

/** `rule@range`, sorted: a diagnostic set in one comparable form. */
export function summary(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => `${ruleOf(d)}@${rangeText(d.range)}`).sort();
}

/** Resolves with the file's Bloomline diagnostics once `check` accepts them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  check: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
  return waitForEvent(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const diagnostics = bloomlineDiagnostics(uri);
      return check(diagnostics) ? diagnostics : undefined;
    },
    what,
    () =>
      `; last seen on ${vscode.workspace.asRelativePath(uri)}: ${JSON.stringify(summary(bloomlineDiagnostics(uri)))}`,
    timeoutMs,
  );
}

/** Waits for exactly this set of `rule@range` entries. */
export function waitForSummary(uri: vscode.Uri, expected: readonly string[], what: string) {
  const want = JSON.stringify([...expected].sort());
  return waitForDiagnostics(uri, (ds) => JSON.stringify(summary(ds)) === want, what);
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Puts a document back to `text` and saves it, so the next test starts from the fixture. */
export async function restore(uri: vscode.Uri, text: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.getText() !== text) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), text);
    assert.ok(await vscode.workspace.applyEdit(edit), `could not restore ${uri.fsPath}`);
  }
  if (document.isDirty) await document.save();
}

/** Writes a file through VS Code (so its file watchers, and the server's, see it). */
export async function writeFile(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export async function deleteFile(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.workspace.fs.delete(uri);
  } catch (error) {
    if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) throw error;
  }
}

/** Plain text of hover or completion documentation. */
export function plain(
  value: string | vscode.MarkdownString | { value: string } | undefined,
): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : value.value;
}

/** The fixture's findings when every setting is the default (1-based, as `bloomline check`
 * prints them for test/e2e/workspace/course.md). */
export const COURSE_DEFAULTS = [
  'vague-verb@12:14-12:24',
  'missing-criterion@12:14-12:57',
  'missing-criterion@13:14-13:68',
  'missing-outcome@14:14-14:88',
  'unknown-reference@19:66-19:71',
];

/** The findings of test/e2e/workspace/syllabus.md (an academic course with assessments). */
export const SYLLABUS_DEFAULTS = [
  'assessment-below-level@6:13-6:19',
  'unassessed-objective@7:13-7:66',
];
