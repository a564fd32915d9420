// Reader: signs of the kind of course (OUTLINE-CONVENTIONS.md section 10), recorded in the
// outline model while it is built: a "Grading" or "Job skills" heading, Carpentries divs, MyST
// exercise directives, Carpentries front matter keys (vocabulary/kind-signals.json). kind.ts
// weighs them with what the items show (outcomes with targets, ILO IDs, a grading breakdown);
// it never reads the text again.
import type { Root } from 'mdast';
import type { CourseKind, KindSignal, Span } from '../model.js';
import { off, type Builder } from './context.js';
import { plainTextOf } from './plain.js';
import { lazy, testText, type LazyPattern } from '../language/ascii.js';
import { memo } from '../memo.js';
import data from './vocabulary/kind-signals.json' with { type: 'json' };

interface HeadingSign {
  /** Made on first use: an ASCII heading is matched by its twin without `u` (language/ascii.ts). */
  re: LazyPattern;
  kind: CourseKind;
  weight: 1 | 2 | 3;
  what: string;
}

const HEADINGS: HeadingSign[] = data.headings.map((h) => ({
  re: lazy(h.pattern, 'iu'),
  kind: h.kind as CourseKind,
  weight: h.weight as 1 | 2 | 3,
  what: h.what,
}));

/** Headings read for signs, at most (a long document says what it is near its top too). */
const MAX_HEADINGS = 400;
/** `title = "..."` and its kin in TOML front matter (Hugo). */
const TOML_TITLES =
  /^[ \t]*(title|subtitle|description|summary)[ \t]*=[ \t]*["']([^"'\r\n]+)["']/gim;

export function readSignals(b: Builder, root: Root): void {
  const { outline } = b;
  const found = new Map<string, KindSignal>();
  const add = (kind: CourseKind, weight: 1 | 2 | 3, what: string, span: Span | null) => {
    if (!found.has(what)) found.set(what, { kind, weight, what, span });
  };
  const headingSigns = (text: string, span: Span | null) => {
    for (const h of signsOf(text)) add(h.kind, h.weight, h.what, span);
  };
  if (outline.title) headingSigns(outline.title, outline.sections[0]?.heading ?? null);
  let headings = 0;
  for (const node of root.children) {
    if (headings > MAX_HEADINGS) break;
    if (node.type === 'heading') {
      headings++;
      // (Most headings are signs of nothing: no span is made for them.)
      const signs = signsOf(plainTextOf(b, node.children));
      if (signs.length) {
        const span = off(b, node);
        for (const h of signs) add(h.kind, h.weight, h.what, span);
      }
    } else if (
      node.type === 'paragraph' &&
      node.children.length === 1 &&
      (node.children[0]!.type === 'strong' || node.children[0]!.type === 'emphasis')
    ) {
      // A bold label paragraph is a heading for this purpose ("**Grading**").
      const text = plainTextOf(b, node.children);
      if (text.length <= 80) headingSigns(text, off(b, node));
    } else if (node.type === 'yaml') {
      frontMatterSigns(node.value, off(b, node), add);
      // What the course says it is ("PagerDuty's internal employee security training").
      for (const m of node.value.matchAll(/^(?:title|subtitle|description|summary):[ \t]*(.+)$/gim))
        headingSigns(m[1]!.replace(/^["']|["']$/g, ''), off(b, node));
    } else if (node.type === 'toml') {
      // Hugo's TOML front matter: `title = "..."`.
      for (const m of node.value.matchAll(TOML_TITLES)) headingSigns(m[2]!, off(b, node));
    }
  }
  const base = b.parsed.base;
  for (const sign of data.divs) {
    const names = new Set<string>();
    let first: Span | null = null;
    for (const d of b.parsed.divs) {
      if (d.syntax !== sign.syntax) continue;
      for (const n of d.name.split(/\s+/)) {
        if (!sign.names.includes(n)) continue;
        names.add(n);
        first ??= { start: d.start + base, end: d.bodyStart + base };
      }
    }
    if (names.size >= sign.min) {
      const shown = [...names].slice(0, 3).join(', ');
      add(sign.kind as CourseKind, sign.weight as 1 | 2 | 3, `${sign.what} (${shown})`, first);
    }
  }
  outline.signals.push(...found.values());
}

/** The signs a heading's text gives, by text: every build after an edit read the first 400
 * headings of a long outline again with each pattern (2% of an edit's time in the core's profile);
 * the patterns depend on the text alone. */
const SIGNS_BY_TEXT = memo<string, readonly HeadingSign[]>(20_000);
const NO_SIGNS: readonly HeadingSign[] = Object.freeze([]);

function signsOf(text: string): readonly HeadingSign[] {
  let signs = SIGNS_BY_TEXT.get(text);
  if (signs === undefined) {
    const t = text.toLowerCase().replace(/[’]/g, "'").trim();
    const found = !t || t.length > 200 ? [] : HEADINGS.filter((h) => testText(h.re, t));
    // Bounded: the headings of a few long outlines; a workspace of many starts again.
    signs = SIGNS_BY_TEXT.set(text, found.length ? found : NO_SIGNS);
  }
  return signs;
}

/** Top-level keys of the front matter, found line by line (the YAML was parsed by its own
 * reader; only key names are wanted here). */
function frontMatterSigns(
  yaml: string,
  span: Span,
  add: (kind: CourseKind, weight: 1 | 2 | 3, what: string, span: Span | null) => void,
): void {
  const keys = new Set<string>();
  for (const m of yaml.matchAll(/^([A-Za-z_][\w-]*)\s*:/gm)) keys.add(m[1]!.toLowerCase());
  for (const sign of data.frontMatter) {
    const hits = sign.keys.filter((k) => keys.has(k));
    if (hits.length >= sign.min)
      add(sign.kind as CourseKind, sign.weight as 1 | 2 | 3, sign.what, span);
  }
}
