// Reader: front matter. `title:` names the course; `objectives:` and `outcomes:` are lists of
// sentences (the Carpentries' older format, R Markdown lessons).
import type { RootContent } from 'mdast';
import type { ItemKind } from '../../model.js';
import { off, type Builder } from '../context.js';
import { addItem, newSink } from '../items.js';
import { blockName, type BlockName } from '../names.js';
import { ruleOf } from '../scope.js';
import { readFrontMatterYaml } from './front-matter-yaml.js';
import type { PlainText } from '../plain.js';

/** `title = "..."` in TOML front matter (a basic or literal string on one line). */
const TOML_TITLE = /^[ \t]*title[ \t]*=[ \t]*(?:"((?:[^"\\\r\n]|\\.)*)"|'([^'\r\n]*)')/m;

export function readFrontMatter(b: Builder, node: RootContent): void {
  // Hugo's TOML front matter: its title names the course; its tables are the theme's settings.
  if (node.type === 'toml') {
    const m = TOML_TITLE.exec(node.value);
    const title = (m?.[1] ?? m?.[2])?.trim();
    if (title) b.outline.title = title;
    return;
  }
  if (node.type !== 'yaml') return;
  const span = off(b, node);
  // The YAML starts after the opening fence's line break, which may be CR, LF or CRLF (looking
  // for "\n" only put every item of a CR file's front matter at the wrong offsets, past the end
  // of the text for the last one; found by the spans property test).
  let firstBreak = span.start;
  while (firstBreak < span.end && b.text[firstBreak] !== '\n' && b.text[firstBreak] !== '\r')
    firstBreak++;
  const contentStart =
    firstBreak >= span.end
      ? span.end
      : firstBreak + (b.text[firstBreak] === '\r' && b.text[firstBreak + 1] === '\n' ? 2 : 1);
  let yaml;
  try {
    // The YAML parser does not take a lone CR for a line break; LF in its place keeps offsets.
    yaml = readFrontMatterYaml(node.value.replace(/\r(?!\n)/g, '\n'));
  } catch {
    b.outline.notes.push({ message: 'The front matter could not be read as YAML.', span });
    return;
  }
  if (yaml.error !== null) {
    b.outline.notes.push({ message: `The front matter is not valid YAML: ${yaml.error}`, span });
  }
  for (const pair of yaml.pairs) {
    const rawKey = pair.key;
    const key = rawKey.toLowerCase();
    if (key === 'title' && pair.text !== null) b.outline.title = pair.text.trim();
    // `objectives:`, `learning_objectives:`, `learningOutcomes:`, `goals:` ...: a key named
    // like a block (names.ts), weak names ("goals") included, since a front matter key is
    // written for what it holds.
    const name = key === 'outcomes' ? null : frontMatterName(rawKey);
    const kind: ItemKind | null =
      key === 'outcomes' ? 'outcome' : name && name.kind !== 'assessment' ? name.kind : null;
    if (!kind) continue;
    if (!pair.items) {
      b.outline.notes.push({
        message: `Front matter "${key}" should be a list of sentences; it was ignored.`,
        span,
      });
      continue;
    }
    // `outcomes:` in a lesson's front matter are often learner statements: the items decide.
    const sink = newSink(
      0,
      'front-matter',
      span,
      kind === 'outcome' ? 'outcome-unless-learner' : name ? ruleOf(name) : 'objective',
    );
    for (const entry of pair.items) {
      if (!entry) continue;
      const { value, start: s, end: e } = entry;
      const raw = node.value.slice(s, e);
      // Offsets are exact only where the source is the value itself (plain or simply quoted).
      let inner = -1;
      if (raw === value) inner = s;
      else if ((raw === `"${value}"` || raw === `'${value}'`) && !value.includes('\n'))
        inner = s + 1;
      const srcStart = contentStart + (inner >= 0 ? inner : s);
      const offsets = new Array<number>(value.length + 1);
      for (let k = 0; k <= value.length; k++)
        offsets[k] = inner >= 0 ? srcStart + k : k === value.length ? contentStart + e : srcStart;
      const plain: PlainText = { text: value, offsets };
      addItem(
        b,
        sink,
        plain,
        { start: contentStart + s, end: contentStart + e },
        { labels: false, exact: inner >= 0 },
      );
    }
  }
}

/** "learning_objectives", "learning-objectives", "learningObjectives" -> a block name. */
function frontMatterName(key: string): BlockName | null {
  if (!key || key.length > 60) return null;
  const words = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_.]+/g, ' ')
    .toLowerCase();
  const name = blockName(words);
  return name && (name.strength === 'strong' || /^(?:goals|aims)$/.test(words)) ? name : null;
}
