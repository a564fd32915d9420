// Containers that CommonMark does not know, found line by line before parsing, their fence lines
// replaced so that their bodies parse as ordinary Markdown, without changing any offset:
// - pandoc fenced divs (`:::::: objectives`, `::: {.callout-tip title="..."}`: the Carpentries
//   Workbench, Quarto callouts) and MyST colon-fenced directives (`:::{objectives}`);
// - MyST directives fenced with backticks or tildes (```` ```{objectives} ````) whose body is
//   Markdown (vocabulary/directives.json); every other fenced block stays code;
// - Python-Markdown / MkDocs admonitions (`!!! info "Learning objectives"` + an indented body).
// A fence line becomes a thematic break of the same length ("***" and spaces): it ends a list like
// the fence does, and two lists in neighbouring divs stay two lists. Directive option lines
// (`:class: dropdown`) become blank. An admonition's marker becomes an ordered-list marker of the
// same width ("10."), so its indented body parses as that item's content instead of as code.
import directives from './vocabulary/directives.json' with { type: 'json' };
import { divClassName } from './names.js';

export interface Div {
  /** Normalised class or directive names ("objectives", "callout-tip", "lo content-hidden"). */
  name: string;
  /** A title written on the fence or as an attribute ("Learning objectives"), or null. */
  title: string | null;
  start: number;
  /** End of the closing fence line, or the end of the text when never closed. */
  end: number;
  depth: number;
  syntax: 'div' | 'directive' | 'admonition';
  /** Offset just past the opening line (where the body starts). */
  bodyStart: number;
  /** True when the container was never closed. */
  unclosed?: boolean;
}

const MARKDOWN_BODIED = new Set(directives.markdownBodied.map((d) => d.name));
const CODE_FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
// Attributes are trimmed by hand: `[ \t]*(.*?)[ \t]*$` backtracks quadratically on long runs
// of spaces.
const DIV_FENCE = /^ {0,3}(:{3,})(.*)$/;
const ADMONITION = /^ {0,3}(!!!|\?\?\?\+?)[ \t]+([\w-]+)(.*)$/;
const OPTION_LINE = /^[ \t]*:[\w-]+:(?:[ \t].*)?$/;

interface Open {
  name: string;
  title: string | null;
  start: number;
  bodyStart: number;
  depth: number;
  syntax: Div['syntax'];
  /** The fence that closes it: its run of colons, or a backtick/tilde run. */
  fence: string;
  /** A MyST colon fence (":::{name}"): closed by a run of at least as many colons, outer first. */
  myst?: boolean;
}

/**
 * Whether the text may hold a fenced div, a directive, an admonition or a kramdown attribute
 * list: false, and maskContainers leaves it as it is with no divs. With `from` and `to`: the text
 * is an edit of one for which this was false, the same but for text[from, to) (its common prefix
 * and suffix with that text: textChange in parse.ts), and only what could stand across that range
 * is searched (a marker of at most six characters; an admonition's at a line start), so that an
 * edit of a long outline does not search the whole text again.
 */
export function mayHoldContainers(text: string, from = 0, to = text.length): boolean {
  if (from > 0 || to < text.length) {
    let start = Math.max(0, from - 6);
    while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13)
      start--;
    text = text.slice(start, Math.min(text.length, to + 6));
  }
  return (
    text.includes(':::') ||
    text.includes('```{') ||
    text.includes('~~~{') ||
    /^ {0,3}(?:!!!|\?\?\?)/m.test(text) ||
    text.includes('{:')
  );
}

export function maskContainers(
  text: string,
  /** Read every line in full (tests compare this with the skipping below). */
  everyLine = false,
): { source: string; divs: Div[] } {
  if (!mayHoldContainers(text)) return { source: text, divs: [] };
  const divs: Div[] = [];
  const open: Open[] = [];
  const masks: [number, number, string][] = [];
  let codeFence: string | null = null;
  let admonition: { open: Open; indent: number } | null = null;
  let pos = 0;
  // Where the next ":::" is (searched again only once passed), so that the lines without one
  // are told in constant time.
  let colons = -1;
  while (pos <= text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    let lineEnd = eol;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    if (colons !== -2 && colons < pos) {
      colons = text.indexOf(':::', pos);
      if (colons < 0) colons = -2;
    }
    // Most lines are none of the below: outside an admonition, a line whose first character
    // after up to three spaces is not "`", "~", "!" or "?" and that holds no ":::" is neither a
    // fence nor an admonition, and changes nothing here. Skipped without reading it further
    // (the lines were 1.4% of `check`'s CPU on the Carpentries lessons).
    if (!everyLine && !admonition && (colons === -2 || colons + 3 > lineEnd)) {
      let at = pos;
      while (at < pos + 3 && text.charCodeAt(at) === 32) at++;
      const c = at < lineEnd ? text.charCodeAt(at) : 0;
      if (c !== 96 /* ` */ && c !== 126 /* ~ */ && c !== 33 /* ! */ && c !== 63 /* ? */) {
        if (eol >= text.length) break;
        pos = eol + 1;
        continue;
      }
    }
    const line = text.slice(pos, lineEnd);
    // An admonition's body is its indented lines (and blank lines between them).
    if (admonition && line.trim() !== '' && indentOf(line) < admonition.indent) {
      const a = admonition.open;
      divs.push({ ...divOf(a), end: lastNonBlankEnd(text, a.bodyStart, pos) });
      admonition = null;
    }
    const fence = CODE_FENCE.exec(line);
    if (codeFence) {
      if (
        fence &&
        fence[1]![0] === codeFence[0] &&
        fence[1]!.length >= codeFence.length &&
        line.trim() === fence[1]
      )
        codeFence = null;
    } else if (fence) {
      const top = open[open.length - 1];
      const run = fence[1]!;
      const info = trimSpaceTab(fence[2]!);
      if (
        top &&
        top.syntax === 'directive' &&
        top.fence[0] === run[0] &&
        run.length >= top.fence.length &&
        info === ''
      ) {
        open.pop();
        divs.push({ ...divOf(top), end: lineEnd });
        masks.push([pos, lineEnd, 'break']);
      } else {
        const directive = /^\{([\w-]+)\}(.*)$/.exec(info);
        const name = directive?.[1]!.toLowerCase();
        if (name && (MARKDOWN_BODIED.has(name) || divClassName(name))) {
          const o: Open = {
            name,
            title: trimSpaceTab(directive![2]!) || null,
            start: pos,
            bodyStart: eol + 1,
            depth: open.length,
            syntax: 'directive',
            fence: run,
          };
          open.push(o);
          masks.push([pos, lineEnd, 'break']);
          pos = maskOptions(text, eol + 1, masks);
          o.name = withObjectiveClasses(o.name, text, eol + 1, pos);
          continue;
        }
        codeFence = run;
      }
    } else if (line.includes(':::')) {
      const m = DIV_FENCE.exec(line);
      if (m) {
        const attrs = trimSpaceTab(m[2]!);
        if (attrs === '' || /^:*$/.test(attrs)) {
          // Closes the innermost colon-fenced container (pandoc), or, among MyST colon fences,
          // the outermost one opened with no more colons than this line has (MyST finds each
          // fence's end before reading its body: an inner fence left open ends with it).
          let k = open.length - 1;
          while (k >= 0 && open[k]!.syntax !== 'div') k--;
          if (k >= 0 && open[k]!.myst) {
            const run = m[1]!.length + (attrs.length - attrs.replace(/^:+/, '').length);
            let outer = -1;
            for (let j = k; j >= 0 && open[j]!.syntax === 'div' && open[j]!.myst; j--)
              if (open[j]!.fence.length <= run) outer = j;
            // A run shorter than every open fence closes none of them.
            if (outer < 0) k = -1;
            else
              while (k > outer) {
                if (open[k]!.syntax === 'div') {
                  const [inner] = open.splice(k, 1);
                  divs.push({ ...divOf(inner!), end: lineEnd });
                }
                k--;
              }
          }
          if (k >= 0) {
            const [top] = open.splice(k, 1);
            divs.push({ ...divOf(top!), end: lineEnd });
            masks.push([pos, lineEnd, 'break']);
          }
        } else {
          const parsed = divAttributes(attrs);
          if (parsed) {
            open.push({
              name: parsed.name,
              title: parsed.title,
              start: pos,
              bodyStart: eol + 1,
              depth: open.length,
              syntax: 'div',
              fence: m[1]!,
              myst: parsed.myst,
            });
            masks.push([pos, lineEnd, 'break']);
            // MyST options (":class: dropdown") right after the fence are not body text.
            if (parsed.myst) {
              pos = maskOptions(text, eol + 1, masks);
              const o = open[open.length - 1]!;
              o.name = withObjectiveClasses(o.name, text, eol + 1, pos);
              continue;
            }
          }
        }
      }
    } else if (
      !admonition &&
      (line.startsWith('!!!') || line.startsWith('???') || /^ {1,3}[!?]/.test(line))
    ) {
      const m = ADMONITION.exec(line);
      const next = lineAt(text, eol + 1).replace(/\r$/, '');
      const blankNext = next.trim() === '';
      const body = blankNext ? lineAt(text, nextLine(text, eol + 1)) : next;
      if (m && body.trim() !== '' && indentOf(body) >= 4 + indentOf(line)) {
        const o: Open = {
          name: m[2]!.toLowerCase(),
          title: unquote(trimSpaceTab(m[3]!)),
          start: pos,
          bodyStart: eol + 1,
          depth: open.length,
          syntax: 'admonition',
          fence: '',
        };
        admonition = { open: o, indent: 4 + indentOf(line) };
        // With the body on the next line, the whole line becomes an empty item ("10.   "),
        // whose content column is the body's; after a blank line, only the marker, so the
        // title stays the item's first paragraph and the body its later ones.
        const at = pos + indentOf(line);
        masks.push([at, blankNext ? at + m[1]!.length : lineEnd, 'item']);
      }
    }
    if (eol >= text.length) break;
    pos = eol + 1;
  }
  if (admonition) {
    const a = admonition.open;
    divs.push({ ...divOf(a), end: lastNonBlankEnd(text, a.bodyStart, text.length) });
  }
  for (const o of open) divs.push({ ...divOf(o), end: text.length, unclosed: true });
  if (text.includes('{:')) kramdownQuotes(text, divs, masks);
  divs.sort((a, b) => a.start - b.start);
  if (!masks.length) return { source: text, divs };
  masks.sort((a, b) => a[0] - b[0]);
  let out = '';
  let last = 0;
  for (const [s, e, how] of masks) {
    out += text.slice(last, s);
    const width = e - s;
    if (how === 'break') out += '***' + ' '.repeat(Math.max(0, width - 3));
    else if (how === 'blank') out += ' '.repeat(width);
    // "!!!" -> "10.": an ordered-list marker of the same width.
    else out += '10.' + ' '.repeat(Math.max(0, width - 3));
    last = e;
  }
  out += text.slice(last);
  return { source: out, divs };
}

/** A kramdown attribute line naming a class: "{: .challenge}", "> {: .solution}". */
const IAL = /^([ \t]{0,3}(?:>[ \t]?)*)\{:[ \t]*\.([\w-]+)[^}\n]*\}[ \t]*\r?$/gm;

/**
 * Jekyll lessons (the Carpentries' styles before the Workbench) write a box as a block quote
 * followed by a kramdown attribute line: "> ## Summing a list\n> ...\n{: .challenge}", with a
 * nested "> > ## Solution ...\n> {: .solution}". Each such quote is a div of that class: the
 * outer quote's markers become spaces (its content is read as the div's body, its first heading
 * as its title), a nested quote stays a quote and is a div too, and the attribute lines become
 * blank.
 */
function kramdownQuotes(text: string, divs: Div[], masks: [number, number, string][]): void {
  // Only the masks made before (fences, options) can clash: a quote that holds one is left.
  const before = masks.slice();
  const taken = (at: number, end: number) => before.some(([s, e]) => s < end && at < e);
  IAL.lastIndex = 0;
  for (let m = IAL.exec(text); m; m = IAL.exec(text)) {
    const lineStart = m.index;
    const lineEnd = lineStart + m[0].replace(/\r$/, '').length;
    const prefix = m[1]!;
    const level = (prefix.match(/>/g) ?? []).length;
    // The quote it closes: the lines just above, each one level deeper than the attribute line.
    const lines: number[] = [];
    let at = lineStart;
    while (at > 0) {
      const prevEnd = at - 1;
      const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
      const line = text.slice(prevStart, prevEnd);
      if ((line.match(/^(?:[ \t]{0,3}>[ \t]?)+/)?.[0].match(/>/g) ?? []).length <= level) break;
      lines.unshift(prevStart);
      at = prevStart;
    }
    if (!lines.length || taken(lines[0]!, lineEnd)) continue;
    if (level === 0) {
      // The outer quote: its markers become spaces, so that its body reads as the div's.
      for (const start of lines) {
        const gt = text.indexOf('>', start);
        masks.push([gt, gt + 1, 'blank']);
      }
    }
    masks.push([lineStart + prefix.length, lineEnd, 'blank']);
    divs.push({
      name: m[2]!.toLowerCase(),
      title: null,
      start: lines[0]!,
      end: lineEnd,
      depth: level,
      syntax: 'div',
      bodyStart: lines[0]!,
    });
  }
}

function divOf(o: Open): Omit<Div, 'end'> {
  return {
    name: o.name,
    title: o.title,
    start: o.start,
    depth: o.depth,
    syntax: o.syntax,
    bodyStart: o.bodyStart,
  };
}

/** A MyST directive's name with the classes of its ":class:" option that name objectives
 * ("{admonition} Lernziele" + ":class: objectives"): the author's class says what the box
 * holds when its title does not. Other classes ("tip", "dropdown") are styling and are left
 * out. */
function withObjectiveClasses(name: string, text: string, from: number, to: number): string {
  if (to <= from) return name;
  const m = /^[ \t]*:class:[ \t]*(.*)$/m.exec(text.slice(from, to));
  if (!m) return name;
  const named = m[1]!
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((c) => c && divClassName(c)?.kind === 'objective');
  return named.length ? `${name} ${named.join(' ')}` : name;
}

/** Masks MyST option lines (":class: tip") or a YAML option block after a directive's fence;
 * returns where the body starts. */
function maskOptions(text: string, from: number, masks: [number, number, string][]): number {
  let pos = from;
  const first = lineAt(text, pos);
  if (/^---[ \t]*$/.test(first.replace(/\r$/, ''))) {
    // A YAML block of options, "---" to "---".
    let p = nextLine(text, pos);
    while (p < text.length) {
      const l = lineAt(text, p).replace(/\r$/, '');
      if (/^---[ \t]*$/.test(l)) {
        masks.push([pos, p + l.length, 'blank']);
        return nextLine(text, p);
      }
      p = nextLine(text, p);
    }
    return from;
  }
  while (pos < text.length) {
    const l = lineAt(text, pos).replace(/\r$/, '');
    if (!OPTION_LINE.test(l)) break;
    masks.push([pos, pos + l.length, 'blank']);
    pos = nextLine(text, pos);
  }
  return pos;
}

function lineAt(text: string, pos: number): string {
  if (pos > text.length) return '';
  const eol = text.indexOf('\n', pos);
  return text.slice(pos, eol < 0 ? text.length : eol);
}

function nextLine(text: string, pos: number): number {
  const eol = text.indexOf('\n', pos);
  return eol < 0 ? text.length : eol + 1;
}

function indentOf(line: string): number {
  let n = 0;
  for (const c of line) {
    if (c === ' ') n++;
    else if (c === '\t') n += 4 - (n % 4);
    else break;
  }
  return n;
}

/** The end of the last non-blank line in [from, to). */
function lastNonBlankEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && /\s/.test(text[end - 1]!)) end--;
  return end;
}

function unquote(s: string): string | null {
  const m = /^(["'])(.*)\1$/.exec(s);
  const t = (m ? m[2]! : s).trim();
  return t || null;
}

function trimSpaceTab(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && (s[a] === ' ' || s[a] === '\t')) a++;
  while (b > a && (s[b - 1] === ' ' || s[b - 1] === '\t')) b--;
  return s.slice(a, b);
}

/**
 * "objectives", "{.objectives}", "{.callout .objectives}", "learning-objectives",
 * "{.callout-tip title="Learning objectives"}", MyST "{admonition} Learning objectives" ->
 * names and title; null when the line is not a div fence.
 */
function divAttributes(
  attrs: string,
): { name: string; title: string | null; myst: boolean } | null {
  // Trailing colons and spaces off, by hand (`:+\s*$` backtracks on long runs of colons).
  let end = attrs.trimEnd().length;
  while (end > 0 && attrs[end - 1] === ':') end--;
  const a = attrs.slice(0, end).trim();
  // MyST: ":::{name} optional title".
  const myst = /^\{([\w-]+)\}(.*)$/.exec(a);
  if (myst) return { name: myst[1]!.toLowerCase(), title: myst[2]!.trim() || null, myst: true };
  const braces = /^\{([^}]*)\}(.*)$/.exec(a);
  if (braces) {
    const inner = braces[1]!;
    const classes = inner
      .replace(/"[^"]*"|'[^']*'/g, ' ')
      .split(/\s+/)
      .filter((c) => c.startsWith('.'))
      .map((c) => c.slice(1).toLowerCase());
    const title = /\btitle\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(inner);
    return {
      name: classes.join(' '),
      title: (title?.[1] ?? title?.[2] ?? title?.[3] ?? braces[2]!.trim()) || null,
      myst: false,
    };
  }
  if (/^[\w-]+$/.test(a)) return { name: a.toLowerCase(), title: null, myst: false };
  const first = /^([\w-]+)\s+(.*)$/.exec(a);
  return first
    ? { name: first[1]!.toLowerCase(), title: first[2]!.trim() || null, myst: false }
    : null;
}
