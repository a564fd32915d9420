// HTML pages in Markdown (recognise/html-blocks.ts): an LMS page's `<h2>` headings are
// sections, its `<p>` before a list is the list's lead-in, and its objectives are checked and
// fixed in place; tags inside a list, a block with no heading tag, and a heading tag never
// closed are left as they were.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Html, RootContent } from 'mdast';
import { Workspace, applyEdits, resolveConfig, type Finding } from '../../server/src/core/index.js';
import { expandHtmlBlocks } from '../../server/src/core/recognise/html-blocks.js';

function lint(text: string) {
  const config = resolveConfig({}).config;
  const ws = new Workspace(config);
  ws.update('page.md', text, config);
  return { outline: ws.get('page.md')!, findings: ws.lint('page.md') };
}

const PAGE = [
  '<div class="page">',
  '<h1>Module 2 &ndash; Safe lifting</h1>',
  '<h2><strong>Learning Objectives</strong></h2>',
  '<p>After this module, you will be able to:</p>',
  '<ul>',
  '<li>Know the safe lifting limits.</li>',
  '<li>Lift a 20 kg box from floor to waist height keeping a straight back, every time.</li>',
  '</ul>',
  '<h2>Quiz</h2>',
  '<ol><li>List the three checks made before a lift.</li></ol>',
  '</div>',
  '',
].join('\n');

test('an LMS page: its headings are sections, its objectives read and checked', () => {
  const { outline, findings } = lint(PAGE);
  assert.equal(outline.title, 'Module 2 \u2013 Safe lifting');
  assert.deepEqual(
    outline.objectives.map((o) => [o.text, o.analysis.level]),
    [
      ['Know the safe lifting limits.', null],
      ['Lift a 20 kg box from floor to waist height keeping a straight back, every time.', 'apply'],
    ],
  );
  // The quiz under its own heading checks the objectives of the page (section scope).
  assert.equal(outline.assessments.length, 1);
  assert.deepEqual(
    outline.objectives.map((o) => o.assessments.length),
    [1, 1],
  );
  const rules = findings.map((f: Finding) => `${f.ruleId}@${PAGE.slice(f.span.start, f.span.end)}`);
  assert.ok(rules.includes('vague-verb@Know'), rules.join('\n'));
  assert.ok(!rules.some((r) => r.startsWith('unread-block')), rules.join('\n'));
});

test('the fix of a vague objective in an HTML list rewrites it in place', () => {
  const { findings } = lint(PAGE);
  const vague = findings.find((f) => f.ruleId === 'vague-verb')!;
  const fixed = applyEdits(PAGE, vague.fixes[0]!.edits);
  assert.match(
    fixed,
    /<li>(?:State|Identify|Recall|List|Describe|Explain)\b[^<]* the safe lifting limits\.<\/li>/,
  );
  assert.equal(
    fixed.replace(/<li>[^<]*limits\.<\/li>/, ''),
    PAGE.replace(/<li>[^<]*limits\.<\/li>/, ''),
  );
});

test('an HTML heading with nothing readable under it is not met with silence', () => {
  const { findings } = lint(
    '<h1>Course</h1>\n<h2>Learning outcomes</h2>\n<p>See the handbook.</p>\n',
  );
  assert.deepEqual(
    findings.map((f) => f.ruleId),
    ['unread-block'],
  );
});

function expanded(value: string): RootContent[] {
  const node: Html = {
    type: 'html',
    value,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: 1, column: 1, offset: value.length },
    },
  };
  return expandHtmlBlocks([node], (s, e) => value.slice(s, e));
}

test('only top-level heading and paragraph tags are read; the rest stays HTML', () => {
  const nodes = expanded(
    '<h3>Week 1</h3>\n<ul><li><p>Para in a list</p><h4>Heading in a list</h4></li></ul>\n<table><tr><td><p>cell</p></td></tr></table>',
  );
  assert.deepEqual(
    nodes.map((n) => n.type),
    ['heading', 'html', 'html'].slice(0, nodes.length),
  );
  assert.equal(nodes[0]!.type, 'heading');
  assert.ok(nodes.slice(1).every((n) => n.type === 'html'));
  const html = nodes
    .slice(1)
    .map((n) => (n as Html).value)
    .join('\n');
  assert.match(html, /Para in a list/);
  assert.match(html, /<td><p>cell<\/p><\/td>/);
});

test('a block with no heading tag, or a heading tag never closed, is left as it is', () => {
  for (const value of [
    '<p>Just a paragraph.</p>\n<ul><li>Item</li></ul>',
    '<h2>Objectives\n<ul><li>Item</li></ul>',
  ]) {
    const nodes = expanded(value);
    assert.equal(nodes.length, 1);
    assert.equal(nodes[0]!.type, 'html');
  }
});

test('each piece sits at its exact offset, character references included', () => {
  const value = '<h2 class="x">Fish &amp; chips</h2>\n<p>Line one<br>line two</p>';
  const nodes = expanded(value);
  assert.deepEqual(
    nodes.map((n) => [n.type, value.slice(n.position!.start.offset, n.position!.end.offset)]),
    [
      ['heading', '<h2 class="x">Fish &amp; chips</h2>'],
      ['paragraph', '<p>Line one<br>line two</p>'],
    ],
  );
  const heading = nodes[0] as { children: { type: string; value?: string }[] };
  assert.deepEqual(
    heading.children.map((c) => c.value),
    ['Fish & chips'],
  );
});
