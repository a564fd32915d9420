// Edits that change an outline's structure, for the incremental path (the language server's:
// the last build's parse and items, findings reused) against a fresh build of the same text:
// the outline model, its JSON and the findings must equal a fresh build's. section-edits.test.ts
// splits, merges, renames and deepens ATX headings of the benchmark's outline; these edits are
// the rest of what a walk resumed at the touched section (BENCHMARKS.md, "Twentieth step")
// could get wrong: setext headings (made by an underline, unmade, changed level, an ATX heading
// made setext), front matter added, changed and taken out, or only its opening or closing line
// (it then closes on a later thematic break, over the sections between), a whole section moved
// or copied elsewhere (its items the same, at another place and under another parent), a code
// fence opened in one section that swallows every section after it, then closed again, a
// heading's level changed, sections split and merged, list items joined to the one before, the
// first line of a parse piece made to join the block before it, and the first and the last
// section edited. The text is long enough to be parsed in several pieces, so that the untouched
// sections' nodes and items are handed on. Seen failing on mutants of today's reuse (an item
// placed again keeping its old section, the first piece after an edit not moved, a fence that
// runs past a cut taken as closed, an edit on a piece's first line not parsing the piece before).
// The edits around the walk's checkpoints (RESUME_EDITS, more often on seeds 5 and 6): lines
// typed or taken out before the first heading, a top-level heading made text and text made one,
// a fence opened before a top-level heading and closed after it (the heading becomes code) or
// taken out, a top-level heading moved down a few lines or deleted, a lesson's objectives
// heading renamed and named again, and learning sentences typed in a section's opening (the
// walk then asks whether the rest of the section names objectives); CRLF on seeds 3 and 5.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace, type Item, type Outline } from '../../server/src/core/index.js';
import { parseMarkdown, type Parsed } from '../../server/src/core/parse.js';
import { mulberry32 } from '../support/random.js';
import { resumeStats } from '../../server/src/core/recognise/resume.js';

const FILE = 'doc.md';

const VERBS = ['Explain', 'Configure', 'Understand', 'Compare', 'Describe', 'Know', 'Design'];
const TOPICS = ['the VPN client', 'a firewall rule', 'the backup policy', 'a phishing email'];

/** A course of `modules` modules, each with lessons; ATX and setext headings, lead-ins, IDs,
 * outcomes, assessments, a code block and prose. ~40 KB for 16 modules. */
function course(modules: number, frontMatter: boolean): string[] {
  const out: string[] = [];
  if (frontMatter) out.push('---', 'title: Security onboarding', 'level: intermediate', '---', '');
  out.push('# Security onboarding', '', 'A course for new staff.', '');
  // A learning sentence in the course's opening: the walk asks whether the rest of the course
  // names objectives (a question a resumed walk asks again).
  out.push('You will learn to spot a phishing email in this course.', '');
  for (let m = 1; m <= modules; m++) {
    const title = `Module ${m}: ${TOPICS[m % TOPICS.length]}`;
    if (m % 4 === 2) out.push(title, '-'.repeat(title.length), '');
    else out.push(`## ${title}`, '');
    // The same question for a module whose lessons' objectives heading an edit may rename.
    if (m % 4 === 3) out.push('You will learn to configure the VPN client in this module.', '');
    out.push('By the end of this module, participants will be able to:', '');
    // A lead-in over the lessons' lists (no list of its own): the walk asks whether the
    // subsections after it hold nothing but lists.
    if (m % 8 !== 1)
      for (let k = 1; k <= 6; k++) {
        const verb = VERBS[(m * 7 + k) % VERBS.length]!;
        const id = k % 3 === 1 ? `**LO${m}.${k}:** ` : '';
        const degree = k % 2 ? ' within 10 minutes' : '';
        out.push(`- ${id}${verb} ${TOPICS[(m + k) % TOPICS.length]}${degree}.`);
      }
    out.push('');
    for (let l = 1; l <= 2; l++) {
      const lesson = `Lesson ${m}.${l}`;
      if ((m + l) % 5 === 0) out.push(lesson, '-'.repeat(lesson.length), '');
      else out.push(`### ${lesson}`, '');
      if (m % 4 !== 3 || l === 1) out.push('#### Learning objectives', '');
      for (let k = 1; k <= 4; k++)
        out.push(`${k}. ${VERBS[(m + l + k) % VERBS.length]} rule ${m}.${l}.${k} to a colleague`);
      out.push('');
      if (l === 2 && m % 3 === 0) out.push('```bash', 'vpn connect --profile staff', '```', '');
    }
    out.push('### Outcomes', '');
    out.push(`- Tickets about module ${m} fall from 40 to 10 within 90 days (LO${m}.1).`, '');
    if (m % 2 === 0) {
      out.push('### Exercises', '');
      out.push(`- Write a checklist for module ${m} that a colleague can follow.`, '');
    }
    out.push(`Notes for trainers of module ${m}: keep the session short.`, '');
    // A thematic break now and then: a line a front matter opened above it would close on.
    if (m % 5 === 0) out.push('---', '');
  }
  return out;
}

const ATX = /^(#{1,6}) (.*)$/;
const UNDERLINE = /^(?:=+|-+)\s*$/;

/** Lines that are headings: ATX lines, and the title lines of setext headings (a paragraph line
 * over an underline). */
function headings(lines: string[]): number[] {
  const at: number[] = [];
  lines.forEach((l, i) => {
    if (ATX.test(l)) at.push(i);
    else if (
      i + 1 < lines.length &&
      l.trim() &&
      UNDERLINE.test(lines[i + 1]!) &&
      !/^[-*\d]/.test(l) &&
      l !== '---'
    )
      at.push(i);
  });
  return at;
}

/** The lines of the section whose heading is at `h`: to the next heading of any level. */
function sectionEnd(lines: string[], h: number): number {
  const hs = headings(lines);
  return hs.find((x) => x > h) ?? lines.length;
}

/** Where the pieces of the test's own incremental parse start (the workspace's are the same: one
 * parse after another of the same texts), and the text's line break. */
const PIECES: { starts: number[]; eol: string } = { starts: [], eol: '\n' };

type Edit = { what: string; apply(lines: string[], next: () => number): void };

const pick = <T>(xs: readonly T[], next: () => number): T => xs[Math.floor(next() * xs.length)]!;

/** A line inside a section: the first section's (after the title), the last one's, or any. */
function lineIn(lines: string[], next: () => number, where: 'first' | 'last' | 'any'): number {
  const hs = headings(lines);
  if (!hs.length) return Math.floor(next() * lines.length);
  const h =
    where === 'first'
      ? hs[Math.min(1, hs.length - 1)]!
      : where === 'last'
        ? hs[hs.length - 1]!
        : pick(hs, next);
  const end = sectionEnd(lines, h);
  return Math.min(lines.length, h + 1 + Math.floor(next() * Math.max(1, end - h - 1)));
}

const EDITS: Edit[] = [
  {
    what: 'a heading one level up or down (ATX), or a setext heading made the other level',
    apply(lines, next) {
      const h = pick(headings(lines), next);
      if (h === undefined) return;
      const m = ATX.exec(lines[h]!);
      if (m) {
        const depth = Math.max(1, Math.min(6, m[1]!.length + (next() < 0.5 ? -1 : 1)));
        lines[h] = `${'#'.repeat(depth)} ${m[2]}`;
      } else if (lines[h + 1]) {
        lines[h + 1] = lines[h + 1]!.startsWith('=')
          ? lines[h + 1]!.replace(/=/g, '-')
          : lines[h + 1]!.replace(/-/g, '=');
      }
    },
  },
  {
    what: 'a section split: a heading inserted in it (ATX or setext)',
    apply(lines, next) {
      const at = lineIn(lines, next, pick(['first', 'last', 'any'] as const, next));
      const title = pick(
        ['Learning objectives', 'Module 42: Split', 'Outcomes', 'Lesson 9.9'],
        next,
      );
      const add =
        next() < 0.6
          ? ['', `${'#'.repeat(2 + Math.floor(next() * 3))} ${title}`, '']
          : ['', title, next() < 0.5 ? '===' : '---', ''];
      lines.splice(at, 0, ...add);
    },
  },
  {
    what: 'two sections merged: a heading line taken out (or a setext underline)',
    apply(lines, next) {
      const h = pick(headings(lines), next);
      if (h === undefined) return;
      if (ATX.test(lines[h]!)) lines.splice(h, 1);
      else lines.splice(h + 1, 1);
    },
  },
  {
    what: 'a paragraph made a setext heading by an underline, or an ATX heading made setext',
    apply(lines, next) {
      if (next() < 0.5) {
        const paras = lines.flatMap((l, i) =>
          /^[A-Z][a-z]/.test(l) && lines[i + 1] === '' ? [i] : [],
        );
        const p = pick(paras, next);
        if (p !== undefined) lines.splice(p + 1, 0, next() < 0.5 ? '===' : '-----');
      } else {
        const hs = headings(lines).filter((i) => ATX.test(lines[i]!));
        const h = pick(hs, next);
        if (h === undefined) return;
        const m = ATX.exec(lines[h]!)!;
        if (m[1]!.length > 2) return;
        lines.splice(h, 1, m[2]!, m[1]!.length === 1 ? '===' : '---');
      }
    },
  },
  {
    what: 'front matter added, changed or taken out, or only its opening or closing line',
    apply(lines, next) {
      const r = next();
      if (lines[0] === '---') {
        const end = lines.indexOf('---', 1);
        // Its closing line taken out (the opening line then pairs with a later "---", a
        // thematic break, and swallows the sections between), or its opening line.
        if (r < 0.2 && end > 0) lines.splice(end, 1);
        else if (r < 0.3) lines.splice(0, 1);
        else if (r < 0.6 && end > 0) lines.splice(0, end + 1);
        else if (r < 0.8) lines.splice(1, 0, 'title: Renamed course');
        else lines.splice(1, 0, 'objectives:', '  - Explain the course in a sentence');
      } else if (r < 0.3) lines.unshift('---');
      else lines.unshift('---', 'title: A course', '---', '');
    },
  },
  {
    what: 'an objective reworded in the first, the last or any section',
    apply(lines, next) {
      const where = pick(['first', 'last', 'any'] as const, next);
      const from = lineIn(lines, next, where);
      let at = from;
      while (at < lines.length && !/^\s*(?:[-*]|\d+\.) /.test(lines[at]!)) at++;
      if (at >= lines.length) return;
      lines[at] = pick(
        [
          (s: string) => s.replace(/\b(Explain|Describe)\b/, 'Know'),
          (s: string) => s.replace(/\bUnderstand\b/, 'Configure'),
          (s: string) => `${s} with at least 90% accuracy`,
          (s: string) => s.replace(/\*\*LO[\d.]+:\*\* /, ''),
          (s: string) => s.replace(/^(\s*[-*] |\s*\d+\. )/, '$1**LO77:** '),
          (s: string) => s.replace(/within/, 'later'),
        ],
        next,
      )(lines[at]!);
    },
  },
  {
    what: 'a line typed or taken out in the first or the last section',
    apply(lines, next) {
      const at = lineIn(lines, next, next() < 0.5 ? 'first' : 'last');
      if (next() < 0.5)
        lines.splice(
          at,
          0,
          pick(['', 'A new line of prose.', '- Explain a new rule within 5 minutes'], next),
        );
      else if (lines.length > 10) lines.splice(at, 1);
    },
  },
  {
    what: 'a list item joined to the item before it: its marker taken out, or indented under it',
    apply(lines, next) {
      const at = lines.flatMap((l, i) =>
        i > 0 && /^(?:[-*]|\d+\.) /.test(l) && /^(?:[-*]|\d+\.) /.test(lines[i - 1]!) ? [i] : [],
      );
      const i = pick(at, next);
      if (i === undefined) return;
      lines[i] = next() < 0.5 ? lines[i]!.replace(/^(?:[-*]|\d+\.) /, '') : `   ${lines[i]}`;
    },
  },
  {
    what: "a piece's first line made to join the block before it",
    apply(lines, next) {
      // The lines where the incremental parse's pieces start (kept alongside the workspace's):
      // an edit there must parse the piece before again too.
      const starts = new Set(PIECES.starts);
      const at: number[] = [];
      let offset = 0;
      lines.forEach((l, i) => {
        if (i > 0 && starts.has(offset)) at.push(i);
        offset += l.length + PIECES.eol.length;
      });
      const i = pick(at, next);
      if (i === undefined) return;
      const l = lines[i]!;
      if (/^(?:[-*]|\d+\.) /.test(l) && lines[i - 1]) lines[i] = l.replace(/^(?:[-*]|\d+\.) /, '');
      else if (lines[i - 1]) lines[i] = next() < 0.5 ? '===' : '---';
      else lines[i] = `    ${l}`;
    },
  },
  {
    what: 'a whole section moved or copied elsewhere',
    apply(lines, next) {
      const hs = headings(lines);
      if (hs.length < 3) return;
      const h = pick(hs.slice(1), next);
      const end = sectionEnd(lines, h);
      const body = lines.slice(h, end);
      const copy = next() < 0.3;
      if (!copy) lines.splice(h, end - h);
      const rest = headings(lines);
      const to = next() < 0.2 ? lines.length : pick(rest.length ? rest : [lines.length], next);
      lines.splice(to, 0, ...body);
    },
  },
  {
    what: 'a code fence opened in a section (swallowing every section after it), or closed',
    apply(lines, next) {
      const open = lines.findIndex((l) => l === '```' || l === '~~~');
      if (open >= 0 && next() < 0.6) {
        // Closed again: the fence line taken out, or a closing line put further down.
        if (next() < 0.5) lines.splice(open, 1);
        else
          lines.splice(Math.min(lines.length, open + 5 + Math.floor(next() * 40)), 0, lines[open]!);
        return;
      }
      const at = lineIn(lines, next, pick(['first', 'last', 'any'] as const, next));
      lines.splice(at, 0, next() < 0.5 ? '```' : '~~~');
    },
  },
];

/** Top-level section headings ("## ", not deeper), the walk's usual checkpoints. */
const topLevel = (lines: string[]): number[] =>
  lines.flatMap((l, i) => (/^## /.test(l) ? [i] : []));

/** Edits around the headings a resumed walk starts at, and before the first of them. */
const RESUME_EDITS: Edit[] = [
  {
    what: 'a line typed or taken out before the first heading',
    apply(lines, next) {
      const title = lines.findIndex((l) => l.startsWith('# '));
      const at = title < 0 ? 0 : title + 1 + Math.floor(next() * 4);
      const r = next();
      if (r < 0.4) lines.splice(at, 0, '', 'A word before the modules.');
      else if (r < 0.7) lines.splice(at, 0, '', '- Explain the course within a day');
      else if (title >= 0 && lines[title + 1] !== undefined) lines.splice(title + 1, 1);
    },
  },
  {
    what: 'a top-level heading made text, or a paragraph made a top-level heading',
    apply(lines, next) {
      if (next() < 0.5) {
        const h = pick(topLevel(lines), next);
        if (h !== undefined) lines[h] = lines[h]!.slice(3);
      } else {
        const paras = lines.flatMap((l, i) =>
          /^(?:Module \d|Notes for|A word)/.test(l) && lines[i + 1] === '' ? [i] : [],
        );
        const p = pick(paras, next);
        if (p !== undefined) lines[p] = `## ${lines[p]}`;
      }
    },
  },
  {
    what: 'a fence opened before a top-level heading and closed after it, or such fences taken out',
    apply(lines, next) {
      const fences = lines.flatMap((l, i) => (l === '~~~' ? [i] : []));
      if (fences.length >= 2 && next() < 0.4) {
        const f = pick(fences, next)!;
        lines.splice(f, 1);
        return;
      }
      const h = pick(topLevel(lines), next);
      if (h === undefined) return;
      const after = Math.min(lines.length, h + 1 + Math.floor(next() * 6));
      lines.splice(after, 0, '~~~');
      lines.splice(Math.max(0, h - Math.floor(next() * 3)), 0, '~~~');
    },
  },
  {
    what: 'a top-level heading moved down a few lines, or deleted',
    apply(lines, next) {
      const h = pick(topLevel(lines), next);
      if (h === undefined) return;
      const [heading] = lines.splice(h, 1);
      if (next() < 0.5) return;
      lines.splice(Math.min(lines.length, h + 1 + Math.floor(next() * 8)), 0, heading!);
    },
  },
  {
    what: "a lesson's objectives heading renamed, or named again",
    apply(lines, next) {
      const at = lines.flatMap((l, i) =>
        l === '#### Learning objectives' || l === '#### Reading' ? [i] : [],
      );
      const i = pick(at, next);
      if (i === undefined) return;
      lines[i] = lines[i] === '#### Reading' ? '#### Learning objectives' : '#### Reading';
    },
  },
  {
    what: "a section's opening learning sentence typed or taken out",
    apply(lines, next) {
      const said = lines.flatMap((l, i) => (/^You will learn/.test(l) ? [i] : []));
      if (said.length && next() < 0.5) {
        lines.splice(pick(said, next)!, 2);
        return;
      }
      const h = pick(headings(lines), next);
      if (h === undefined) return;
      const at = ATX.test(lines[h]!) ? h + 1 : h + 2;
      lines.splice(at, 0, '', 'You will learn to explain the backup policy here.');
    },
  },
];

function fresh(text: string) {
  const ws = new Workspace();
  ws.update(FILE, text);
  return { outline: ws.get(FILE)!, json: ws.outlineJson(FILE), findings: ws.lint(FILE) };
}

const items = (o: Outline): Item[] => [...o.objectives, ...o.outcomes, ...o.assessments];

for (const seed of [1, 2, 3, 4, 5, 6]) {
  test(`incremental analysis equals a fresh build after 50 section edits (seed ${seed})`, () => {
    const next = mulberry32(seed);
    const eol = seed === 3 || seed === 5 ? '\r\n' : '\n';
    const bom = seed === 3 ? '\uFEFF' : '';
    // Seeds 5 and 6 make the edits around the walk's checkpoints more often.
    const edits =
      seed >= 5 ? [...EDITS, ...RESUME_EDITS, ...RESUME_EDITS] : [...EDITS, ...RESUME_EDITS];
    let resumed = 0;
    const asked = resumeStats.asked;
    const lines = course(16, seed % 2 === 1);
    const ws = new Workspace(undefined, { reuseFindings: true });
    let text = bom + lines.join(eol);
    assert.ok(text.length > 12_000, 'long enough to be parsed in several pieces');
    ws.update(FILE, text);
    ws.lint(FILE);
    let parsed: Parsed = parseMarkdown(text);
    PIECES.eol = eol;
    PIECES.starts = parsed.chunks.map((c) => c.start);
    let reused = 0;
    let total = 0;
    const seen = new Set<string>();
    // What the edits did to the sections: some were setext headings, and a fence swallowed
    // several of them at least once (else the test would not test what it says).
    let setext = 0;
    let swallowed = 0;
    for (let i = 0; i < 50; i++) {
      const before = new Set(items(ws.get(FILE)!));
      const sections = ws.get(FILE)!.sections.length;
      const edit = pick(edits, next);
      const resumes = resumeStats.resumed;
      edit.apply(lines, next);
      seen.add(edit.what);
      text = bom + lines.join(eol);
      ws.update(FILE, text);
      if (resumeStats.resumed > resumes) resumed++;
      parsed = parseMarkdown(text, parsed);
      PIECES.starts = parsed.chunks.map((c) => c.start);
      const expected = fresh(text);
      const where = `after edit ${i}, ${edit.what} (seed ${seed})`;
      const outline = ws.get(FILE)!;
      assert.deepEqual(outline, expected.outline, `outline model differs ${where}`);
      assert.deepEqual(ws.outlineJson(FILE), expected.json, `outline JSON differs ${where}`);
      assert.deepEqual(ws.lint(FILE), expected.findings, `findings differ ${where}`);
      for (const item of items(outline)) if (before.has(item)) reused++;
      setext += outline.sections.filter(
        (x) => x.heading && !text.startsWith('#', x.heading.start),
      ).length;
      if (edit.what.startsWith('a code fence') && outline.sections.length < sections - 3)
        swallowed++;
      total += items(outline).length;
    }
    // The test checks the reuse, not a rebuild that never happens.
    assert.ok(reused > 0.4 * total, `reused ${reused} of ${total}`);
    assert.ok(seen.size >= 7, `kinds of edit made: ${seen.size}`);
    assert.ok(setext > 0, 'setext headings were read as sections');
    assert.ok(swallowed > 0, 'a fence opened by an edit swallowed later sections');
    // Most edits resumed the walk at a checkpoint (the rest were before every checkpoint, or
    // changed what the whole document decides), and some resumes asked the walk's questions
    // again: the comparisons above test resumed walks.
    assert.ok(resumed >= 15, `walks resumed: ${resumed} of 50`);
    assert.ok(resumeStats.asked > asked, 'questions asked again on a resume');
  });
}
