// A small glob matcher for command-line patterns and the `files`/`ignores` settings, so the CLI
// needs no glob dependency. Paths are matched relative and with forward slashes.
// Supported: `**` (any number of folders), `*` and `?` (within one folder name), `[abc]`,
// `[!abc]`, `{a,b}` (nestable) and `\` to escape a glob character (`week\[1\].md`, a file
// named with brackets), as ESLint, .gitignore and fast-glob read it. A `\` before any other
// character separates folders, so a pattern written the Windows way (`courses\archive`) works
// on every system. `\*` and `\?` are read both ways, since Windows writes `drafts\*.md` for
// the Markdown files in `drafts`: the character itself, or a folder then the wildcard.

const MAGIC = /[*?[\]{}]/;

/** True when a command-line argument is a pattern rather than a path. */
export function isGlob(arg: string): boolean {
  return MAGIC.test(arg);
}

/** Splits a pattern into the folder it can only match below and the rest ("docs/**\/*.md"). */
export function splitGlob(pattern: string): { base: string; rest: string } {
  const parts = patternToPosix(pattern).split('/');
  let i = 0;
  while (i < parts.length - 1 && !MAGIC.test(parts[i]!)) i++;
  const base = parts.slice(0, i).join('/');
  return {
    base: base === '' && pattern.startsWith('/') ? '/' : base || '.',
    rest: parts.slice(i).join('/'),
  };
}

/** Windows, where `\` separates the folders of a path. (Not `node:path`: the web build of the
 * server uses this file too, where there is no process and paths have forward slashes.) */
const WINDOWS = typeof process !== 'undefined' && process.platform === 'win32';

/** A path of this system with forward slashes. Elsewhere than on Windows a backslash is a
 * character of a file name (`a\b.md`), and stays. */
export function toPosix(p: string, windows = WINDOWS): string {
  return windows ? p.replace(/\\/g, '/') : p;
}

/** The characters a `\` escapes in a pattern; before any other, it separates folders. */
const ESCAPED = new Set(['*', '?', '[', ']', '{', '}', ',', '!', '\\']);

/** A pattern with its folder separators written `/` and its escapes kept; with `wildcards`,
 * `\*` and `\?` are read as a separator and the wildcard (the Windows reading) instead. */
function patternToPosix(pattern: string, wildcards = false): string {
  if (!pattern.includes('\\')) return pattern;
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    const next = pattern[i + 1];
    if (c !== '\\') out += c;
    else if (
      next !== undefined &&
      ESCAPED.has(next) &&
      !(wildcards && (next === '*' || next === '?'))
    ) {
      out += c + next;
      i++;
    } else if (!out.endsWith('/')) out += '/';
  }
  return out;
}

const cache = new Map<string, RegExp>();

/** Does the relative path (forward slashes) match the pattern? A leading "./" in either is
 * ignored. */
export function matchGlob(pattern: string, relPath: string): boolean {
  let re = cache.get(pattern);
  if (!re) {
    re = globToRegExp(pattern);
    cache.set(pattern, re);
  }
  return re.test(toPosix(relPath).replace(/^(\.\/)+/, ''));
}

/** Like matchGlob, but a pattern also matches everything inside a folder it matches
 * ("drafts" and "drafts/" ignore "drafts/week1.md"), as ignore lists are read. */
export function matchGlobOrParent(pattern: string, relPath: string): boolean {
  const p = pattern.replace(/\/+$/, '');
  const parts = toPosix(relPath)
    .replace(/^(\.\/)+/, '')
    .split('/');
  for (let n = parts.length; n >= 1; n--) {
    if (matchGlob(p, parts.slice(0, n).join('/'))) return true;
  }
  return false;
}

/** The pattern as a regular expression over relative paths with forward slashes. */
export function globToRegExp(pattern: string): RegExp {
  const escapes = patternToPosix(pattern);
  const windows = patternToPosix(pattern, true);
  const readings = escapes === windows ? [escapes] : [escapes, windows];
  return new RegExp(
    `^(?:${readings.map((r) => globSource(r.replace(/^(\.\/)+/, ''))).join('|')})$`,
  );
}

/** One reading of a pattern (separators written `/`) as the source of a regular expression. */
function globSource(src: string): string {
  let out = '';
  let i = 0;
  const braces: number[] = []; // nesting of {…}
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\' && i + 1 < src.length) {
      out += escapeRe(src[i + 1]!);
      i += 2;
    } else if (c === '*') {
      if (src[i + 1] === '*') {
        const atStart = i === 0 || src[i - 1] === '/';
        let j = i;
        while (src[j] === '*') j++;
        const atEnd = j === src.length || src[j] === '/';
        if (atStart && atEnd) {
          // "**/" matches zero or more folders; a trailing "**" matches everything below.
          if (src[j] === '/') {
            out += '(?:[^/]+/)*';
            i = j + 1;
          } else {
            out += '.*';
            i = j;
          }
          continue;
        }
        out += '[^/]*';
        i = j;
      } else {
        out += '[^/]*';
        i++;
      }
    } else if (c === '?') {
      out += '[^/]';
      i++;
    } else if (c === '[') {
      const close = src.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        i++;
        continue;
      }
      let body = src.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      out += `[${negate ? '^/' : ''}${body.replace(/[\\\]^]/g, (m) => '\\' + m)}]`;
      i = close + 1;
    } else if (c === '{') {
      braces.push(i);
      out += '(?:';
      i++;
    } else if (c === ',' && braces.length) {
      out += '|';
      i++;
    } else if (c === '}' && braces.length) {
      braces.pop();
      out += ')';
      i++;
    } else {
      out += escapeRe(c);
      i++;
    }
  }
  // An unclosed "{" is taken literally.
  return braces.length ? escapeRe(src) : out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
