// The language server over real JSON-RPC: `node bin/bloomline.js lsp --stdio` on a temporary
// workspace of two linked outlines, a README, and two folders with broken .bloomline.json files.
// Every wait is on a notification or a response, never on a timer.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type {
  CodeAction,
  CodeLens,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  Location,
  MarkupContent,
  PublishDiagnosticsParams,
  SymbolInformation,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { CancellationTokenSource } from 'vscode-languageserver/node.js';
import { applyTextEdits, fileUri, LspClient } from './client.js';

const DOCS = 'https://github.com/bloomline/bloomline/blob/main/docs/rules/';

const COURSE = `# Remote Work Security

## Module 1: Connecting

### Learning objectives

By the end of this module, participants will be able to:

- **LO1:** Understand how to configure the VPN client.
- **LO2:** Know the password policy.
- **LO3:** Configure multi-factor authentication on a work phone without assistance.

### Success measures

- VPN tickets fall from 120 to 40 a month within 90 days (LO1, LO2).
- Password resets drop by 30% within two quarters (LO3, LO9).
`;

const MODULE2 = `# Module 2: Phishing

## Objectives

You will be able to:

- **LO4:** Classify 20 sample emails as phishing or legitimate with at least 90% accuracy.

## Outcomes

- Phishing clicks fall from 12% to 4% within two quarters (LO4, LO1).
`;

const LESSON = `# Lesson

## Learning objectives

- Understand DNS.
`;

let dir: string;
let client: LspClient;
const uri = (name: string) => fileUri(dir, name);
const texts = new Map<string, string>();
const versions = new Map<string, number>();

async function open(name: string, text: string, languageId = 'markdown'): Promise<string> {
  const u = uri(name);
  texts.set(u, text);
  versions.set(u, 1);
  await client.notify('textDocument/didOpen', {
    textDocument: { uri: u, languageId, version: 1, text },
  });
  return u;
}

/** An incremental change: the edits are applied here too, so tests know the text. */
async function change(u: string, edits: { range: Diagnostic['range']; newText: string }[]) {
  const version = versions.get(u)! + 1;
  versions.set(u, version);
  texts.set(u, applyTextEdits(texts.get(u)!, edits));
  await client.notify('textDocument/didChange', {
    textDocument: { uri: u, version },
    contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
  });
  return version;
}

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code));
const at = (line: number, character: number) => ({ line, character });
const markdown = (h: Hover | null) => (h?.contents as MarkupContent | undefined)?.value ?? '';

describe('language server over stdio', { timeout: 20_000 }, () => {
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-lsp-'));
    fs.writeFileSync(path.join(dir, 'course.md'), COURSE);
    fs.writeFileSync(path.join(dir, 'module2.md'), MODULE2);
    fs.writeFileSync(path.join(dir, 'README.md'), '# Notes\n\nNothing to check here.\n');
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'lesson.md'), LESSON);
    fs.writeFileSync(
      path.join(dir, 'sub', '.bloomline.json'),
      '{\n  "rules": { "vague-verb": "loud" },\n  "linkin": "explicit"\n}\n',
    );
    fs.mkdirSync(path.join(dir, 'broken'));
    fs.writeFileSync(path.join(dir, 'broken', 'notes.md'), LESSON);
    fs.writeFileSync(path.join(dir, 'broken', '.bloomline.json'), '{ "rules": { } ,, }\n');
    fs.mkdirSync(path.join(dir, 'twice'));
    fs.writeFileSync(
      path.join(dir, 'twice', '.bloomline.json'),
      '{\n  "rules": {\n    "no-verb": "off",\n    "no-verb": "error",\n    "no-verbs": "off"\n  },\n  "kind": 3\n}\n',
    );
    fs.mkdirSync(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules', 'pkg', 'README.md'), MODULE2);

    client = new LspClient();
    const result = await client.request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: fileUri(dir),
      workspaceFolders: [{ uri: fileUri(dir), name: 'course' }],
      capabilities: {
        workspace: {
          configuration: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceFolders: true,
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          rename: { prepareSupport: true },
        },
      },
    });
    const caps = result.capabilities;
    assert.deepEqual(caps.codeActionProvider, {
      codeActionKinds: ['quickfix', 'source.fixAll', 'source.fixAll.bloomline'],
      resolveProvider: false,
    });
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    await client.notify('initialized', {});
  });

  after(async () => {
    client?.kill();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes diagnostics with rule codes, ranges and documentation links on open', async () => {
    const u = await open('course.md', COURSE);
    // Cross-file rules wait for the workspace index; the final set has all of them.
    const p = await client.diagnostics(u, (d) => codes(d).includes('unknown-reference'));
    assert.equal(p.version, 1);
    const vague = p.diagnostics.filter((d) => d.code === 'vague-verb');
    assert.equal(vague.length, 2);
    assert.deepEqual(vague[0]!.range, { start: at(8, 11), end: at(8, 21) });
    assert.deepEqual(vague[0]!.codeDescription, { href: `${DOCS}vague-verb.md` });
    assert.equal(vague[0]!.source, 'bloomline');
    assert.equal(vague[0]!.severity, 2);
    assert.deepEqual(vague[1]!.range, { start: at(9, 11), end: at(9, 15) });
    const unknown = p.diagnostics.find((d) => d.code === 'unknown-reference')!;
    assert.equal(unknown.severity, 1);
    const lo9 = COURSE.split('\n')[15]!.indexOf('LO9');
    assert.deepEqual(unknown.range, { start: at(15, lo9), end: at(15, lo9 + 3) });
    assert.match(unknown.message, /"LO9"/);
    for (const d of p.diagnostics)
      assert.equal(d.codeDescription?.href, `${DOCS}${String(d.code)}.md`);
    assert.ok(
      client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'),
      'file watchers registered dynamically',
    );
  });

  it('gives a file that is not an outline empty diagnostics', async () => {
    const u = await open('README.md', fs.readFileSync(path.join(dir, 'README.md'), 'utf8'));
    const p = await client.diagnostics(u);
    assert.deepEqual(p.diagnostics, []);
  });

  it('reports each problem of an invalid .bloomline.json, where it is, and uses the defaults for them', async () => {
    const bad = await client.diagnostics(uri('sub/.bloomline.json'));
    assert.equal(bad.diagnostics.length, 2);
    const [d, e] = bad.diagnostics;
    assert.equal(d!.severity, 1);
    assert.match(d!.message, /rules\.vague-verb: "loud" is not a severity/);
    assert.deepEqual(d!.range, { start: at(1, 27), end: at(1, 33) }, 'on the value');
    assert.match(e!.message, /linkin: unknown setting "linkin" \(did you mean "linking"\?\)/);
    assert.deepEqual(e!.range, { start: at(2, 2), end: at(2, 10) }, 'on the key');
    assert.ok(
      client.shownMessages.some((m) => /sub.\.bloomline\.json has 2 problems/.test(m)),
      `a window message says so: ${client.shownMessages.join(' | ')}`,
    );
    const broken = await client.diagnostics(uri('broken/.bloomline.json'));
    assert.equal(broken.diagnostics.length, 1);
    assert.match(broken.diagnostics[0]!.message, /not valid JSON/);
    assert.equal(broken.diagnostics[0]!.range.start.line, 0);
    assert.ok(broken.diagnostics[0]!.range.start.character > 0, 'at the JSON error');

    const lesson = await open('sub/lesson.md', LESSON);
    const p = await client.diagnostics(lesson, (x) => x.diagnostics.length > 0);
    const vague = p.diagnostics.find((x) => x.code === 'vague-verb');
    assert.equal(vague?.severity, 2, 'the default severity, not the invalid one');
    assert.ok(codes(p).includes('missing-criterion'));
  });

  it('lists every problem of a .bloomline.json at once, a key given twice too, each where it is', async () => {
    const p = await client.diagnostics(uri('twice/.bloomline.json'));
    assert.deepEqual(
      p.diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.severity]),
      [
        [2, 4, 1],
        [4, 4, 1],
        [6, 10, 1],
      ],
      p.diagnostics.map((d) => d.message).join(' | '),
    );
    assert.match(
      p.diagnostics[0]!.message,
      /rules\.no-verb: given again on line 4, which is the one used; ignored/,
    );
    assert.match(p.diagnostics[1]!.message, /rules\.no-verbs: unknown rule "no-verbs"/);
    assert.match(p.diagnostics[2]!.message, /kind: must be/);
  });

  it('offers quick fixes, fix-all of a rule and source.fixAll.bloomline', async () => {
    const u = uri('course.md');
    const p = client.latestDiagnostics(u)!;
    const vague = p.diagnostics.find((d) => d.code === 'vague-verb')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: u },
      range: vague.range,
      context: { diagnostics: [vague] },
    });
    const quick = actions.filter(
      (a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === 'vague-verb',
    );
    const preferred = quick.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1);
    assert.equal(preferred[0]!.title, 'Keep the behaviour: "Configure ..."');
    assert.ok(quick.length > 1, 'the other verbs are offered too');
    const fixed = applyTextEdits(texts.get(u)!, preferred[0]!.edit!.changes![u]!);
    assert.match(fixed, /- \*\*LO1:\*\* Configure the VPN client\./);

    const fixAll = actions.find((a) => a.title === 'Fix all vague-verb problems in this file');
    assert.ok(fixAll, actions.map((a) => a.title).join(' | '));
    assert.equal(fixAll.edit!.changes![u]!.length, 2);

    const source = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: u },
      range: { start: at(0, 0), end: at(0, 0) },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(
      source.map((a) => a.kind),
      ['source.fixAll.bloomline'],
    );
    const all = applyTextEdits(texts.get(u)!, source[0]!.edit!.changes![u]!);
    assert.doesNotMatch(all, /Understand how to|Know the/);
  });

  it('re-analyses after an incremental change: the fixed vague verb goes away', async () => {
    const u = uri('course.md');
    const outlineChanged = client.next<{ uri: string }>(
      'bloomline/outlineChanged',
      (n) => n.uri === u,
    );
    const version = await change(u, [
      { range: { start: at(8, 11), end: at(8, 11 + 'Understand how to c'.length) }, newText: 'C' },
    ]);
    assert.match(texts.get(u)!, /- \*\*LO1:\*\* Configure the VPN client\./);
    const p = await client.diagnostics(u, (d) => d.version === version);
    const vague = p.diagnostics.filter((d) => d.code === 'vague-verb');
    assert.deepEqual(
      vague.map((d) => d.range.start.line),
      [9],
      'only LO2 is still vague',
    );
    await outlineChanged;
    // Every analysed version is published, even when its diagnostics did not change.
    const lines = texts.get(u)!.split('\n').length;
    const blank = await change(u, [
      { range: { start: at(lines - 1, 0), end: at(lines - 1, 0) }, newText: '\n' },
    ]);
    const same = await client.diagnostics(u, (d) => d.version === blank);
    assert.deepEqual(same.diagnostics, p.diagnostics);
  });

  it('completes Bloom verbs with their levels after "able to " and at an objective\'s start', async () => {
    const u = uri('course.md');
    await change(u, [{ range: { start: at(11, 0), end: at(11, 0) }, newText: '- \n' }]);
    const start = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: u },
      position: at(11, 2),
    });
    const design = start.items.find((i) => i.label === 'Design');
    assert.ok(design, 'capitalised verbs at the start of an objective');
    assert.equal(design.labelDetails?.description, 'create');
    // Remove the line again.
    await change(u, [{ range: { start: at(11, 0), end: at(12, 0) }, newText: '' }]);

    const scratch = await open('scratch.md', 'Learners will be able to \n');
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: scratch },
      position: at(0, 25),
    });
    const configure = list.items.find((i) => i.label === 'configure');
    assert.ok(configure);
    assert.equal(configure.labelDetails?.description, 'apply');
    assert.equal(configure.detail, 'Carrying out or using a procedure in a given situation.');
    const levels = [...list.items]
      .sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1))
      .map((i) => i.labelDetails!.description);
    assert.equal(levels[0], 'remember');
    assert.equal(levels[levels.length - 1], 'create');
    assert.deepEqual(configure.textEdit, {
      range: { start: at(0, 25), end: at(0, 25) },
      newText: 'configure',
    });
  });

  it('completes objective IDs inside a reference', async () => {
    const u = uri('course.md');
    // "(LO1, LO2)" -> type after "(LO1, ".
    const line = texts.get(u)!.split('\n')[14]!;
    const col = line.indexOf('(LO1, ') + 6;
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: u },
      position: at(14, col),
    });
    const labels = list.items.map((i) => i.label);
    for (const id of ['LO1', 'LO2', 'LO3', 'LO4']) assert.ok(labels.includes(id), labels.join());
    const lo3 = list.items.find((i) => i.label === 'LO3')!;
    assert.match(String((lo3.documentation as MarkupContent).value), /multi-factor/);
  });

  it('hovers: a verb names its Bloom level; a vague verb says why; an ID shows its item', async () => {
    const u = uri('course.md');
    const verb = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri: u },
      position: at(10, 13),
    });
    assert.match(markdown(verb), /\*\*configure\*\*: Bloom level 3 of 6, \*\*apply\*\*/);
    assert.match(markdown(verb), /Stronger alternatives \(analyze\)/);
    const vague = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri: u },
      position: at(9, 12),
    });
    assert.match(markdown(vague), /vague/);
    assert.match(markdown(vague), /Try: identify/);
    const id = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri: u },
      position: at(15, 51),
    });
    assert.match(markdown(id), /\*\*LO3\*\*: Objective · apply/);
    assert.match(markdown(id), /multi-factor authentication/);
    assert.match(markdown(id), /Measured by:/);
  });

  it('hovers: every behaviour with its level in context; a verb of unknown level', async () => {
    const u = await open(
      'behaviours.md',
      '## Objectives\n\n- Create a remote repository and review a pull request.\n- Subset a data frame by rows.\n',
    );
    await client.diagnostics(u, (x) => x.diagnostics.length > 0);
    const create = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri: u },
      position: at(2, 4),
    });
    assert.match(markdown(create), /\*\*create\*\*: Bloom level 3 of 6, \*\*apply\*\*/);
    const review = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri: u },
      position: at(2, 38),
    });
    assert.match(markdown(review), /\*\*review\*\*: Bloom level 5 of 6, \*\*evaluate\*\*/);
    const subset = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri: u },
      position: at(3, 4),
    });
    assert.match(markdown(subset), /\*\*subset\*\*: a verb, .*read as \*\*apply\*\*/);
    await client.notify('textDocument/didClose', { textDocument: { uri: u } });
  });

  it('lists document symbols: sections > objectives > outcomes', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: uri('course.md') },
    });
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0]!.name, 'Remote Work Security');
    const module1 = symbols[0]!.children![0]!;
    assert.equal(module1.name, 'Module 1: Connecting');
    const names = module1.children!.map((s) => s.name);
    assert.match(names[0]!, /^LO1 Configure the VPN client/);
    assert.equal(names.length, 5, names.join(' | '));
    assert.deepEqual(module1.children![0]!.selectionRange, { start: at(8, 4), end: at(8, 7) });
    const ws = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'lo4' });
    assert.deepEqual(
      ws.map((s) => [s.name, s.location.uri]),
      [['LO4', uri('module2.md')]],
    );
  });

  it('goes to a definition in another file, finds references and renames an ID across files', async () => {
    const m2 = await open('module2.md', MODULE2);
    const course = uri('course.md');
    const refLine = 10;
    const refCol = MODULE2.split('\n')[refLine]!.indexOf('LO1');
    const def = await client.request<Location>('textDocument/definition', {
      textDocument: { uri: m2 },
      position: at(refLine, refCol + 1),
    });
    assert.deepEqual(def, { uri: course, range: { start: at(8, 4), end: at(8, 7) } });

    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: course },
      position: at(8, 5),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      refs.map((r) => [r.uri, r.range.start.line]).sort(),
      [
        [course, 8],
        [course, 14],
        [m2, 10],
      ].sort(),
    );

    const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', {
      textDocument: { uri: m2 },
      position: at(refLine, refCol),
    });
    assert.equal(prepared.placeholder, 'LO1');
    await assert.rejects(
      client.request('textDocument/prepareRename', {
        textDocument: { uri: m2 },
        position: at(0, 4),
      }),
      /Only objective, outcome and assessment IDs/,
    );
    await assert.rejects(
      client.request('textDocument/rename', {
        textDocument: { uri: course },
        position: at(8, 5),
        newName: 'not an id',
      }),
      /not an ID/,
    );
    await assert.rejects(
      client.request('textDocument/rename', {
        textDocument: { uri: course },
        position: at(8, 5),
        newName: 'LO4',
      }),
      /already the ID/,
    );
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: course },
      position: at(8, 5),
      newName: 'LO10',
    });
    const courseText = applyTextEdits(texts.get(course)!, edit.changes![course]!);
    assert.match(courseText, /\*\*LO10:\*\* Configure/);
    assert.match(courseText, /\(LO10, LO2\)/);
    assert.match(applyTextEdits(MODULE2, edit.changes![m2]!), /\(LO4, LO10\)/);
  });

  it('shows code lenses on objectives and sections', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', {
      textDocument: { uri: uri('course.md') },
    });
    const byLine = new Map(lenses.map((l) => [l.range.start.line, l.command!.title]));
    assert.equal(byLine.get(2), 'apply 2 · vague 1', 'Module 1 heading');
    assert.equal(byLine.get(8), '2 outcomes · apply', 'LO1: this file and module2.md');
    assert.equal(byLine.get(9), '1 outcome · vague');
    const lo1 = lenses.find((l) => l.range.start.line === 8)!;
    assert.equal(lo1.command!.command, 'bloomline.revealItem');
  });

  it('answers bloomline/outline and bloomline/report', async () => {
    const one = await client.request<
      { uri: string; objectives: { id: string; level: string | null }[] }[]
    >('bloomline/outline', { uri: uri('course.md') });
    assert.equal(one.length, 1);
    assert.equal(one[0]!.uri, uri('course.md'));
    assert.deepEqual(
      one[0]!.objectives.map((o) => [o.id, o.level]),
      [
        ['LO1', 'apply'],
        ['LO2', null],
        ['LO3', 'apply'],
      ],
    );
    const all = await client.request<{ uri: string }[]>('bloomline/outline', {});
    const names = all.map((e) => path.relative(dir, new URL(e.uri).pathname)).sort();
    assert.deepEqual(names, ['broken/notes.md', 'course.md', 'module2.md', 'sub/lesson.md']);
    const report = await client.request<{ courses: unknown[]; coverage: { objectives: number } }>(
      'bloomline/report',
      {},
    );
    assert.equal(report.courses.length, 4);
    assert.equal(report.coverage.objectives, 6);
  });

  it('re-publishes an open document when a watched file defines an ID it names', async () => {
    const course = uri('course.md');
    assert.ok(codes(client.latestDiagnostics(course)!).includes('unknown-reference'));
    fs.writeFileSync(
      path.join(dir, 'extra.md'),
      '# Extra\n\n## Objectives\n\nYou will be able to:\n\n- **LO9:** List the three password rules without errors.\n',
    );
    const republished = client.diagnostics(course, (p) => !codes(p).includes('unknown-reference'));
    await client.notify('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uri('extra.md'), type: 1 }],
    });
    await republished;
  });

  it('applies the editor settings, with a .bloomline.json winning over them', async () => {
    const course = uri('course.md');
    const lesson = uri('sub/lesson.md');
    assert.ok(codes(client.latestDiagnostics(course)!).includes('missing-criterion'));
    client.settings = { rules: { 'missing-criterion': 'off', 'vague-verb': 'hint' } };
    const without = client.diagnostics(course, (p) => !codes(p).includes('missing-criterion'));
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await without;
    // sub/.bloomline.json is still invalid, so the settings apply there too.
    await client.diagnostics(
      lesson,
      (p) => p.diagnostics.find((d) => d.code === 'vague-verb')?.severity === 4,
    );

    // Fixing the file clears its diagnostic, and what it says wins over the settings.
    fs.writeFileSync(
      path.join(dir, 'sub', '.bloomline.json'),
      '{ "rules": { "vague-verb": "error" } }\n',
    );
    const cleared = client.diagnostics(
      uri('sub/.bloomline.json'),
      (p) => p.diagnostics.length === 0,
    );
    const asError = client.diagnostics(
      lesson,
      (p) => p.diagnostics.find((d) => d.code === 'vague-verb')?.severity === 1,
    );
    await client.notify('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uri('sub/.bloomline.json'), type: 2 }],
    });
    await cleared;
    const p = await asError;
    assert.ok(
      !codes(p).includes('missing-criterion'),
      'the settings fill in what the file does not say',
    );
  });

  it('says once, as information, that a course is written in another language', async () => {
    const spanish = [
      '# Introducción a la programación',
      '',
      '## Objetivos de aprendizaje',
      '',
      '- Comprender los conceptos básicos de la programación estructurada.',
      '- Escribir programas sencillos en Python con buenas prácticas.',
      '- Depurar errores comunes con la ayuda del intérprete.',
      '',
    ].join('\n');
    const u = await open('es/curso.md', spanish);
    const p = await client.diagnostics(u, (x) => x.diagnostics.length > 0);
    assert.equal(p.diagnostics.length, 1, 'one note, no findings');
    const [d] = p.diagnostics;
    assert.equal(d!.severity, 3, 'information');
    assert.equal(d!.source, 'bloomline');
    assert.equal(d!.code, undefined, 'a note, not a rule');
    assert.match(d!.message, /under "Objetivos de aprendizaje" are written in Spanish/);
    assert.equal(d!.range.start.line, 2, 'on the heading that names them');

    // One objective in French under an English heading: quiet, and the note stands on it.
    const mixed = [
      '# Databases',
      '',
      '## Learning objectives',
      '',
      '- Design a normalised schema for a library of at least 10 tables.',
      '- Organiser une base de données.',
      '',
    ].join('\n');
    const m = await open('mixed.md', mixed);
    const q = await client.diagnostics(m, (x) => x.diagnostics.length > 0);
    assert.deepEqual(
      q.diagnostics.map((x) => [x.range.start.line, x.code, x.severity]),
      [[5, undefined, 3]],
      q.diagnostics.map((x) => x.message).join(' | '),
    );
    assert.match(q.diagnostics[0]!.message, /^1 objective is written in French/);
  });

  it('says where a disable comment names a rule that does not exist, with the one meant', async () => {
    const text = [
      '## Learning objectives',
      '',
      '- Know TCP. <!-- bloomline-disable-line vague-vrb -->',
      '',
    ].join('\n');
    const u = await open('typo.md', text);
    const p = await client.diagnostics(u, (x) => x.diagnostics.some((d) => d.code === undefined));
    const note = p.diagnostics.find((d) => d.code === undefined)!;
    assert.equal(note.severity, 3, 'information');
    assert.deepEqual(note.range, {
      start: { line: 2, character: 40 },
      end: { line: 2, character: 49 },
    });
    assert.match(note.message, /^No rule is named "vague-vrb" \(did you mean "vague-verb"\?\)/);
    assert.ok(
      p.diagnostics.some((d) => d.code === 'vague-verb'),
      'the misspelt comment turns nothing off',
    );
  });

  it('says why it declines a document nested too deep or too large, and recovers', async () => {
    const deep =
      '## Objectives\n\n- Understand DNS.\n\n' +
      Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n') +
      '\n';
    const u = await open('deep.md', deep);
    const p = await client.diagnostics(u, (x) => x.diagnostics.length > 0);
    assert.equal(p.diagnostics.length, 1, 'one notice, no findings');
    const [d] = p.diagnostics;
    assert.equal(d!.severity, 3, 'information');
    assert.match(d!.message, /^Bloomline did not analyse this file: .*nested more than 64/);
    assert.equal(d!.range.start.line, 4 + 64, 'on the first line nested too deep');
    // Hover and code actions on the declined document answer, with nothing.
    assert.equal(
      await client.request('textDocument/hover', { textDocument: { uri: u }, position: at(2, 3) }),
      null,
    );
    // Deleting the deep list: the document is analysed again.
    const lines = deep.split('\n').length;
    await change(u, [{ range: { start: at(4, 0), end: at(lines - 1, 0) }, newText: '' }]);
    const again = await client.diagnostics(u, (x) => codes(x).includes('vague-verb'));
    assert.ok(!again.diagnostics.some((x) => /did not analyse/.test(x.message)));

    const courseBefore = client.latestDiagnostics(uri('course.md'))!.diagnostics;
    const huge = '- Understand DNS.\n' + 'x'.repeat(21 * 1024 * 1024) + '\n';
    const big = await open('huge.md', huge);
    const hp = await client.diagnostics(big, (x) => x.diagnostics.length > 0);
    assert.equal(hp.diagnostics.length, 1);
    assert.match(hp.diagnostics[0]!.message, /larger than 20 MB/);
    assert.deepEqual(hp.diagnostics[0]!.range, { start: at(0, 0), end: at(0, 0) });
    assert.deepEqual(
      client.latestDiagnostics(uri('course.md'))!.diagnostics,
      courseBefore,
      'nothing else affected',
    );
    await client.notify('textDocument/didClose', { textDocument: { uri: big } });
    await client.notify('textDocument/didClose', { textDocument: { uri: u } });
  });

  it('answers requests about unknown documents with empty results', async () => {
    const nowhere = uri('nowhere.md');
    const doc = { textDocument: { uri: nowhere } };
    assert.equal(await client.request('textDocument/hover', { ...doc, position: at(0, 0) }), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', doc), []);
    assert.deepEqual(await client.request('textDocument/codeLens', doc), []);
    assert.deepEqual(
      await client.request('textDocument/codeAction', {
        ...doc,
        range: { start: at(0, 0), end: at(0, 0) },
        context: { diagnostics: [] },
      }),
      [],
    );
    assert.deepEqual(
      await client.request('textDocument/completion', { ...doc, position: at(0, 0) }),
      { isIncomplete: false, items: [] },
    );
    assert.equal(
      await client.request('textDocument/definition', { ...doc, position: at(0, 0) }),
      null,
    );
    assert.deepEqual(await client.request('bloomline/outline', { uri: nowhere }), []);
  });

  it('answers a cancelled request (with its result or RequestCancelled)', async () => {
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest(
      'textDocument/documentSymbol',
      { textDocument: { uri: uri('course.md') } },
      source.token,
    );
    source.cancel();
    const outcome = await pending.then(
      (result) => ({ result }),
      (error: { code?: number }) => ({ error }),
    );
    if ('error' in outcome) assert.equal(outcome.error.code, -32800);
    else assert.ok(Array.isArray(outcome.result));
  });

  it('shuts down and exits with status 0', async () => {
    assert.equal(await client.request('shutdown'), null);
    await client.notify('exit');
    assert.equal(await client.waitForExit(), 0);
  });
});
