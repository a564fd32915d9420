// Hover: on a behaviour verb, its Bloom level, what that level asks of a learner and stronger
// verbs one level up; on a vague phrase, why it is vague and what to write instead; on an ID or
// a reference, the item's text and its links; on an assessment, the level it asks for and what
// it checks; on the course title, the kind of course and why.
import { baseName } from './files.js';
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import {
  BLOOM_LEVELS,
  type Assessment,
  type Outcome,
  type BloomLevel,
  type Lexicon,
  type Link,
  type Outline,
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
  const course = outline.sections[0]?.heading;
  if (course && within(course, offset) && view.contains(course))
    return answer(describeCourse(ctx, key, outline), course);
  const item = itemAt(outline, offset);
  if (item?.kind === 'assessment' && within(item.span, offset))
    return answer(describeItem(ctx, { key, item }, key), item.textSpan);
  // An outcome without an ID is hovered on its text: what it measures and what was read in it.
  if (item?.kind === 'outcome' && within(item.textSpan, offset))
    return answer(describeItem(ctx, { key, item }, key), item.textSpan);
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
    `**${verb}**: a verb, but not one of Bloom's published verb lists; read as **apply** (carrying out a procedure), which its level may not be.`,
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

const KIND_NAMES: Record<Item['kind'], string> = {
  objective: 'Objective',
  outcome: 'Outcome',
  assessment: 'Assessment',
};

/** The course title: the kind of course Bloomline reads it as, why, and what that asks. */
function describeCourse(ctx: ServerContext, key: string, outline: Outline): string {
  const kind = ctx.ws.kindOf(key);
  const expects =
    kind.value === 'workplace'
      ? 'Every objective should be measured by an outcome (a metric with a target and a timeframe).'
      : 'No business outcomes are expected; where the course has assessments, each objective should be checked by one.';
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  return [
    `**${outline.title ?? baseName(key)}** · ${kind.value} course`,
    '',
    kind.auto
      ? `Read as **${kind.value}**: ${kind.reason.replace(/^read from the outline: /, '')}. Set \`"kind"\` in \`.bloomline.json\` (or \`bloomline.kind\`) if it is another kind.`
      : `Set as **${kind.value}** in the configuration.`,
    '',
    expects,
    '',
    `${count(outline.objectives.length, 'objective')}, ${count(outline.outcomes.length, 'outcome')}, ${count(outline.assessments.length, 'assessment')}.`,
  ].join('\n');
}

function describeItem(ctx: ServerContext, target: ItemRef, from: string): string {
  const { item, key } = target;
  const where = key === from ? '' : ` (${baseName(key)})`;
  let head = `**${item.id}**: ${KIND_NAMES[item.kind]}${where}`;
  if (!item.explicitId) head = `${KIND_NAMES[item.kind]}${where}`;
  if (item.kind === 'objective') {
    const level = item.analysis;
    head += level.vague ? ' · vague verb' : level.level ? ` · ${level.level}` : ' · no verb';
  } else if (item.kind === 'assessment') {
    head += item.analysis.level ? ` · asks for **${item.analysis.level}**` : ' · level not read';
  }
  const out = [head, '', item.text];
  if (item.kind === 'assessment') out.push(...assessmentLines(item));
  if (item.kind === 'outcome') out.push(...outcomeLines(item));
  out.push('');
  const group = (links: Link[], kind: Item['kind'], title: string, none: string): string[] => {
    if (!links.length) return [none];
    const lines = [title];
    for (const link of links) {
      const file = link.filePath ?? key;
      const linked = findItem(ctx, file, kind, link.id);
      const label = linked?.explicitId
        ? `**${link.id}** ${shortText(linked.text)}`
        : shortText(linked?.text ?? link.id);
      const level =
        linked?.kind === 'assessment' && linked.analysis.level ? ` · ${linked.analysis.level}` : '';
      const notes = [
        link.implied ? 'implied by the section' : '',
        file !== from ? baseName(file) : '',
      ]
        .filter(Boolean)
        .join(', ');
      lines.push(`- ${label}${level}${notes ? ` _(${notes})_` : ''}`);
    }
    return lines;
  };
  if (item.kind === 'objective') {
    out.push(...group(item.outcomes, 'outcome', 'Measured by:', 'No outcome measures it.'));
    if (item.assessments.length) {
      out.push('');
      out.push(...group(item.assessments, 'assessment', 'Checked by:', ''));
    }
  } else if (item.kind === 'outcome') {
    out.push(...group(item.objectives, 'objective', 'Measures:', 'It measures no objective.'));
  } else {
    out.push(...group(item.objectives, 'objective', 'Checks:', 'It checks no objective.'));
  }
  return out.join('\n');
}

const KIRKPATRICK = ['', 'reaction', 'learning', 'behaviour', 'results'];

/** What Bloomline read in an outcome: its target and timeframe (or that none was found), its
 * Kirkpatrick level, and a vanity measure or a deliverable where it is one (as the tree shows). */
function outcomeLines(o: Outcome): string[] {
  const x = o.analysis;
  const lines = [
    '',
    x.target ? `Target: ${x.target.text}` : 'Target: none found',
    '',
    x.timeframe ? `Timeframe: ${x.timeframe.text}` : 'Timeframe: none found',
  ];
  if (x.kirkpatrick)
    lines.push('', `Kirkpatrick level ${x.kirkpatrick} (${KIRKPATRICK[x.kirkpatrick]})`);
  if (x.vanity) lines.push('', `Vanity metric: ${x.vanity.text}`);
  if (x.output) lines.push('', `An output, not a change: ${x.output.text}`);
  return lines;
}

/** What an assessment asks, and where Bloomline read it. */
function assessmentLines(a: Assessment): string[] {
  const x = a.analysis;
  const lines: string[] = [];
  if (x.task && x.level)
    lines.push(
      '',
      x.form === 'question'
        ? `Question: _${shortText(x.task.text, 100)}_ (a question of this form asks to ${x.level})`
        : `Task: _${shortText(x.task.text, 100)}_ (the verb "${x.verb?.text ?? ''}" asks to ${x.level})`,
    );
  if (x.weight)
    lines.push('', `Weight: ${x.weight.text} (a grading line: it checks no objective by section)`);
  return lines;
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
