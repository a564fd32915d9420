// The files a command works on, read and analysed: arguments expanded, each file's
// configuration found and its `files`/`ignores` applied, bytes read and decoded, and every
// file put into one Workspace with its own configuration (so references between files
// resolve, as they do in the editor).
import * as path from 'node:path';
import {
  isOutline,
  LineIndex,
  readOutlineSource,
  Workspace,
  type Outline,
  type OutlineSource,
} from '../core/index.js';
import { ConfigResolver } from './config.js';
import { expandArgs, type Target } from './files.js';
import { CliError, describeError, fsReason, type Log } from './log.js';
import { decodeSource, readSource, writeOutput, type Source } from './source.js';

export interface LoadedFile {
  target: Target;
  /** The file as read: bytes, decoded text (the stored text). */
  source: Source;
  /** The Markdown analysed and how it stands in the stored text (a notebook's cells). */
  outline: OutlineSource;
  ws: Workspace;
  /** --fix-dry-run: the text --fix would have written (BOM included), when a fix changed it. */
  output?: string;
}

export interface Project {
  /** The files found, before any was read (those left out or unreadable are not in `files`). */
  targets: Target[];
  files: LoadedFile[];
  /** The path to show for a workspace path (absolute), e.g. in a link to another file. */
  display(abs: string): string;
}

/**
 * Writes a command's result (`what`: "report", "export") to the file its --output names,
 * never over a file the command read: the outline would be lost. Throws a CliError.
 */
export function writeProjectOutput(
  project: Project,
  cwd: string,
  output: string,
  text: string,
  what: string,
): void {
  const target = path.resolve(cwd, output);
  if (project.targets.some((t) => t.abs === target))
    throw new CliError(`${output}: not written: it is a file being read`);
  try {
    writeOutput(target, text);
  } catch (err) {
    throw new CliError(`${output}: cannot write the ${what}: ${fsReason(err)}`);
  }
}

export function loadProject(
  args: readonly string[],
  cwd: string,
  log: Log,
  configPath?: string,
  stdin?: { text: Buffer; filename?: string },
  output?: string,
  forceExclude = false,
): Project {
  const plan = stdin
    ? planStdin(stdin, cwd, log, configPath)
    : planProject(args, cwd, log, configPath, output);
  if (forceExclude) leaveOutExcluded(plan);
  const files: LoadedFile[] = [];
  for (const target of plan.targets) {
    const file = loadFile(plan, target);
    if (file) files.push(file);
  }
  return { targets: plan.targets, files, display: plan.display };
}

/** The files to read, found and configured, before any is read: `check` reads them one at a
 * time (loadFile), the other commands all at once (loadProject). */
export interface ProjectPlan {
  targets: Target[];
  ws: Workspace;
  /** A new workspace as `ws` is made (for a file checked alone). */
  workspace(): Workspace;
  display(abs: string): string;
  resolver: ConfigResolver;
  log: Log;
  shown: Map<string, string>;
}

/** `output`: the file the command writes its result to (--output), which a folder walk leaves
 * out, so that a run does not read what the one before it wrote. */
export function planProject(
  args: readonly string[],
  cwd: string,
  log: Log,
  configPath?: string,
  output?: string,
): ProjectPlan {
  const resolver = new ConfigResolver(cwd, log, configPath);
  const plan = planWith(resolver, cwd, log);
  plan.targets = expandArgs(args, cwd, log, resolver.select, {
    reportEmpty: true,
    reportUnreadable: true,
    reportBroken: true,
    ...(output !== undefined ? { exclude: path.resolve(cwd, output) } : {}),
  });
  return plan;
}

/** --force-exclude (ruff's flag): files named on the command line, and the name of standard
 * input, are left out as a folder walk leaves them out by `files` and `ignores`, each said in
 * a note: a pre-commit hook, which names the staged files, and an editor's linter on an
 * unsaved buffer then check what `check` of the folder and the language server check. */
export function leaveOutExcluded(plan: ProjectPlan): void {
  plan.targets = plan.targets.filter((target) => {
    if (!target.explicit) return true;
    const why = plan.resolver.leftOut(target.abs);
    if (why !== null) plan.log.note(`${target.display}: not checked: ${why} (--force-exclude)`);
    return why === null;
  });
}

/** The plan of `check --stdin`: one file, the bytes read from standard input, named
 * `filename` (relative to `cwd`; "<stdin>" there when none is given), configured as a file of
 * that name would be. It need not exist. */
export function planStdin(
  stdin: { text: Buffer; filename?: string },
  cwd: string,
  log: Log,
  configPath?: string,
): ProjectPlan {
  const plan = planWith(new ConfigResolver(cwd, log, configPath), cwd, log);
  const abs = path.resolve(cwd, stdin.filename ?? '<stdin>');
  plan.targets = [
    {
      abs,
      display: stdin.filename !== undefined ? path.normalize(stdin.filename) : '<stdin>',
      explicit: true,
      root: path.dirname(abs),
      content: stdin.text,
    },
  ];
  return plan;
}

/** A plan with no targets yet, reading configurations with `resolver` and saying what it finds
 * of each file on `log`: a check worker's (cli/pool.ts), which is handed its files. */
export function planWith(resolver: ConfigResolver, cwd: string, log: Log): ProjectPlan {
  const shown = new Map<string, string>();
  const display = (abs: string): string =>
    shown.get(abs) ?? (path.isAbsolute(abs) ? path.relative(cwd, abs) || abs : abs);
  // A rule that fails is a bug to report (exit 2); the other rules still run.
  const workspace = () =>
    new Workspace(undefined, {
      once: true,
      onRuleError: (ruleId, abs, err) =>
        log.error(`${display(abs)}: rule ${ruleId} failed: ${describeError(err)}`),
    });
  return { targets: [], ws: workspace(), workspace, display, resolver, log, shown };
}

/** Reads and analyses one file into the plan's workspace (or `ws`); null when it is not taken
 * (its configuration's `files`/`ignores`) or cannot be read (said on stderr). */
export function loadFile(
  plan: ProjectPlan,
  target: Target,
  ws: Workspace = plan.ws,
): LoadedFile | null {
  const { resolver, log } = plan;
  const resolved = resolver.forFile(target.abs);
  if (!target.explicit && !resolver.accepts(resolved, target.abs, target.byPattern)) return null;
  let source: Source;
  try {
    const read = target.content ? decodeSource(target.content) : readSource(target.abs);
    if (!read.ok) {
      log.error(`${target.display}: ${read.reason}`);
      return null;
    }
    source = read.source;
  } catch (err) {
    log.error(`${target.display}: ${fsReason(err)}`);
    return null;
  }
  if (!source.validUtf8)
    log.note(`${target.display}: not valid UTF-8; invalid bytes read as U+FFFD`);
  const read = readOutlineSource(target.abs, source.text);
  // A notebook that cannot be read (not JSON, no cells): one line with where, exit 2, like
  // a file that is too large. Cells left out are said, without failing the run.
  const at = (offset: number) => where(target.display, source.text, offset);
  if (read.problem) log.error(`${at(read.problem.span.start)}: ${lower(read.problem.message)}`);
  for (const note of read.notes) log.note(`${at(note.span.start)}: ${lower(note.message)}`);
  if (read.cells && read.cells.markdown === 0 && target.explicit && !read.problem)
    log.note(`${target.display}: the notebook has no Markdown cells; there is nothing to read`);
  const outline = ws.update(target.abs, read.text, resolved.config, read.view);
  // Too deeply nested (core/limits.ts): one line, exit 2, like a file that is too large.
  // Said where it stands when that is a place in the file (the line nested too deep, the block
  // too long: "a block from here"), as the editor's diagnostic is.
  if (outline.declined) {
    const start = outline.notes[0]?.span.start ?? 0;
    const place = start > 0 ? at(read.view.toStored({ start, end: start }).start) : target.display;
    log.error(`${place}: ${outline.declined.replace(/^Not analysed/, 'not analysed')}`);
  }
  // What the analysis could not read as written (front matter that is not YAML, a div that
  // never closes): a note each, where it stands in the file, without failing the run.
  else
    for (const note of outline.notes)
      log.note(`${at(read.view.toStored(note.span).start)}: ${lower(note.message)}`);
  plan.shown.set(target.abs, target.display);
  return { target, source, outline: read, ws };
}

/** "file:LINE:COLUMN" of a stored offset (a problem in a notebook's JSON). */
function where(display: string, stored: string, offset: number): string {
  const p = new LineIndex(stored).position(offset);
  return `${display}:${p.line + 1}:${p.character + 1}`;
}

/** A core message as the rest of a CLI line ("Not read: ..." -> "not read: ..."); proper
 * nouns ("Markdown cell 2 ...") keep their capital. */
function lower(message: string): string {
  const text = message.replace(/\.$/, '');
  return /^(?:Not|Cell)\b/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** A file with no recognised objective or outcome is not a course outline: it stays quiet. */
export function hasOutline(file: LoadedFile): boolean {
  const outline: Outline | undefined = file.ws.get(file.target.abs);
  return outline !== undefined && isOutline(outline);
}
