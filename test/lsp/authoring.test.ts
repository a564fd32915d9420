// What course authors do in the editor with IDs and findings, over real JSON-RPC: a university
// syllabus whose assessment table names its course learning outcomes in a column of its own.
// Every wait is on a notification or a response, never on a timer.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type {
  CodeAction,
  Hover,
  Location,
  MarkupContent,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { applyTextEdits, fileUri, LspClient } from './client.js';

const SYLLABUS = `# BIO 210: Cell Biology

## Course learning outcomes

On successful completion of this course, students will be able to:

- **CLO1:** Describe the structure of eukaryotic cells in a labelled diagram.
- **CLO2:** Explain how membrane transport maintains homeostasis in a short essay.
- **CLO3:** Design a controlled experiment to test enzyme activity, meeting the rubric.
- **CLO5:** Evaluate primary literature on cell signalling against the CASP checklist.

## Assessment

| Assessment | Weight | CLOs |
| --- | --- | --- |
| **A1:** Midterm exam | 30% | CLO1, CLO2 |
| **A2:** Lab report | 30% | CLO3 |
| **A3:** Literature review essay | 40% | CLO3, CLO5 |
`;

let dir: string;
let client: LspClient;
const lines = SYLLABUS.split('\n');
/** The position of the `n`th occurrence (0-based) of `needle` on line `line`, plus `plus`. */
const at = (line: number, needle: string, plus = 1) => ({
  line,
  character: lines[line]!.indexOf(needle) + plus,
});

describe('IDs in an assessment table', { timeout: 20_000 }, () => {
  let u: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-lsp-authoring-'));
    fs.writeFileSync(path.join(dir, 'syllabus.md'), SYLLABUS);
    client = new LspClient();
    await client.initializeFolder(dir);
    await client.notify('initialized', {});
    u = fileUri(dir, 'syllabus.md');
    await client.notify('textDocument/didOpen', {
      textDocument: { uri: u, languageId: 'markdown', version: 1, text: SYLLABUS },
    });
    await client.diagnostics(u);
  });

  after(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('goes to the definition from a reference in the CLOs column', async () => {
    const loc = await client.request<Location | null>('textDocument/definition', {
      textDocument: { uri: u },
      position: at(16, 'CLO3'),
    });
    assert.ok(loc, 'a definition for CLO3 in the table');
    assert.equal(loc.uri, u);
    assert.deepEqual(loc.range.start, { line: 8, character: 4 });
  });

  it('hovers a reference in the CLOs column with the objective it names', async () => {
    const h = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: u },
      position: at(17, 'CLO5'),
    });
    const value = (h?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(value, /\*\*CLO5\*\*/);
    assert.match(value, /Evaluate primary literature/);
  });

  it('renames from a reference in the CLOs column, moving the ID and every reference', async () => {
    const prepared = await client.request<{ placeholder: string } | null>(
      'textDocument/prepareRename',
      { textDocument: { uri: u }, position: at(17, 'CLO3') },
    );
    assert.equal(prepared?.placeholder, 'CLO3');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: u },
      position: at(17, 'CLO3'),
      newName: 'CLO4',
    });
    const out = applyTextEdits(SYLLABUS, edit.changes![u]!).split('\n');
    assert.match(out[8]!, /^- \*\*CLO4:\*\* Design/);
    assert.match(out[16]!, /\| CLO4 \|$/);
    assert.match(out[17]!, /\| CLO4, CLO5 \|$/);
  });

  it('refuses a rename onto an ID the syllabus already has, saying which', async () => {
    await assert.rejects(
      client.request('textDocument/rename', {
        textDocument: { uri: u },
        position: at(16, 'CLO3'),
        newName: 'CLO5',
      }),
      /"CLO5" is already the ID of an objective/,
    );
  });
});

const PLAN = `# Customer Service Refresher

## Objectives

By the end of the session, agents will be able to:

- **OBJ1:** Understand the refund policy.
- **OBJ2:** Log a refund request in the ticketing system within 3 minutes.

## Success measures

- Refund-handling errors fall from 12% to 3% within 60 days (OBJ1, OBJ22).
`;

describe('fixing every problem from the quick fix menu', { timeout: 20_000 }, () => {
  let planDir: string;
  let c: LspClient;
  let u: string;
  before(async () => {
    planDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-lsp-fixall-'));
    fs.writeFileSync(path.join(planDir, 'plan.md'), PLAN);
    c = new LspClient();
    await c.initializeFolder(planDir);
    await c.notify('initialized', {});
    u = fileUri(planDir, 'plan.md');
    await c.notify('textDocument/didOpen', {
      textDocument: { uri: u, languageId: 'markdown', version: 1, text: PLAN },
    });
  });

  after(async () => {
    await c?.stop();
    if (planDir) fs.rmSync(planDir, { recursive: true, force: true });
  });

  // VS Code's light bulb and Ctrl+. leave out source actions (source.fixAll.bloomline shows
  // only under "Source Action..." or on save), so fix-all must also be a quick fix there, as
  // ESLint's "Fix all auto-fixable problems" is.
  it('offers "Fix all auto-fixable Bloomline problems" as a quick fix when two rules have fixes', async () => {
    const p = await c.diagnostics(u, (x) =>
      x.diagnostics.some((d) => d.code === 'unknown-reference'),
    );
    const vague = p.diagnostics.find((d) => d.code === 'vague-verb')!;
    // What the light bulb asks: no `only`.
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: u },
      range: vague.range,
      context: { diagnostics: [vague], triggerKind: 1 },
    });
    const all = actions.filter(
      (a) => a.kind === 'quickfix' && a.title === 'Fix all auto-fixable Bloomline problems',
    );
    assert.equal(all.length, 1, actions.map((a) => `${a.kind}: ${a.title}`).join(' | '));
    assert.ok(!all[0]!.isPreferred, 'never applied by "Auto Fix" in place of the fix at hand');
    const fixed = applyTextEdits(PLAN, all[0]!.edit!.changes![u]!).split('\n');
    assert.equal(fixed[6], '- **OBJ1:** Explain the refund policy.');
    assert.match(fixed[11]!, /\(OBJ1, OBJ2\)\.$/);
  });

  it("does not repeat it where it would only do what the rule's own fix-all or the quick fix does", async () => {
    const one = PLAN.replace('OBJ22', 'OBJ2');
    await c.notify('textDocument/didChange', {
      textDocument: { uri: u, version: 2 },
      contentChanges: [{ text: one }],
    });
    const p = await c.diagnostics(
      u,
      (x) => x.version === 2 || !x.diagnostics.some((d) => d.code === 'unknown-reference'),
    );
    const vague = p.diagnostics.find((d) => d.code === 'vague-verb')!;
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: u },
      range: vague.range,
      context: { diagnostics: [vague] },
    });
    assert.deepEqual(
      actions.filter((a) => a.kind === 'quickfix' && /^Fix all/.test(a.title)).map((a) => a.title),
      [],
    );
  });
});

const TRAINING = `# Data Protection Compliance Course

## Learning objectives

Participants will be able to:

- LO1: Identify personal data in a customer record with 100% accuracy.
- LO2: Report a suspected breach to the DPO within 1 hour, following the checklist.

## Outcomes

- Breach reports filed on time rise from 60% to 95% by June (LO2).
- **KPI2:** 90% of staff complete the course (LO1).
`;

describe('hovering an outcome', { timeout: 20_000 }, () => {
  let hoverDir: string;
  let c: LspClient;
  let u: string;
  const tl = TRAINING.split('\n');
  const hover = async (line: number, needle: string) => {
    const h = await c.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: u },
      position: { line, character: tl[line]!.indexOf(needle) + 1 },
    });
    return (h?.contents as MarkupContent | undefined)?.value ?? '';
  };
  before(async () => {
    hoverDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-lsp-hover-'));
    fs.writeFileSync(path.join(hoverDir, 'course.md'), TRAINING);
    c = new LspClient();
    await c.initializeFolder(hoverDir);
    await c.notify('initialized', {});
    u = fileUri(hoverDir, 'course.md');
    await c.notify('textDocument/didOpen', {
      textDocument: { uri: u, languageId: 'markdown', version: 1, text: TRAINING },
    });
    await c.diagnostics(u);
  });

  after(async () => {
    await c?.stop();
    if (hoverDir) fs.rmSync(hoverDir, { recursive: true, force: true });
  });

  it('on its text (an outcome with no ID): what it measures, its target and timeframe', async () => {
    const value = await hover(11, 'reports filed');
    assert.match(value, /^Outcome/);
    assert.match(value, /Target: from 60% to 95%/);
    assert.match(value, /Timeframe: by June/);
    assert.match(value, /Measures:\n- \*\*LO2\*\*/);
  });

  it('on its ID: says a vanity measure is one, and that no timeframe was found', async () => {
    const value = await hover(12, 'KPI2');
    assert.match(value, /^\*\*KPI2\*\*: Outcome/);
    assert.match(value, /Timeframe: none found/);
    assert.match(value, /Vanity metric: .*complete/);
  });
});

// Carpentries-style episodes number their objectives per file: IDs are unique within a file, and a
// reference resolves in its own file first, then across the workspace where the ID is unique.
const EPISODE1 = `# Navigating files

:::::::::::::::::::::::::::::::::::::: objectives
- **LO1:** Navigate the file system with \`cd\` and \`ls\` without assistance.
- **LO2:** Create a directory tree of three levels with \`mkdir -p\` in one command.
::::::::::::::::::::::::::::::::::::::::::::::::
`;
const EPISODE2 = `# Pipes and filters

:::::::::::::::::::::::::::::::::::::: objectives
- **LO1:** Redirect a command's output to a file with \`>\` without errors.
- **LO3:** Combine three commands in a pipeline that counts lines in 10 files within 5 minutes.
::::::::::::::::::::::::::::::::::::::::::::::::
`;
const EPISODE3 = `# Loops

:::::::::::::::::::::::::::::::::::::: objectives
- **LO5:** Write a for loop that renames 20 files within 10 minutes.
::::::::::::::::::::::::::::::::::::::::::::::::

## Challenge

Rename the files again, then combine the loop with a pipeline (LO5, LO3).
`;

describe('renaming an ID in one episode of a workshop', { timeout: 20_000 }, () => {
  let wsDir: string;
  let c: LspClient;
  const u = (name: string) => fileUri(wsDir, name);
  const renameLO2 = (newName: string) =>
    c.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: u('ep1.md') },
      position: { line: 4, character: 5 },
      newName,
    });
  before(async () => {
    wsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-lsp-episodes-'));
    const files = { 'ep1.md': EPISODE1, 'ep2.md': EPISODE2, 'ep3.md': EPISODE3 };
    for (const [name, text] of Object.entries(files))
      fs.writeFileSync(path.join(wsDir, name), text);
    c = new LspClient();
    await c.initializeFolder(wsDir);
    await c.notify('initialized', {});
    for (const [name, text] of Object.entries(files)) {
      await c.notify('textDocument/didOpen', {
        textDocument: { uri: u(name), languageId: 'markdown', version: 1, text },
      });
      await c.diagnostics(u(name));
    }
  });

  after(async () => {
    await c?.stop();
    if (wsDir) fs.rmSync(wsDir, { recursive: true, force: true });
  });

  it('allows an ID another episode has when no reference from another file names it', async () => {
    // ep3 has an LO5 too, named only from ep3 itself, where it still resolves after the rename.
    const edit = await renameLO2('LO5');
    assert.deepEqual(Object.keys(edit.changes ?? {}), [u('ep1.md')]);
    assert.match(applyTextEdits(EPISODE1, edit.changes![u('ep1.md')]!), /\*\*LO5:\*\* Create/);
  });

  it('refuses an ID its own file has, or one another file names across files', async () => {
    await assert.rejects(renameLO2('LO1'), /"LO1" is already the ID of an objective: choose/);
    // ep3's challenge names ep2's LO3: with two LO3s it would name neither.
    await assert.rejects(renameLO2('LO3'), /"LO3" is already the ID of an objective in .*ep2\.md/);
  });
});
