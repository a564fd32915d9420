// Nothing from the workspace is executed and nothing goes to the network: the CLI and the
// language server run, under a guard that fails any process start or connection
// (test/support/sandbox-guard.ts), over a workspace baited with everything a tool might be
// tempted to run: JavaScript config files next to `.bloomline.json`, a `.bloomline.json` that
// names them, YAML tags that some loaders turn into functions, HTML with scripts, links to a
// server. Each bait writes a file when it runs; none may appear.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../lsp/client.js';
import { BIN, project, ROOT } from './helpers.js';

const GUARD = pathToFileURL(path.join(ROOT, 'out', 'test', 'support', 'sandbox-guard.js')).href;

/** JavaScript that leaves a mark in the folder it sits in when anything runs it. */
const bait = (name: string) =>
  `require('fs').writeFileSync(require('path').join(__dirname, 'RAN-${name}'), 'ran');\n` +
  `module.exports = { plugins: [] };\n`;

const OUTLINE = `---
title: Baited course
objectives: !!js/function "function () { require('fs').writeFileSync('RAN-yaml', 'ran') }"
setup: !<tag:yaml.org,2002:js/undefined> ''
---
# Baited course

<script>require('fs').writeFileSync('RAN-html', 'ran')</script>
<img src="http://127.0.0.1:9/pixel.png" onerror="fetch('http://127.0.0.1:9/')">

## Learning objectives

- **LO1:** Understand how to configure the VPN client.
- **LO2:** Configure the VPN client from [the guide](http://127.0.0.1:9/guide) within 5 minutes.

## Outcomes

- VPN tickets fall from 120 to 40 a month within 90 days (LO1, LO2).
`;

function baitedProject(t: Parameters<typeof project>[0]): string {
  return project(t, {
    '.bloomline.json': JSON.stringify({
      extends: './bloomline.config.js',
      plugins: ['./plugin.cjs'],
      rules: { 'vague-verb': 'warning' },
    }),
    'bloomline.config.js': bait('config'),
    '.bloomline.js': bait('dotconfig'),
    '.bloomlinerc.cjs': bait('rc'),
    'plugin.cjs': bait('plugin'),
    '.remarkrc.js': bait('remarkrc'),
    'package.json': JSON.stringify({
      name: 'baited',
      scripts: { postinstall: 'node plugin.cjs', test: 'node plugin.cjs' },
      bloomline: { plugins: ['./plugin.cjs'] },
    }),
    'node_modules/bloomline-plugin-x/index.js': bait('node-module'),
    'course.md': OUTLINE,
  });
}

function marks(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /RAN-/.test(f));
}

test('the CLI runs nothing from the workspace and opens no connection', (t) => {
  const dir = baitedProject(t);
  const report = path.join(dir, 'report.html');
  for (const args of [
    ['check', '.'],
    ['check', '--format', 'sarif', '.'],
    ['check', '--fix', 'course.md'],
    ['outline', 'course.md'],
    ['report', '--format', 'html', '--output', report, '.'],
  ]) {
    const r = spawnSync(process.execPath, ['--import', GUARD, BIN, ...args], {
      cwd: dir,
      encoding: 'utf8',
    });
    assert.doesNotMatch(r.stderr, /SANDBOX-GUARD/, `bloomline ${args.join(' ')}: ${r.stderr}`);
    assert.ok(r.status === 1 || r.status === 2, `bloomline ${args.join(' ')}: ${r.stderr}`);
    assert.deepEqual(marks(dir), [], `bloomline ${args.join(' ')} ran workspace code`);
  }
  // It did its job under the guard: the fix was applied, the report written.
  assert.match(fs.readFileSync(path.join(dir, 'course.md'), 'utf8'), /\*\*LO1:\*\* Configure/);
  assert.match(fs.readFileSync(report, 'utf8'), /<svg/);
  // The guard is live: a process start under it is refused and said.
  const probe = spawnSync(
    process.execPath,
    ['--import', GUARD, '-e', "require('node:child_process').execSync('true')"],
    { encoding: 'utf8' },
  );
  assert.match(probe.stderr, /SANDBOX-GUARD: child_process\.execSync/);
});

test('the language server runs nothing from the workspace and opens no connection', async (t) => {
  const dir = baitedProject(t);
  const client = new LspClient(['--import', GUARD]);
  t.after(() => client.stop());
  const folder = pathToFileURL(dir).href;
  await client.request('initialize', {
    processId: process.pid,
    rootUri: folder,
    workspaceFolders: [{ uri: folder, name: 'baited' }],
    capabilities: { workspace: { configuration: true, workspaceFolders: true } },
  });
  await client.notify('initialized', {});
  const uri = `${folder}/course.md`;
  await client.notify('textDocument/didOpen', {
    textDocument: { uri, languageId: 'markdown', version: 1, text: OUTLINE },
  });
  const p = await client.diagnostics(uri, (x) =>
    x.diagnostics.some((d) => d.code === 'vague-verb'),
  );
  assert.ok(p.diagnostics.length > 0);
  const position = { line: 13, character: 12 };
  await client.request('textDocument/hover', { textDocument: { uri }, position });
  await client.request('textDocument/completion', { textDocument: { uri }, position });
  await client.request('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: position, end: position },
    context: { diagnostics: p.diagnostics },
  });
  await client.request('bloomline/report', {});
  assert.equal(await client.stop(), 0, 'the server exits cleanly');
  assert.doesNotMatch(client.stderr, /SANDBOX-GUARD/, client.stderr);
  assert.deepEqual(marks(dir), [], 'the server ran workspace code');
});
