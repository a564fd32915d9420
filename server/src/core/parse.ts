// Parses Markdown once with remark-parse (plus front matter). Two things remark does not know
// are handled here, without changing any offset: pandoc fenced divs (`:::::: objectives` ...
// `::::::`, the Carpentries Workbench format) are found line by line and their fence lines
// replaced before parsing, so a closing fence never becomes part of a list item; and a BOM
// is parsed past, with every offset still counted in the original text. A fence line becomes a
// thematic break of the same length ("***" and spaces): it ends a list like the fence does, and
// two lists in neighbouring divs stay two lists.
//
// remark-gfm is deliberately not used: the only GFM construct outlines need is the task-list
// checkbox, which the outline builder reads from the item text, and GFM's extensions cost about
// 12% more parse time on a 6,000-objective outline (measured; see BENCHMARKS.md).
import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';

export interface Div {
  /** Normalised class name ("objectives", "challenge"). */
  name: string;
  start: number;
  /** End of the closing fence line, or the end of the text when never closed. */
  end: number;
  depth: number;
}

export interface Parsed {
  root: Root;
  /** Offset of the parsed text in the original (1 when a BOM was skipped). */
  base: number;
  /** The parsed text: the original without BOM, fence lines of divs blanked. */
  source: string;
  divs: Div[];
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DIV_FENCE = /^ {0,3}(:{3,})[ \t]*(.*?)[ \t]*$/;

export function parseMarkdown(text: string): Parsed {
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const raw = base ? text.slice(1) : text;
  const { source, divs } = maskDivs(raw);
  const root = processor.parse(source) as Root;
  return { root, base, source, divs };
}

/** Finds pandoc fenced divs line by line (outside code fences) and blanks their fence lines. */
function maskDivs(text: string): { source: string; divs: Div[] } {
  if (!text.includes(':::')) return { source: text, divs: [] };
  const divs: Div[] = [];
  const open: { name: string; start: number; depth: number }[] = [];
  const blanks: [number, number][] = [];
  let codeFence: string | null = null;
  let pos = 0;
  while (pos <= text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    let lineEnd = eol;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const line = text.slice(pos, lineEnd);
    const fence = FENCE.exec(line);
    if (codeFence) {
      if (
        fence &&
        fence[1]![0] === codeFence[0] &&
        fence[1]!.length >= codeFence.length &&
        line.trim() === fence[1]
      )
        codeFence = null;
    } else if (fence) {
      codeFence = fence[1]!;
    } else if (line.includes(':::')) {
      const m = DIV_FENCE.exec(line);
      if (m) {
        const attrs = m[2]!;
        if (attrs === '' || /^:*$/.test(attrs)) {
          const top = open.pop();
          if (top) {
            divs.push({ name: top.name, start: top.start, end: lineEnd, depth: top.depth });
            blanks.push([pos, lineEnd]);
          }
        } else {
          const name = divName(attrs);
          if (name !== null) {
            open.push({ name, start: pos, depth: open.length });
            blanks.push([pos, lineEnd]);
          }
        }
      }
    }
    if (eol >= text.length) break;
    pos = eol + 1;
  }
  for (const o of open)
    divs.push({ name: o.name, start: o.start, end: text.length, depth: o.depth });
  if (!blanks.length) return { source: text, divs };
  let out = '';
  let last = 0;
  for (const [s, e] of blanks) {
    out += text.slice(last, s) + '***' + ' '.repeat(e - s - 3);
    last = e;
  }
  out += text.slice(last);
  divs.sort((a, b) => a.start - b.start);
  return { source: out, divs };
}

/** "objectives", "{.objectives}", "{.callout .objectives}", "learning-objectives" -> name. */
function divName(attrs: string): string | null {
  const a = attrs.replace(/:+\s*$/, '').trim();
  const braces = /^\{([^}]*)\}$/.exec(a);
  if (braces) {
    const classes = braces[1]!
      .split(/\s+/)
      .filter((c) => c.startsWith('.'))
      .map((c) => c.slice(1));
    return classes.length ? classes.join(' ').toLowerCase() : '';
  }
  if (/^[\w-]+$/.test(a)) return a.toLowerCase();
  const first = /^([\w-]+)\s/.exec(a);
  return first ? first[1]!.toLowerCase() : null;
}
