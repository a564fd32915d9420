// The alignment report in the webview (client/src/reportHtml.ts): the writer's page with VS
// Code's Content Security Policy and one nonce-carrying script, nothing loaded from the
// network, the source links kept and outline text still escaped; and the checks on the
// messages the script posts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, Workspace } from '../../server/src/core/index.js';
import { formatReportHtml } from '../../server/src/report/index.js';
import {
  classifyReportFile,
  exportFormatFor,
  makeNonce,
  parseRevealMessage,
  reportCsp,
  webviewHtml,
} from '../../client/src/reportHtml.js';

const OUTLINE = `# Onboarding

## Module 1

By the end of this module, participants will be able to:

- **LO1:** Configure the VPN client within 10 minutes.
- **LO2:** Understand the password policy.

### Success measures

- VPN tickets fall from 120 to 40 a month within 90 days (LO1).
`;

const CSP_SOURCE = 'https://*.vscode-cdn.net';

function page(nonce = makeNonce()) {
  const ws = new Workspace();
  ws.update('/work/course.md', OUTLINE);
  const report = buildReport(ws.outlines());
  // Outline text is plain text, but it may spell out markup (in code spans, escaped, ...).
  const course = report.courses[0]!;
  course.title = 'Onboarding <script>alert(1)</script>';
  course.objectives[0]!.text += ' <script>alert("x")</script>';
  course.objectives[1]!.text += ' <img src="https://evil.example/x.png">';
  const writer = formatReportHtml(report);
  return { writer, html: webviewHtml(writer, nonce, CSP_SOURCE), nonce };
}

test('exactly one CSP meta, the webview policy with the nonce', () => {
  const { html, nonce } = page();
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/gi)];
  assert.equal(metas.length, 1);
  const content = /content="([^"]*)"/.exec(metas[0]![0])![1]!.replace(/&#39;/g, "'");
  assert.equal(content, reportCsp(nonce, CSP_SOURCE));
  assert.match(content, /^default-src 'none'; /);
  assert.ok(content.includes(`script-src 'nonce-${nonce}'`));
  assert.ok(content.includes(`style-src 'unsafe-inline' ${CSP_SOURCE}`));
  assert.ok(content.includes(`img-src ${CSP_SOURCE} data:`));
  // In <head>, before the styles it governs.
  assert.ok(html.indexOf(metas[0]![0]) < html.indexOf('<style>'));
  assert.ok(html.indexOf(metas[0]![0]) < html.indexOf('</head>'));
});

test('one script, and it carries the nonce', () => {
  const { html, nonce } = page();
  const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
  assert.deepEqual(scripts, [`<script nonce="${nonce}">`]);
  assert.equal(html.match(/<\/script>/gi)?.length, 1);
  // No inline event handlers, which the policy would block anyway.
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
});

test('nothing is loaded from the network', () => {
  const { html } = page();
  assert.doesNotMatch(html, /\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?\/\//i);
  assert.doesNotMatch(html, /url\(\s*["']?(?:https?:)?\/\//i);
  assert.doesNotMatch(html, /@import/i);
  // The only http(s) text outside the escaped outline text is the policy's cspSource.
  const withoutCsp = html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i, '');
  const urls = [...withoutCsp.matchAll(/https?:\/\/[^\s"'<>&]*/g)].map((m) => m[0]);
  assert.deepEqual([...new Set(urls)], ['https://evil.example/x.png'], 'only as escaped text');
  assert.ok(withoutCsp.includes('&lt;img src=&quot;https://evil.example/x.png&quot;&gt;'));
});

test('the data-file and data-line attributes of the writer are all kept', () => {
  const { writer, html } = page();
  const attrs = (text: string) =>
    [...text.matchAll(/data-(?:file|line)="[^"]*"/g)].map((m) => m[0]);
  assert.ok(attrs(writer).length > 4);
  assert.deepEqual(attrs(html), attrs(writer));
  assert.ok(html.includes('data-file="/work/course.md"'));
});

test('outline text stays escaped', () => {
  const { html } = page();
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
  assert.doesNotMatch(html, /<script>alert/);
  assert.doesNotMatch(html, /<img/i);
});

test('the script makes the source links focusable and posts reveal messages', () => {
  const { html } = page();
  const script = /<script nonce="[^"]+">([\s\S]*?)<\/script>/.exec(html)![1]!;
  assert.match(script, /acquireVsCodeApi\(\)/);
  assert.match(script, /tabindex/);
  assert.match(script, /'Enter'/);
  assert.match(script, /type: 'reveal'/);
  assert.doesNotMatch(script, /https?:|import\(|fetch\(|XMLHttpRequest/);
});

test('a nonce is fresh each time and cannot break out of its attribute', () => {
  assert.notEqual(makeNonce(), makeNonce());
  assert.match(makeNonce(), /^[A-Za-z0-9+/]{22}==$/);
  assert.throws(() => webviewHtml(page().writer, '"><script>', CSP_SOURCE));
});

test('only well-formed reveal messages are accepted', () => {
  assert.deepEqual(parseRevealMessage({ type: 'reveal', file: 'a.md', line: 3 }), {
    type: 'reveal',
    file: 'a.md',
    line: 3,
  });
  for (const bad of [
    null,
    'reveal',
    { type: 'other', file: 'a.md', line: 3 },
    { type: 'reveal', file: '', line: 3 },
    { type: 'reveal', file: 'a.md', line: 0 },
    { type: 'reveal', file: 'a.md', line: 1.5 },
    { type: 'reveal', file: 'a.md', line: '3' },
    { type: 'reveal', file: 7, line: 3 },
  ]) {
    assert.equal(parseRevealMessage(bad), null, JSON.stringify(bad));
  }
});

test('report file paths: URIs, absolute paths, paths relative to the workspace', () => {
  assert.deepEqual(classifyReportFile('untitled:Untitled-1'), {
    kind: 'uri',
    uri: 'untitled:Untitled-1',
  });
  assert.equal(classifyReportFile('file:///work/a.md').kind, 'uri');
  assert.equal(classifyReportFile('/work/a.md').kind, 'absolute');
  assert.equal(classifyReportFile('C:\\work\\a.md').kind, 'absolute');
  assert.deepEqual(classifyReportFile('docs/a.md'), { kind: 'relative', path: 'docs/a.md' });
});

test('the export format follows the chosen file name', () => {
  assert.equal(exportFormatFor('/x/report.html'), 'html');
  assert.equal(exportFormatFor('/x/report.MD'), 'md');
  assert.equal(exportFormatFor('/x/report.markdown'), 'md');
  assert.equal(exportFormatFor('/x/report.csv'), 'csv');
  assert.equal(exportFormatFor('/x/report.json'), 'json');
  assert.equal(exportFormatFor('/x/report'), 'html');
});
