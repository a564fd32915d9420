// `bloomline check` on text that is odd or large (issue 13): it reads unclosed front matter as
// CommonMark does whatever else the file holds, and no fix it offers splits a surrogate pair.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkJson, project } from './helpers.js';

const keys = (r: ReturnType<typeof checkJson>) =>
  (r.files[0]?.messages ?? []).map((m) => `${m.ruleId} ${m.line}:${m.column}`).sort();

test('an unclosed "---" at the top is a thematic break, with or without a link definition', (t) => {
  const body = '---\n## Objectives\n\n- Understand loops.\n';
  const dir = project(t, {
    'plain.md': body,
    'with-definition.md': `${body}\n[ref]: http://example.com\n`,
  });
  const plain = checkJson(['plain.md'], dir);
  const withDefinition = checkJson(['with-definition.md'], dir);
  assert.deepEqual(keys(plain), ['missing-criterion 4:3', 'missing-outcome 4:3', 'vague-verb 4:3']);
  assert.deepEqual(keys(withDefinition), keys(plain), 'a link definition changes nothing');
});
