// The `bloomline` command: argument parsing and dispatch. Every problem ends as one line on
// stderr and exit status 2, never a stack trace; findings decide between 0 and 1.
import { parseArgs, type OptionKind } from './args.js';
import { CHECK_FORMATS, runCheck, runCheckWorker, type Io } from './check.js';
import { checkWorkerData } from './pool.js';
import { wantColor } from './format/color.js';
import { printConfig } from './config.js';
import { readFileSync } from 'node:fs';
import { CliError, describeError, fsReason, Log } from './log.js';
import { OUTLINE_FORMATS, runOutline } from './outline.js';
import { REPORT_FORMATS, runReport } from './report.js';
import { EXPORT_FORMATS, runExport } from './export.js';
import { readVersion } from './version.js';
import { didYouMean, offerCachesToHeapProbe, RULE_IDS } from '../core/index.js';

const HELP = `Usage: bloomline <command> [options]

Checks course outlines in Markdown: learning objectives and outcomes.

Commands:
  check [PATH|GLOB ...]   check outlines (default: outline files under the current folder)
  outline FILE ...        print the objective/outcome model of outlines
  lsp --stdio             run the language server for an editor
  report [PATH|GLOB ...]  alignment report: objective x outcome matrix, Bloom levels, coverage
  export [PATH|GLOB ...]  the objectives as an LMS import file (Canvas, Moodle, CASE)

Options:
  -h, --help              show help ("bloomline <command> --help" for a command's options)
  -v, --version           print the version
`;

const CHECK_HELP = `Usage: bloomline check [PATH|GLOB ...] [options]

Checks the course outlines among the files named. Folders are searched for Markdown (*.md,
*.markdown), Quarto (*.qmd), R Markdown (*.Rmd) and Jupyter notebooks (*.ipynb, their Markdown
cells), or what "files" in .bloomline.json selects, honouring .gitignore and skipping
node_modules; quote globs ("docs/**/*.md").
A file named explicitly is checked (unless --force-exclude). Settings come from the
.bloomline.json files from each file's folder up, merged (the nearest wins; "root": true stops).

Options:
  -f, --format FORMAT     output format (default: stylish):
                            stylish  for people at a terminal
                            json     one entry per file with its findings
                            sarif    SARIF 2.1.0, for GitHub code scanning
                            github   GitHub Actions annotations (::error file=...::)
                            gitlab   GitLab Code Quality report (artifacts:reports:codequality)
                            unix     one line per finding: PATH:LINE:COL: MESSAGE [Severity/rule]
                                     (ESLint's; for errorformat, efm-langserver, ALE)
  -o, --output-file FILE  write the findings to FILE instead of stdout (making its folder),
                          and say on stderr how many there are; also --output FILE
  -c, --config FILE       use this configuration file for every file
  --max-warnings N        exit 1 when there are more than N warnings (-1: no limit, the
                          default)
  --fix                   apply each finding's preferred fix, then report what is left
  --fix-dry-run           report what --fix would leave, writing nothing (json: the fixed
                          text of each file it changes, as "output")
  --quiet                 report errors only
  --print-config FILE     print the settings that apply to FILE (as a .bloomline.json) and
                          which file they come from; checks nothing
  --stdin                 check the text on standard input instead of files
  --stdin-filename PATH   its file name: shown in the output, and where its settings
                          (.bloomline.json) and format (.ipynb) are looked up
  --force-exclude         leave out the files named (and --stdin-filename) that "files" and
                          "ignores" in .bloomline.json leave out of a folder's walk, as a
                          pre-commit hook or an editor's linter wants (default: checked)
  --suppress-all          record every finding of the files checked in the suppressions
                          file; later runs report only findings beyond those counts
  --suppress-rule RULE    record this rule's findings (repeatable)
  --suppressions-location FILE
                          the suppressions file (default: bloomline-suppressions.json)
  --prune-suppressions    drop counts of findings that no longer occur
  --pass-on-unpruned-suppressions
                          counts larger than today's findings are a note, not exit 2
  --no-color, --color     never / always use colours, the last one given winning
                          (default: on a terminal, unless NO_COLOR is set; FORCE_COLOR=1
                          forces them)
  -h, --help              show this help

Exit status: 0 clean or only warnings within --max-warnings; 1 errors, or more warnings than
--max-warnings; 2 usage, configuration or I/O error, or a folder with no outline file to check.
`;

const REPORT_HELP = `Usage: bloomline report [PATH|GLOB ...] [options]

Reports how the course outlines among the files named align: per course the coverage figures,
the objective x outcome matrix (explicit and implied links, objectives with no outcome,
outcomes measuring nothing) and the Bloom level distribution per section. Files are found and
configured as "bloomline check" finds them.

Options:
  -f, --format md|html|csv|json
                          md    Markdown: tables and text bar charts (default)
                          html  one self-contained page (inline CSS and SVG, no script)
                          csv   one row per objective-outcome pair (RFC 4180)
                          json  the report data, as the language server's bloomline/report
  -o, --output FILE       write the report to FILE (atomically, making its folder) instead of
                          stdout; also --output-file FILE
  -c, --config FILE       use this configuration file for every file
  -h, --help              show this help

Exit status: 0 written; 2 usage, configuration or I/O error, or a folder with no outline file.
`;

const EXPORT_HELP = `Usage: bloomline export [PATH|GLOB ...] --format canvas|moodle|case [options]

Writes the objectives (with their IDs, sections, Bloom levels and the outcomes that measure
them) of the course outlines among the files named as a file an LMS imports. Files are found
and configured as "bloomline check" finds them. Identifiers derive from the file paths
(relative to the current folder) and the objectives' IDs: the same on every run, so importing
again updates instead of duplicating. See docs/export.md for how to import each file.

Options:
  -f, --format canvas|moodle|case
                          canvas  Canvas outcomes CSV (Outcomes > Import)
                          moodle  Moodle competency framework CSV (Import competency framework)
                          case    1EdTech CASE 1.1 package JSON (CFDocument, CFItems,
                                  CFAssociations)
  -o, --output FILE       write to FILE (atomically, making its folder) instead of stdout;
                          also --output-file FILE
  -c, --config FILE       use this configuration file for every file
  --base-uri URI          case: URIs are URI/identifier (default: urn:uuid:identifier)
  --creator NAME          case: the document's creator (default: Bloomline)
  -h, --help              show this help

Exit status: 0 written (a duplicate ID is renamed and said on stderr); 2 usage, configuration
or I/O error, or nothing to export.
`;

const OUTLINE_HELP = `Usage: bloomline outline FILE ... [options]

Prints the objectives and outcomes of each outline, their Bloom levels and links.

Options:
  -f, --format json|tree  output format (default: tree)
  -c, --config FILE       use this configuration file for every file
  -h, --help              show this help
`;

const LSP_HELP = `Usage: bloomline lsp --stdio | --node-ipc | --socket=PORT | --pipe=NAME

Runs the Bloomline language server (LSP 3.17) for an editor: diagnostics as you type, quick
fixes, completion of Bloom verbs and IDs, hover, symbols, go to definition, references, rename
of IDs and code lenses. The editor starts it; see docs/editors.md.

Options (exactly one transport):
  --stdio                 talk over standard input and output (most editors)
  --node-ipc              talk over Node's IPC channel (VS Code)
  --socket=PORT           talk over a TCP socket on this port
  --pipe=NAME             talk over a named pipe
  --clientProcessId=PID   also exit when that process ends
  --files-from-client     read the workspace through the editor (VS Code's file system)
                          instead of from the disk, for a virtual workspace
  -h, --help              show this help
`;

const CHECK_OPTIONS: Record<string, OptionKind> = {
  format: 'value',
  config: 'value',
  'max-warnings': 'value',
  fix: 'flag',
  'fix-dry-run': 'flag',
  quiet: 'flag',
  color: 'flag',
  'no-color': 'flag',
  'suppress-all': 'flag',
  'suppress-rule': 'repeated',
  'suppressions-location': 'value',
  'prune-suppressions': 'flag',
  'pass-on-unpruned-suppressions': 'flag',
  stdin: 'flag',
  'stdin-filename': 'value',
  'force-exclude': 'flag',
  'output-file': 'value',
  output: 'value',
  'print-config': 'value',
  help: 'flag',
};
const OUTLINE_OPTIONS: Record<string, OptionKind> = {
  format: 'value',
  config: 'value',
  help: 'flag',
};
const REPORT_OPTIONS: Record<string, OptionKind> = {
  format: 'value',
  output: 'value',
  'output-file': 'value',
  config: 'value',
  help: 'flag',
};
const EXPORT_OPTIONS: Record<string, OptionKind> = {
  format: 'value',
  output: 'value',
  'output-file': 'value',
  config: 'value',
  'base-uri': 'value',
  creator: 'value',
  help: 'flag',
};
const LSP_OPTIONS: Record<string, OptionKind> = {
  stdio: 'flag',
  'node-ipc': 'flag',
  socket: 'value',
  pipe: 'value',
  clientProcessId: 'value',
  'files-from-client': 'flag',
  help: 'flag',
};
const LSP_TRANSPORTS = ['stdio', 'node-ipc', 'socket', 'pipe'];
const SHORT = { h: 'help', v: 'version' };
/** The commands that read outlines take ESLint's -f FORMAT and -c FILE. */
const SHORT_READ = { ...SHORT, f: 'format', c: 'config' };
/** check, report and export: -o FILE is --output (ESLint's -o, --output-file). */
const SHORT_OUTPUT = { ...SHORT_READ, o: 'output' };
const COMMANDS = ['check', 'outline', 'report', 'export', 'lsp'];

export function main(argv: readonly string[], io: Io): number {
  offerCachesToHeapProbe();
  const [command, ...rest] = argv;
  if (command === undefined) throw new CliError('no command given (try "bloomline --help")');
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(HELP);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${readVersion()}\n`);
    return 0;
  }
  if (command === 'check') {
    const { options, positionals, repeated } = parseArgs(
      rest,
      CHECK_OPTIONS,
      'check',
      SHORT_OUTPUT,
    );
    if (options.has('help')) {
      io.stdout(CHECK_HELP);
      return 0;
    }
    const printed = stringOption(options.get('print-config'), 'print-config');
    if (printed !== undefined) {
      if (positionals.length)
        throw new CliError(
          `check: --print-config takes one file and checks nothing: give no PATH with it (got "${positionals[0]}")`,
        );
      const configPath = stringOption(options.get('config'), 'config');
      return printConfig(printed, io.cwd, io.log, io.stdout, configPath);
    }
    const suppressRules = repeated.get('suppress-rule') ?? [];
    checkSuppressionFlags(options, suppressRules);
    const stdin = stdinOption(options, positionals, suppressRules);
    checkDryRun(options, suppressRules);
    const format = choice(options.get('format'), CHECK_FORMATS, 'stylish');
    const outputFile = outputOption(options);
    const flag = options.has('no-color') ? false : options.has('color') ? true : undefined;
    // A file is no terminal: no colours in it unless --color asks.
    const tty = outputFile === undefined && process.stdout.isTTY === true;
    const color = wantColor(flag, tty, process.env);
    return runCheck(
      positionals,
      {
        format,
        configPath: stringOption(options.get('config'), 'config'),
        maxWarnings: maxWarnings(options.get('max-warnings')),
        fix: options.has('fix'),
        fixDryRun: options.has('fix-dry-run'),
        quiet: options.has('quiet'),
        color,
        suppressAll: options.has('suppress-all'),
        suppressRules,
        suppressionsLocation: stringOption(
          options.get('suppressions-location'),
          'suppressions-location',
        ),
        pruneSuppressions: options.has('prune-suppressions'),
        passOnUnprunedSuppressions: options.has('pass-on-unpruned-suppressions'),
        ...(stdin ? { stdin } : {}),
        ...(options.has('force-exclude') ? { forceExclude: true } : {}),
        ...(outputFile !== undefined ? { outputFile } : {}),
      },
      io,
    );
  }
  if (command === 'outline') {
    const { options, positionals } = parseArgs(rest, OUTLINE_OPTIONS, 'outline', SHORT_READ);
    if (options.has('help')) {
      io.stdout(OUTLINE_HELP);
      return 0;
    }
    if (!positionals.length)
      throw new CliError('outline: no file given (usage: bloomline outline FILE ...)');
    const format = choice(options.get('format'), OUTLINE_FORMATS, 'tree');
    return runOutline(positionals, format, stringOption(options.get('config'), 'config'), io);
  }
  if (command === 'report') {
    const { options, positionals } = parseArgs(rest, REPORT_OPTIONS, 'report', SHORT_OUTPUT);
    if (options.has('help')) {
      io.stdout(REPORT_HELP);
      return 0;
    }
    return runReport(
      positionals,
      {
        format: choice(options.get('format'), REPORT_FORMATS, 'md'),
        configPath: stringOption(options.get('config'), 'config'),
        output: outputOption(options),
      },
      io,
    );
  }
  if (command === 'export') {
    const { options, positionals } = parseArgs(rest, EXPORT_OPTIONS, 'export', SHORT_OUTPUT);
    if (options.has('help')) {
      io.stdout(EXPORT_HELP);
      return 0;
    }
    const format = options.get('format');
    if (format === undefined)
      throw new CliError('export: name a format: --format canvas, moodle or case');
    const baseUri = stringOption(options.get('base-uri'), 'base-uri');
    const creator = stringOption(options.get('creator'), 'creator');
    return runExport(
      positionals,
      {
        format: choice(format, EXPORT_FORMATS, 'canvas'),
        output: outputOption(options),
        configPath: stringOption(options.get('config'), 'config'),
        ...(baseUri !== undefined ? { baseUri } : {}),
        ...(creator !== undefined ? { creator } : {}),
      },
      io,
    );
  }
  if (command === 'lsp') {
    const { options, positionals } = parseArgs(rest, LSP_OPTIONS, 'lsp', SHORT);
    if (options.has('help')) {
      io.stdout(LSP_HELP);
      return 0;
    }
    if (positionals.length)
      throw new CliError(
        `lsp: unexpected argument "${positionals[0]}" (see "bloomline lsp --help")`,
      );
    const transports = LSP_TRANSPORTS.filter((t) => options.has(t));
    if (transports.length !== 1) {
      throw new CliError(
        'lsp: name one transport: --stdio, --node-ipc, --socket=PORT or --pipe=NAME (editors pass it; see "bloomline lsp --help")',
      );
    }
    // Loaded only here, so the other commands do not pay for the protocol libraries.
    import('../lsp/main.js')
      .then(({ startLanguageServer }) =>
        startLanguageServer({ filesFromClient: options.has('files-from-client') }),
      )
      .catch((err: unknown) => {
        process.stderr.write(
          `bloomline: lsp: cannot start the language server: ${describeError(err)}\n`,
        );
        process.exit(2);
      });
    return 0;
  }
  if (command.startsWith('-'))
    throw new CliError(`unknown option "${command}" (try "bloomline --help")`);
  const meant = didYouMean(command, COMMANDS);
  throw new CliError(
    meant
      ? `unknown command "${command}" (did you mean "${meant}"?)`
      : `unknown command "${command}" (commands: ${COMMANDS.join(', ')}; try "bloomline --help")`,
  );
}

function choice<T extends string>(
  value: string | true | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined || value === true) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const meant = didYouMean(value, allowed);
  throw new CliError(
    meant
      ? `unknown format "${value}" (did you mean "${meant}"?)`
      : `unknown format "${value}" (supported: ${allowed.join(', ')})`,
  );
}

/** --stdin (ESLint's flag): the text read now, with the name it is checked under. Checking
 * standard input excludes files, and what writes files (--fix, recording suppressions). */
function stdinOption(
  options: Map<string, string | true>,
  positionals: readonly string[],
  suppressRules: readonly string[],
): { text: Buffer; filename?: string } | null {
  const filename = stringOption(options.get('stdin-filename'), 'stdin-filename');
  if (!options.has('stdin')) {
    if (filename !== undefined)
      throw new CliError('check: --stdin-filename needs --stdin (the text to check)');
    return null;
  }
  if (positionals.length)
    throw new CliError(
      `check: --stdin checks standard input only: give no PATH or GLOB with it (got "${positionals[0]}")`,
    );
  if (options.has('fix'))
    throw new CliError(
      'check: --fix cannot write to standard input: run it on the file (bloomline check --fix FILE)',
    );
  const writing = suppressionWriter(options, suppressRules);
  if (writing) throw new CliError(`check: --stdin cannot be combined with ${writing}`);
  let text: Buffer;
  try {
    text = readFileSync(0);
  } catch (err) {
    throw new CliError(`check: cannot read standard input: ${fsReason(err)}`);
  }
  return { text, ...(filename !== undefined ? { filename } : {}) };
}

/** The first flag given that records suppressions (it counts the findings of files on disk). */
function suppressionWriter(
  options: Map<string, string | true>,
  suppressRules: readonly string[],
): string | undefined {
  if (options.has('suppress-all')) return '--suppress-all';
  if (suppressRules.length > 0) return '--suppress-rule';
  if (options.has('prune-suppressions')) return '--prune-suppressions';
  return undefined;
}

/** --fix-dry-run (ESLint's flag) writes nothing: not with --fix, nor with what records
 * suppressions (they would count findings of a text that is not on disk). */
function checkDryRun(options: Map<string, string | true>, suppressRules: readonly string[]): void {
  if (!options.has('fix-dry-run')) return;
  if (options.has('fix'))
    throw new CliError('check: --fix and --fix-dry-run cannot be used together');
  const writing = suppressionWriter(options, suppressRules);
  if (writing) throw new CliError(`check: --fix-dry-run cannot be combined with ${writing}`);
}

/** ESLint's rules for its suppression flags: record all or some rules, or prune; not two. */
function checkSuppressionFlags(options: Map<string, string | true>, rules: string[]): void {
  const given = [
    options.has('suppress-all') && '--suppress-all',
    rules.length > 0 && '--suppress-rule',
    options.has('prune-suppressions') && '--prune-suppressions',
  ].filter((x): x is string => typeof x === 'string');
  if (given.length > 1) throw new CliError(`check: ${given.join(' and ')} cannot be used together`);
  for (const rule of rules) {
    if (!RULE_IDS.includes(rule))
      throw new CliError(`--suppress-rule: unknown rule "${rule}" (rules: ${RULE_IDS.join(', ')})`);
  }
}

/** --output FILE, also written --output-file (ESLint's name) or -o. */
function outputOption(options: Map<string, string | true>): string | undefined {
  if (options.has('output') && options.has('output-file'))
    throw new CliError('--output and --output-file name the same option: give one');
  return options.has('output-file')
    ? stringOption(options.get('output-file'), 'output-file')
    : stringOption(options.get('output'), 'output');
}

function stringOption(value: string | true | undefined, name: string): string | undefined {
  if (value === true) throw new CliError(`option "--${name}" needs a value`);
  if (value === '') throw new CliError(`option "--${name}" needs a non-empty value`);
  return value;
}

/** --max-warnings N: -1 means no limit, as in ESLint (where it is the default), so a script
 * written for ESLint's flags, or one that lifts a limit set before it, runs unchanged. */
function maxWarnings(value: string | true | undefined): number {
  if (value === undefined || value === '-1') return -1;
  if (value === true || !/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new CliError(
      `option "--max-warnings" needs a whole number of 0 or more, or -1 for no limit, not "${String(value)}"`,
    );
  }
  return Number(value);
}

/** Runs the command line and sets the exit status; nothing thrown escapes as a stack trace. */
function run(): void {
  const log = new Log();
  const fail = (err: unknown): void => {
    log.error(err instanceof CliError ? err.message : `internal error: ${describeError(err)}`);
    process.exitCode = 2;
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  // A closed pipe (`bloomline check | head`) is the reader's choice, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    fail(err);
  });
  try {
    process.exitCode = main(process.argv.slice(2), {
      cwd: process.cwd(),
      stdout: (text) => {
        if (text) process.stdout.write(text);
      },
      log,
    });
  } catch (err) {
    fail(err);
  }
}

// The same script runs `check`'s worker thread (pool.ts), which is handed its files.
const worker = checkWorkerData(process.argv);
if (worker) runCheckWorker(worker);
else run();
