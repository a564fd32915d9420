// vague-verb: the behaviour verb is not observable ("understand", "know", "learn about", "be
// familiar with", "appreciate" ...). Fixes rewrite it: "Understand how to configure X" becomes
// "Configure X"; "Understand X" offers verbs of the level the author most likely meant.
import type { Objective, TextEdit } from '../model.js';
import { capitalise, type Rule, type RuleContext } from './rule.js';
import { plainIndex, replacePlain } from './edits.js';

export const vagueVerb: Rule = {
  id: 'vague-verb',
  description:
    'Objectives need an observable behaviour verb, not "understand", "know", "learn about"...',
  appliesTo: 'objective',
  defaultSeverity: 'warning',
  check(ctx) {
    const reported = new Set<number>();
    for (const o of ctx.outline.objectives) {
      const a = o.analysis;
      if (!a.vague || !a.vaguePhrase) continue;
      if (a.verbFromLeadIn) {
        if (!reported.has(o.block)) {
          reported.add(o.block);
          reportLeadIn(ctx, o);
        }
        continue;
      }
      reportItem(ctx, o);
    }
  },
};

function suggestions(ctx: RuleContext, key: string): string[] {
  const phrase = ctx.lex.vague.find((p) => p.key === key);
  return (phrase?.suggest ?? ['explain']).slice(0, 5);
}

function reportItem(ctx: RuleContext, o: Objective): void {
  const text = ctx.outline.text;
  const vp = o.analysis.vaguePhrase!;
  const start = plainIndex(o, vp.span.start);
  const end = start < 0 ? -1 : plainIndex(o, vp.span.end - 1) + 1;
  const atStart = start >= 0 && !/[\p{L}\p{N}]/u.test(o.plain.slice(0, start));
  const fixes = [];
  const meant = vp.meant;
  if (vp.how && start >= 0) {
    // "Understand how to configure the VPN client" -> "Configure the VPN client".
    const m = /^(.*?\bto\s+)(\S)/is.exec(o.plain.slice(start));
    if (m) {
      const first = m[2]!;
      const edit = replacePlain(
        text,
        o,
        start,
        start + m[1]!.length + 1,
        atStart ? first.toUpperCase() : first.toLowerCase(),
      );
      const verbWord = /^\S+/
        .exec(o.plain.slice(start + m[1]!.length))![0]
        .replace(/(?<![^\p{L}'-])[^\p{L}'-]+$/u, ''); // (from the run's start only: linear)
      if (edit)
        fixes.push({
          title: `Keep the behaviour: "${capitalise(verbWord)} ..."`,
          isPreferred: true,
          edits: [edit],
        });
    }
  }
  if (start >= 0 && end > start) {
    for (const verb of suggestions(ctx, vp.key)) {
      const word = atStart ? capitalise(verb) : verb;
      const edit = replacePlain(text, o, start, end, word);
      if (edit)
        fixes.push({
          title: `Replace "${vp.text}" with "${word}"`,
          isPreferred: fixes.length === 0,
          edits: [edit],
        });
    }
  }
  const verbs = suggestions(ctx, vp.key).slice(0, 3).map(capitalise).join(', ');
  ctx.report({
    ruleId: 'vague-verb',
    message: vp.how
      ? `"${vp.text}" is not observable: state the behaviour itself.`
      : `"${vp.text}" is not observable: use ${/^[aeiou]/.test(meant) ? 'an' : 'a'} ${meant}-level verb such as ${verbs}.`,
    span: vp.span.end > vp.span.start ? vp.span : o.textSpan,
    fixes,
    item: { kind: 'objective', id: o.id },
  });
}

function reportLeadIn(ctx: RuleContext, first: Objective): void {
  const { outline } = ctx;
  const block = outline.blocks[first.block]!;
  const lead = block.leadIn!;
  const items = block.items
    .map((i) => outline.objectives[i]!)
    .filter((o) => o.analysis.verbFromLeadIn);
  const key = first.analysis.vaguePhrase!.key;
  const fixes = [];
  if (lead.verb?.toAbleTo) {
    for (const verb of suggestions(ctx, key)) {
      const edits: TextEdit[] = [lead.verb.toAbleTo];
      let ok = true;
      for (const o of items) {
        const edit = addVerb(outline.text, o, verb);
        if (!edit) {
          ok = false;
          break;
        }
        edits.push(edit);
      }
      if (ok) {
        fixes.push({
          title: `Rewrite the lead-in as "be able to" and start each objective with "${capitalise(verb)}"`,
          isPreferred: fixes.length === 0,
          edits,
        });
      }
    }
  }
  const n = items.length;
  ctx.report({
    ruleId: 'vague-verb',
    message: `The lead-in's "${lead.verb?.lemma ?? key}" is not observable, and the ${n} objective${n === 1 ? '' : 's'} below inherit${n === 1 ? 's' : ''} it: use "be able to" and start each objective with a verb such as ${suggestions(ctx, key).slice(0, 3).map(capitalise).join(', ')}.`,
    span: lead.verb?.span ?? lead.span,
    fixes,
    related: items.map((o) => ({
      message: `inherits "${key}"`,
      filePath: outline.filePath,
      span: o.textSpan,
    })),
    item: { kind: 'objective', id: first.id },
  });
}

/** "the benefits of X" -> "Explain the benefits of X"; "how to configure X" -> "Configure X". */
function addVerb(text: string, o: Objective, verb: string): TextEdit | null {
  const start = o.plain.length - o.plain.trimStart().length;
  const rest = o.plain.slice(start);
  const how = /^how\s+to\s+(\S)/i.exec(rest);
  if (how) return replacePlain(text, o, start, start + how[0].length, how[1]!.toUpperCase());
  const first = /^\S+/.exec(rest)?.[0] ?? '';
  // Lowercase the first word unless it is an acronym or a name-like word ("VPN", "Git").
  const lower =
    /^[A-Z][a-z]+$/.test(first) &&
    /^(?:The|A|An|How|Why|What|When|Where|Which|Who|Basic|Key|Main|Common|Different|Simple|Best|Core)$/.test(
      first,
    );
  if (lower)
    return replacePlain(
      text,
      o,
      start,
      start + 1,
      `${capitalise(verb)} ${first[0]!.toLowerCase()}`,
    );
  return replacePlain(text, o, start, start, `${capitalise(verb)} `);
}
