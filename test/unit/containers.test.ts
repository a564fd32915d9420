// Which fence closes which container (recognise/containers.ts). Pandoc's fenced divs close the
// innermost div with any run of three or more colons. MyST's colon fences are found outer
// first: a fence ends at the first later line of at least as many colons, and a fence left open
// inside it ends with it (MyST does not read past its parent). Real MyST lessons rely on it: a
// figure closed with "::::" inside a "::::{group-tab}" closes the tab, and the tabs around it
// close at their own ":::::" (coderefinery's git-intro lesson).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskContainers } from '../../server/src/core/recognise/containers.js';
import { Workspace, resolveConfig } from '../../server/src/core/index.js';

/** name -> [first line, last line] (1-based), "open" when never closed. */
function spans(text: string): Record<string, string> {
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const out: Record<string, string> = {};
  for (const d of maskContainers(text).divs)
    out[`${d.name}${d.title ? ' ' + d.title : ''}`] =
      `${lineOf(d.start)}-${d.unclosed ? 'open' : lineOf(d.end)}`;
  return out;
}

test("MyST: a figure closed with the tab's fence ends with the tab; the tabs close at their own fence", () => {
  const text = [
    ':::::{tabs}', // 1
    '::::{group-tab} VS Code', // 2
    'Use the branch selector.', // 3
    '', // 4
    ':::{figure} img/branch.png', // 5
    ':alt: VS Code screenshot', // 6
    '', // 7
    'Switching branch.', // 8
    '::::', // 9
    '', // 10
    '::::{group-tab} Command line', // 11
    'Switch to main.', // 12
    '::::', // 13
    ':::::', // 14
    '', // 15
    'After the tabs.', // 16
  ].join('\n');
  assert.deepEqual(spans(text), {
    tabs: '1-14',
    'group-tab VS Code': '2-9',
    'figure img/branch.png': '5-9',
    'group-tab Command line': '11-13',
  });
});

test('MyST: a fence of more colons closes the outer container it reaches first', () => {
  const text = [
    ':::{note}',
    'Body.',
    '::::{tip}',
    'Inner.',
    '::::',
    'Still in the note.',
    ':::',
  ].join('\n');
  // "::::" is the first line of at least three colons after ":::{note}": it closes the note,
  // and the tip inside it ends there too; the last ":::" closes nothing.
  assert.deepEqual(spans(text), { note: '1-5', tip: '3-5' });
});

test('MyST: a run shorter than every open fence closes none of them', () => {
  const text = ['::::{objectives}', '- Explain X.', ':::', '- Describe Y.', '::::'].join('\n');
  assert.deepEqual(spans(text), { objectives: '1-5' });
});

test('pandoc: a closing fence closes the innermost div, whatever its length', () => {
  const text = ['::::::::: challenge', 'Task.', '::: solution', 'Answer.', ':::::::::', ':::'].join(
    '\n',
  );
  assert.deepEqual(spans(text), { challenge: '1-6', solution: '3-5' });
});

test('a MyST lesson whose figure is closed by its tab\'s fence gets no "never closed" note', () => {
  const text = [
    '# Branches',
    '',
    ':::{objectives}',
    '- Switch between branches.',
    ':::',
    '',
    ':::::{tabs}',
    '::::{group-tab} VS Code',
    ':::{figure} img/branch.png',
    'Switching branch.',
    '::::',
    ':::::',
    '',
  ].join('\n');
  const config = resolveConfig({}).config;
  const ws = new Workspace(config);
  ws.update('lesson.md', text, config);
  const outline = ws.get('lesson.md')!;
  assert.deepEqual(outline.notes, []);
  assert.deepEqual(
    outline.objectives.map((o) => o.text),
    ['Switch between branches.'],
  );
});

test('Jekyll lessons: a block quote followed by "{: .challenge}" is a challenge div', () => {
  const text = [
    '> ## Summing a list', // 1
    '>', // 2
    '> Write a loop that sums a list.', // 3
    '>', // 4
    '> > ## Solution', // 5
    '> > total = sum(values)', // 6
    '> {: .solution}', // 7
    '{: .challenge}', // 8
    '', // 9
    '~~~', // 10
    'print(1)', // 11
    '~~~', // 12
    '{: .language-python}', // 13
  ].join('\r\n');
  assert.deepEqual(spans(text), { challenge: '1-8', solution: '5-7' });
  const masked = maskContainers(text).source;
  // The outer quote's markers and the attribute lines are blanks; the inner quote stays a quote.
  assert.equal(masked.split('\r\n')[0], '  ## Summing a list');
  assert.equal(masked.split('\r\n')[4], '  > ## Solution');
  assert.equal(masked.split('\r\n')[6].trim(), '');
  assert.equal(masked.split('\r\n')[7].trim(), '');
  assert.equal(masked.length, text.length);
  // An attribute line after a code fence is no box.
  assert.equal(masked.split('\r\n')[12], '{: .language-python}');
});
