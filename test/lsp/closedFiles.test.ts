// Closed files in the language server's index (issue 15): a file no editor has open is kept as
// the summary other files link with (core/summary.ts, Workspace.updateClosed), which also keeps
// what the tree, the report and the export show of it; a request on the file itself reads it
// again from disk. Whatever an editor can ask must come out the same as when every file is open
// and analysed whole: the open document's diagnostics (unknown-reference, missing-outcome,
// unassessed-objective across files), go to definition, references, hover, completion, code
// lenses, rename, document and workspace symbols, the tree (bloomline/outline), the report and
// the export (asked first, from the summaries, and again once requests on closed files have read
// some whole). Three servers answer the same questions: one with every file open, one with only
// course.md open from the start (the others indexed from disk), and the first once it has closed
// the others again.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import type { OutlineJson } from '../../server/src/core/index.js';
import { checkKeys, diagnosticKeys, fileUri, LspClient } from './client.js';

const FILES: Record<string, string> = {
  'course.md': `# Networking course

## Learning objectives

You will be able to:

- **LO1:** Configure the VPN client on a company laptop within 5 minutes.
- **LO2:** Reset a user password in the admin console within 2 minutes.
- **LO3:** Explain how DNS resolves a name to an address.
- **LO4:** Understand firewalls (Q2).

## Assignments

1. Write a post-mortem of an outage for the team wiki (LO9, LO8).
2. Describe the firewall rules of the lab network (LO5, LO4).
`,
  'measures.md': `# Measures

## Success measures

- VPN tickets fall from 120 to 40 a month within 90 days (LO1).
- Password reset calls drop from 30 to 5 a week within 2 months (LO2, LO7).

## Module 9

You will be able to:

- **LO9:** Write a short incident report within 30 minutes.

### Assignments

1. Write an incident report about the outage of last week.
`,
  'quiz.md': `# Quiz\r
\r
## Objectives\r
\r
- **LO5:** Describe how a firewall filters traffic between two networks.\r
\r
## Assignments\r
\r
1. **Q1:** Explain in writing how a resolver finds the address of a name (LO3).\r
2. **Q2:** What does a firewall block, and why? 🔥\r
`,
  // What the tree, the report and the export show beyond IDs and links (a condition, a vague
  // phrase, a compound objective, labels, a nested quiz, outcome targets, a vanity measure, an
  // output, grading weights, the kind read from a lead-in), which a closed file's summary keeps.
  'module.md': `# Module 3: Routing

## Learning objectives

After this module, network technicians will be able to:

- **LO20:** Given a packet capture, identify the routing loop within 10 minutes.
- **LO21:** Learn how to configure static routes on a branch router.
- **LO22:** Compare and contrast OSPF and RIP, and justify a choice for a campus network.
  - Quiz: Which protocol converges faster after a link fails, and why?
- Outcome: Routing incidents fall from 12 to 3 a quarter within 6 months (LO20, LO3).

## Grading

- Lab reports (LO21): 40%
- Final exam: 60%

## Success measures

- The completion rate of the routing course reaches 90%.
- Deliver three routing workshops to the support team.
`,
};
const NAMES = Object.keys(FILES);
const ID = /\b(?:LO|Q)\d+\b/g;

let dir: string;
const clients: LspClient[] = [];

async function start(open: string[]): Promise<LspClient> {
  const client = new LspClient();
  clients.push(client);
  await client.initializeFolder(dir);
  // The scan ends by announcing every outline it read; course.md's diagnostics then carry the
  // cross-file rules.
  const announced = NAMES.map((name) =>
    client.next<{ uri: string }>('bloomline/outlineChanged', (p) => p.uri === uri(name), 20_000),
  );
  await client.notify('initialized', {});
  for (const name of open)
    await client.notify('textDocument/didOpen', {
      textDocument: { uri: uri(name), languageId: 'markdown', version: 1, text: FILES[name] },
    });
  await Promise.all(announced);
  await client.diagnostics(uri('course.md'), (p) =>
    p.diagnostics.some((d) => d.code === 'unknown-reference'),
  );
  return client;
}

const uri = (name: string) => fileUri(dir, name);

/** Every position of an ID in a file (the middle of it), by line and character. */
function idPositions(name: string): { line: number; character: number }[] {
  const out: { line: number; character: number }[] = [];
  FILES[name]!.split('\n').forEach((text, line) => {
    for (const m of text.matchAll(ID)) out.push({ line, character: m.index + 1 });
  });
  return out;
}

/** What an editor sees of the workspace: every answer, in order, as JSON. */
async function answers(client: LspClient): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const course = uri('course.md');
  const published = client.latestDiagnostics(course) as PublishDiagnosticsParams;
  out.diagnostics = published.diagnostics;
  // The tree, the report and the export first, while no request on a closed file has read it
  // whole again (closed files answer from their summaries), and again at the end.
  await views(client, out, 'first');
  for (const name of NAMES) {
    const textDocument = { uri: uri(name) };
    for (const position of idPositions(name)) {
      const at = `${name}:${position.line}:${position.character}`;
      out[`definition ${at}`] = await client.request('textDocument/definition', {
        textDocument,
        position,
      });
      out[`references ${at}`] = await client.request('textDocument/references', {
        textDocument,
        position,
        context: { includeDeclaration: true },
      });
      out[`hover ${at}`] = await client.request('textDocument/hover', { textDocument, position });
    }
    out[`symbols ${name}`] = await client.request('textDocument/documentSymbol', {
      textDocument,
    });
    out[`lenses ${name}`] = await client.request('textDocument/codeLens', { textDocument });
  }
  // Completion of a reference in the open document: IDs of every file, with their levels.
  out.completion = await client.request('textDocument/completion', {
    textDocument: { uri: course },
    position: { line: 9, character: '- **LO4:** Understand firewalls (Q'.length },
  });
  const lo1 = idPositions('course.md')[0]!;
  out.rename = await client.request('textDocument/rename', {
    textDocument: { uri: course },
    position: lo1,
    newName: 'LO11',
  });
  out.workspaceSymbols = await client.request('workspace/symbol', { query: '' });
  out.workspaceSymbolsLo = await client.request('workspace/symbol', { query: 'lo' });
  await views(client, out, 'again');
  return out;
}

/** The tree of each file and of the workspace, the report and the export. */
async function views(client: LspClient, out: Record<string, unknown>, when: string) {
  for (const name of NAMES)
    out[`outline ${name} ${when}`] = await client.request('bloomline/outline', { uri: uri(name) });
  out[`outline ${when}`] = await client.request('bloomline/outline', {});
  out[`report ${when}`] = await client.request('bloomline/report', {});
  out[`export ${when}`] = await client.request('bloomline/export', { format: 'canvas' });
}

describe('language server: closed files kept as summaries', { timeout: 120_000 }, () => {
  let whole: Record<string, unknown>;

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-lsp-closed-')));
    for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, name), text);
    whole = await answers(await start(NAMES));
  });

  after(async () => {
    // Each server ended by its PID, pass or fail (stop() kills what does not exit).
    await Promise.all(clients.map((c) => c.stop()));
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers with every file open are not empty (the comparisons below mean something)', () => {
    const codes = (whole.diagnostics as { code: string }[]).map((d) => d.code);
    assert.ok(codes.includes('unknown-reference'), codes.join());
    // course.md names LO9 (measures.md) and Q2 (quiz.md): definitions go into those files.
    const targets = Object.entries(whole)
      .filter(([k]) => k.startsWith('definition course.md'))
      .map(([, v]) => (v as { uri: string } | null)?.uri ?? '');
    assert.ok(
      targets.includes(uri('measures.md')) && targets.includes(uri('quiz.md')),
      JSON.stringify(Object.entries(whole).filter(([k]) => k.startsWith('definition course.md'))),
    );
    // LO9's hover lists the assignment in course.md and the one its own section checks it with.
    const hovers = Object.entries(whole)
      .filter(([k]) => k.startsWith('hover course.md'))
      .map(([, v]) => JSON.stringify(v));
    assert.ok(hovers.some((h) => /Checked by:.*post-mortem.*incident report/s.test(h)));
    assert.equal((whole['report first'] as { courses: unknown[] }).courses.length, 4);
    assert.equal((whole['outline first'] as unknown[]).length, 4);
    // module.md's tree entry shows what only its whole model had read (so a summary that lost
    // it would answer otherwise).
    const [module] = whole[`outline module.md first`] as OutlineJson[];
    assert.equal(module!.kind.value, 'workplace');
    assert.deepEqual(
      module!.objectives.map((o) => [o.condition, o.vaguePhrase, o.behaviours.length]),
      [
        ['Given a packet capture', null, 1],
        [null, 'learn', 1],
        [null, null, 3],
      ],
    );
    assert.deepEqual(
      module!.outcomes.map((o) => [o.label, o.target, o.vanityMetric, o.output]),
      [
        ['Outcome', 'from 12 to 3', null, null],
        [null, 'reaches 90%', 'completion rate', null],
        [null, null, null, 'Deliver three routing workshops'],
      ],
    );
    assert.deepEqual(
      module!.assessments.map((a) => [a.label, a.parent, a.form, a.weight]),
      [
        ['Quiz', 'LO22', 'question', null],
        [null, null, null, '40%'],
        [null, null, null, '60%'],
      ],
    );
    // A link into another file, located there (line and text).
    assert.deepEqual(
      module!.outcomes[0]!.objectives.find((l) => l.id === 'LO3'),
      {
        id: 'LO3',
        implied: false,
        via: 'reference',
        filePath: path.join(dir, 'course.md'),
        line: 9,
        text: 'Explain how DNS resolves a name to an address.',
      },
    );
    assert.ok((whole.workspaceSymbols as unknown[]).length >= 8);
  });

  it('course.md open, the others closed from the start: the same answers', async () => {
    const client = await start(['course.md']);
    assert.deepEqual(await answers(client), whole);
  });

  it('the open diagnostics are those of `bloomline check` on the folder', () => {
    const keys = diagnosticKeys(whole.diagnostics as PublishDiagnosticsParams['diagnostics']);
    assert.deepEqual(keys, checkKeys(FILES)['course.md']);
  });

  it('the others opened and closed again: the same answers', async () => {
    const client = await start(NAMES);
    // Once closed, a file is read from disk again and announced (now as a closed file).
    for (const name of ['measures.md', 'quiz.md', 'module.md']) {
      const announced = client.next<{ uri: string }>(
        'bloomline/outlineChanged',
        (p) => p.uri === uri(name),
        20_000,
      );
      await client.notify('textDocument/didClose', { textDocument: { uri: uri(name) } });
      await announced;
    }
    assert.deepEqual(await answers(client), whole);
    assert.equal(client.stderr.match(/bloomline: .*(failed|error)/i), null, client.stderr);
  });
});
