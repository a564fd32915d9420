// Which files a command works on: PATH and GLOB arguments expanded to outline files (Markdown,
// Quarto, R Markdown, notebooks; or what the configuration's `files` selects), honouring
// .gitignore files (git's rules: the deeper file wins, an ignored folder is not entered),
// always skipping node_modules, .git and .ipynb_checkpoints, and never following a symlinked
// folder out of the folder that was named. A file named explicitly is always taken, whatever
// its name.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isOutlineName } from '../core/index.js';
import { isGlob, matchGlob, splitGlob, toPosix } from './glob.js';
import type { Log } from './log.js';
import { fsReason } from './log.js';

export interface Target {
  /** Absolute path, the file's identity in the workspace. */
  abs: string;
  /** The path as the user gave it (or the named folder joined with the path found in it). */
  display: string;
  /** Named on the command line as a file: config `files`/`ignores` do not apply. */
  explicit: boolean;
  /** Real path of the folder named on the command line that this file was found in (the
   * file's own folder for an explicit file); --fix writes nothing that resolves outside it. */
  root: string;
  /** Found by a pattern whose last part names an extension ("notes/*.txt"): taken whatever
   * the default set of file names or `files` say. */
  byPattern?: boolean;
  /** Its bytes, read from standard input (`check --stdin`): `abs` is only its name. */
  content?: Buffer;
}

// Jupyter's autosave copies (.ipynb_checkpoints) would repeat every notebook.
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.ipynb_checkpoints']);

/** Which files a walk takes: by default the outline files (isOutlineName); the CLI and the
 * language server pass the configuration's choice (`files`, `ignores`). */
export type Select = (abs: string) => boolean;

const byName: Select = (abs) => isOutlineName(abs);

type Told = (abs: string, why: string) => void;

/** What the command line also reports of a walk (the language server searches quietly). */
export interface ExpandOptions {
  /** A named folder (or the default ".") with no file to check is an error that says why. */
  reportEmpty?: boolean;
  /** A folder that cannot be read is an error, not skipped in silence. */
  reportUnreadable?: boolean;
  /** A broken symbolic link found in a walk, with an outline file's name, is a note; or told
   * to this function (the language server's search: absolute path, why it is broken). */
  reportBroken?: boolean | ((abs: string, why: string) => void);
  /** A file (absolute path) a walk or pattern leaves out: the command's own output. */
  exclude?: string;
  /** Folders of this name are taken as files (and not entered): the language server's search
   * for configuration files, which says a folder named `.bloomline.json` is none. */
  foldersNamed?: string;
}

/** The files a walk finds by default, for the message of a folder with none. */
const OUTLINE_FILES = '*.md, *.markdown, *.qmd, *.Rmd, *.ipynb';

/**
 * Expands command-line arguments to files, deduplicated and sorted by displayed path.
 * A missing path or a pattern matching nothing is reported (exit 2 at the end).
 */
export function expandArgs(
  args: readonly string[],
  cwd: string,
  log: Log,
  select: Select = byName,
  options: ExpandOptions = {},
): Target[] {
  const said: WalkReport = {
    ...(options.foldersNamed !== undefined ? { foldersNamed: options.foldersNamed } : {}),
    ...(options.reportUnreadable
      ? {
          unreadable: (display: string, err: unknown) =>
            log.error(`${display}: cannot be searched: ${fsReason(err)}`),
        }
      : {}),
    ...(typeof options.reportBroken === 'function'
      ? {
          broken: (_: string, why: string, abs: string) => (options.reportBroken as Told)(abs, why),
        }
      : options.reportBroken
        ? { broken: (display: string, why: string) => log.note(`${display}: skipped: ${why}`) }
        : {}),
  };
  const found = new Map<string, Target>();
  const add = (t: Target): void => {
    if (!found.has(t.abs)) found.set(t.abs, t);
  };
  const kept = (targets: Target[]) => targets.filter((t) => t.abs !== options.exclude);
  for (const arg of args.length ? args : ['.']) {
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch (err) {
      if (!isGlob(arg)) {
        log.error(`${arg}: ${brokenLink(abs) ?? fsReason(err)}`);
        continue;
      }
    }
    if (stat?.isDirectory()) {
      const walked = walkRoot(abs, arg, cwd, () => true, select, said);
      const targets = kept(walked.targets);
      targets.forEach(add);
      if (options.reportEmpty && !targets.length && !walked.unreadable) {
        const left = walked.leftOut
          ? `; ${walked.leftOut} outline ${walked.leftOut === 1 ? 'file' : 'files'} left out by .gitignore, "files" or "ignores"`
          : '';
        log.error(
          `${path.normalize(arg)}: no outline files to check (${OUTLINE_FILES}, or what "files" in .bloomline.json selects)${left}`,
        );
      }
    } else if (stat && !stat.isFile()) {
      log.error(`${arg}: not a regular file`);
    } else if (stat) {
      add({
        abs,
        display: path.normalize(arg),
        explicit: true,
        root: safeRealpath(path.dirname(abs)),
      });
    } else {
      const matches = kept(expandGlob(arg, cwd, select, said));
      if (matches.length === 0) log.error(`no files match the pattern "${arg}"`);
      matches.forEach(add);
    }
  }
  return [...found.values()].sort((a, b) => compare(a.display, b.display));
}

function expandGlob(pattern: string, cwd: string, select: Select, said: WalkReport): Target[] {
  const { base, rest } = splitGlob(pattern);
  const baseAbs = path.resolve(cwd, base);
  try {
    if (!fs.statSync(baseAbs).isDirectory()) return [];
  } catch {
    return [];
  }
  // A pattern whose last part names an extension ("*.txt", "*.{md,txt}") selects what it
  // matches; one that does not ("docs/**", "lesson-*") selects what a folder walk would.
  const last = rest.slice(rest.lastIndexOf('/') + 1);
  const namesExtension = /\.[\w{},-]+$/.test(last);
  return walkRoot(
    baseAbs,
    base,
    cwd,
    (rel) => matchGlob(rest, rel),
    namesExtension ? null : select,
    said,
  ).targets;
}

/** What a walk tells as it goes (each by the displayed path): a folder it cannot read (with
 * the error), a broken symbolic link it would have checked (with why it is broken). */
interface WalkReport {
  unreadable?: (display: string, err: unknown) => void;
  broken?: (display: string, why: string, abs: string) => void;
  /** ExpandOptions.foldersNamed. */
  foldersNamed?: string;
}

/** One .gitignore file: its folder and its rules. */
interface IgnoreLevel {
  dir: string;
  rules: Ignore;
}

/**
 * Why a path that cannot be followed is a broken symbolic link (`a broken symbolic link (to
 * "x.md", which does not exist)`), or null when it is no link.
 */
export function brokenLink(abs: string): string | null {
  let target: string;
  try {
    if (!fs.lstatSync(abs).isSymbolicLink()) return null;
    target = fs.readlinkSync(abs);
  } catch {
    return null;
  }
  try {
    fs.statSync(abs);
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      return `a broken symbolic link (to "${target}", which does not exist)`;
    if (code === 'ELOOP')
      return 'a broken symbolic link (a loop: too many levels of symbolic links)';
    return `a symbolic link to "${target}", which cannot be read: ${fsReason(err)}`;
  }
}

/**
 * Walks a named folder. `accept` sees each file's path relative to the folder (forward
 * slashes); only files `select` takes are offered (null: any file, marked `byPattern`).
 * Also counts the outline files that .gitignore or `select` left out, and the folders that
 * could not be read (each told to `said.unreadable`; without it they are skipped, as git does)
 * and the broken symbolic links that would have been taken (`said.broken`).
 */
function walkRoot(
  rootAbs: string,
  rootDisplay: string,
  cwd: string,
  accept: (rel: string) => boolean,
  select: Select | null,
  said: WalkReport = {},
): { targets: Target[]; leftOut: number; unreadable: number } {
  const out: Target[] = [];
  let leftOut = 0;
  let unread = 0;
  const shown = (rel: string) =>
    rel ? path.normalize(path.join(rootDisplay, ...rel.split('/'))) : path.normalize(rootDisplay);
  const rootReal = safeRealpath(rootAbs);
  const visited = new Set<string>([rootReal]);
  // The named folder's .gitignore and those above it count too, from the repository's top (or
  // the current folder, when the named folder is inside it and there is no repository).
  const levels: IgnoreLevel[] = [];
  for (const dir of ancestorsFrom(ignoreTop(rootAbs, cwd), rootAbs)) {
    const level = loadGitignore(dir);
    if (level) levels.push(level);
  }

  const walk = (dirAbs: string, rel: string, inherited: IgnoreLevel[]): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dirAbs, { withFileTypes: true });
    } catch (err) {
      unread++;
      said.unreadable?.(shown(rel), err);
      return;
    }
    const own = dirAbs === rootAbs ? null : loadGitignore(dirAbs);
    const active = own ? [...inherited, own] : inherited;
    entries.sort((a, b) => compare(a.name, b.name));
    for (const entry of entries) {
      if (SKIPPED_DIRS.has(entry.name)) continue;
      const abs = path.join(dirAbs, entry.name);
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let real = abs;
      if (entry.isSymbolicLink()) {
        try {
          const st = fs.statSync(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
          if (isDir) {
            real = fs.realpathSync(abs);
            if (!isInside(real, rootReal)) continue;
          }
        } catch {
          // A dangling link, or a loop: said when it would have been checked (ESLint and
          // markdownlint-cli2 pass over it in silence), not when it is ignored.
          if (
            said.broken &&
            !isIgnored(active, abs, false) &&
            accept(childRel) &&
            (select === null ? true : select(abs))
          ) {
            const why = brokenLink(abs);
            if (why) said.broken(shown(childRel), why, abs);
          }
          continue;
        }
      }
      if (!isDir && !isFile) continue;
      if (isIgnored(active, abs, isDir)) {
        if (isFile && isOutlineName(abs)) leftOut++;
        continue;
      }
      if (isDir && entry.name === said.foldersNamed) {
        out.push({ abs, display: shown(childRel), explicit: false, root: rootReal });
        continue;
      }
      if (isDir) {
        if (!entry.isSymbolicLink()) real = safeRealpath(abs);
        if (visited.has(real)) continue; // A link back into the tree: walk each folder once.
        visited.add(real);
        walk(abs, childRel, active);
      } else if (accept(childRel) && (select === null || select(abs))) {
        out.push({
          abs,
          display: shown(childRel),
          explicit: false,
          root: rootReal,
          ...(select === null ? { byPattern: true } : {}),
        });
      } else if (isOutlineName(abs)) leftOut++;
    }
  };
  walk(rootAbs, '', levels);
  return { targets: out, leftOut, unreadable: unread };
}

/** Git's precedence: the last matching rule of the deepest .gitignore decides. */
function isIgnored(levels: readonly IgnoreLevel[], abs: string, isDir: boolean): boolean {
  let ignored = false;
  for (const level of levels) {
    const rel = toPosix(path.relative(level.dir, abs)) + (isDir ? '/' : '');
    if (rel.startsWith('../')) continue;
    const result = level.rules.test(rel);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

function loadGitignore(dir: string): IgnoreLevel | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
  } catch {
    return null;
  }
  return { dir, rules: ignore().add(text) };
}

/** Where .gitignore files start to count for a walk of `root`. */
function ignoreTop(root: string, cwd: string): string {
  for (let dir = root; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) break;
  }
  return isInside(root, cwd) ? cwd : root;
}

/** Folders from `top` down to `bottom`, both included (`bottom` must be inside `top`). */
function ancestorsFrom(top: string, bottom: string): string[] {
  const dirs: string[] = [];
  for (let dir = bottom; ; dir = path.dirname(dir)) {
    dirs.unshift(dir);
    if (dir === top || path.dirname(dir) === dir) break;
  }
  return dirs[0] === top ? dirs : [bottom];
}

export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel));
}

function safeRealpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

/** Plain code-unit order: the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
