// Hover: on a behaviour verb, its Bloom level, what that level asks of a learner and stronger
// verbs one level up; on a vague phrase, why it is vague and what to write instead; on an ID or
// a reference, the item's text and its links.
import * as path from 'node:path';
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import {
  BLOOM_LEVELS,
  type BloomLevel,
  type Lexicon,
  type Link,
  type Objective,
  type Span,
} from '../core/index.js';
import { spanToRange } from './convert.js';
import {
  idAt,
  itemAt,
  itemsByKind,
  shortText,
  within,
  type Item,
  type ItemRef,
  type ServerContext,
} from './context.js';

export function hover(ctx: ServerContext, params: HoverParams): Hover | null {
  const view = ctx.view(params.textDocument.uri);
  if (view === null) return null;
  const { key, lines } = view;
  const outline = ctx.outline(key);
  if (!outline) return null;
  const offset = lines.offsetAt(params.position.line, params.position.character);
  const answer = (value: string, span: Span): Hover => ({
    contents: { kind: MarkupKind.Markdown, value },
    range: spanToRange(lines, span),
  });

  const id = idAt(ctx, key, offset);
  if (id) {
    if (!id.target)
      return answer(`No objective, outcome or assessment has the ID **${id.id}**.`, id.span);
    return answer(describeItem(ctx, id.target, key), id.span);
  }
  const item = itemAt(outline, offset);
  if (!item || item.kind !== 'objective' || !within(item.textSpan, offset)) return null;
  const lex = ctx.lexicon(key);
  const a = item.analysis;
  // Each behaviour as the objective reads it: "write" in "Write a literature review" is
  // create; "create" in "Create a repository" apply; "subset" has no level Bloomline knows.
  for (const b of a.verbFromLeadIn ? [] : a.behaviours) {
    if (b.vaguePhrase && within(b.vaguePhrase.span, offset))
      return answer(describeVague(lex, b.vaguePhrase.key, b.vaguePhrase.text), b.vaguePhrase.span);
    const v = b.realVerb ?? b.verb;
    if (b.vaguePhrase && !b.realVerb) continue;
    if (!within(v.span, offset)) continue;
    if (!b.known) return answer(describeUnknown(lex, v.text), v.span);
    const info = lex.verb(v.text);
    if (info && b.level) return answer(describeVerb(lex, v.text, b.level, b.alternatives), v.span);
  }
  const word = wordAt(outline.text, offset, item.textSpan);
  if (!word) return null;
  const lemma = lex.lemma(word.text);
  if (!lemma) return null;
  const vague = lex.vague.find((p) => p.words.length === 1 && p.key === lemma);
  if (vague) return answer(describeVague(lex, vague.key, word.text), word.span);
  const info = lex.verb(lemma);
  if (!info) return null;
  return answer(describeVerb(lex, info.verb, info.level, info.alternatives), word.span);
}

function describeVerb(
  lex: Lexicon,
  verb: string,
  level: BloomLevel,
  alternatives: BloomLevel[],
): string {
  const info = lex.levels[level];
  const out = [
    `**${verb}**: Bloom level ${info.order} of 6, **${level}**`,
    '',
    `_${info.meaning}_`,
    '',
    `Asks learners to: ${info.asks}`,
  ];
  if (alternatives.length) out.push('', `Also used at: ${alternatives.join(', ')}.`);
  const next = BLOOM_LEVELS[BLOOM_LEVELS.indexOf(level) + 1];
  if (next) {
    const verbs = lex.verbsAt(next).slice(0, 8);
    out.push('', `Stronger alternatives (${next}): ${verbs.join(', ')}.`);
  } else out.push('', 'This is the highest level.');
  return out.join('\n');
}

function describeUnknown(lex: Lexicon, verb: string): string {
  const near = lex.nearest(verb).map((v) => `${v} (${lex.verb(v)!.level})`);
  return [
    `**${verb}**: a verb, but not one of Bloom's published verb lists, so its level cannot be told.`,
    '',
    near.length ? `Nearest known verbs: ${near.join(', ')}.` : 'No near verb is known.',
    '',
    `If it names a skill of your field, add it to \`verbs\` in .bloomline.json with its level.`,
  ].join('\n');
}

function describeVague(lex: Lexicon, key: string, written: string): string {
  const phrase = lex.vague.find((p) => p.key === key);
  const suggest = (phrase?.suggest ?? ['explain']).slice(0, 6);
  const meant = phrase?.meant ?? 'understand';
  return [
    `**${written}** is vague: it names something that happens inside the learner, which no one can observe or assess. State what the learner will do to show it.`,
    '',
    `Most likely meant: **${meant}** (${lex.levels[meant].meaning.replace(/\.$/, '').toLowerCase()}).`,
    '',
    `Try: ${suggest.join(', ')}.`,
  ].join('\n');
}

function describeItem(ctx: ServerContext, target: ItemRef, from: string): string {
  const { item, key } = target;
  const kind = item.kind === 'objective' ? 'Objective' : 'Outcome';
  const where = key === from ? '' : ` (${path.basename(key)})`;
  let head = `**${item.id}**: ${kind}${where}`;
  if (item.kind === 'objective') {
    const level = (item as Objective).analysis;
    head += level.vague ? ' · vague verb' : level.level ? ` · ${level.level}` : ' · no verb';
  }
  const links: Link[] = item.kind === 'objective' ? item.outcomes : item.objectives;
  const out = [head, '', item.text, ''];
  const otherKind = item.kind === 'objective' ? 'outcome' : 'objective';
  if (!links.length) {
    out.push(item.kind === 'objective' ? 'No outcome measures it.' : 'It measures no objective.');
  } else {
    out.push(item.kind === 'objective' ? 'Measured by:' : 'Measures:');
    for (const link of links) {
      const file = link.filePath ?? key;
      const linked = findItem(ctx, file, otherKind, link.id);
      const label = linked?.explicitId
        ? `**${link.id}** ${shortText(linked.text)}`
        : shortText(linked?.text ?? link.id);
      const notes = [
        link.implied ? 'implied by the section' : '',
        file !== from ? path.basename(file) : '',
      ]
        .filter(Boolean)
        .join(', ');
      out.push(`- ${label}${notes ? ` _(${notes})_` : ''}`);
    }
  }
  return out.join('\n');
}

function findItem(
  ctx: ServerContext,
  key: string,
  kind: Item['kind'],
  id: string,
): Item | undefined {
  const outline = ctx.outline(key);
  return outline ? itemsByKind(outline, kind).find((i) => i.id === id) : undefined;
}

function wordAt(text: string, offset: number, bounds: Span): { text: string; span: Span } | null {
  const isWord = (c: string | undefined) => c !== undefined && /[\p{L}'’-]/u.test(c);
  let start = offset;
  let end = offset;
  while (start > bounds.start && isWord(text[start - 1])) start--;
  while (end < bounds.end && isWord(text[end])) end++;
  if (end <= start) return null;
  return { text: text.slice(start, end).replace(/^['’-]+|['’-]+$/g, ''), span: { start, end } };
}
