// `check --format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. One
// run; the driver lists all twelve rules (with their documentation as helpUri) whether or not
// they fired, so a viewer can show every rule's description. File locations are relative to
// %SRCROOT%, the root of the Git repository bloomline ran in (the folder it ran in, outside
// one), with forward slashes, as code scanning reads them whatever the job's folder; columns are 1-based UTF-16
// code units, as the run's columnKind says. Preferred fixes become SARIF fixes. Each result has
// a `partialFingerprints` entry that does not depend on line numbers (see `fingerprints`), so
// code scanning keeps an alert's identity when the lines above it change.
import { docsUrl, RULES, type Fix, type Severity } from '../../core/index.js';
import { storedFix, toRange, type FileReport, type Range } from './report.js';
import { nodeCrypto } from '../builtins.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/bloomline/bloomline';

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifOptions {
  /** Bloomline's version, from package.json. */
  version: string;
  /** The folder the relative URIs start from, as a file URL ending in "/" (optional). */
  srcRoot?: string;
}

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** "missing-outcome" -> "MissingOutcome" (SARIF's rule `name` is an identifier). */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

export function formatSarif(reports: readonly FileReport[], options: SarifOptions): string {
  return JSON.stringify(sarifLog(options, reports.flatMap(sarifResults)), null, 2) + '\n';
}

/**
 * The same document written a file at a time (`check` on a folder): `file` returns the text of
 * a file's results, `end` the rest. The text is what `formatSarif` makes of the same files: the
 * log is made with a marker for the results, which go where it stands, indented as
 * JSON.stringify indents an element at that depth.
 */
export class SarifStream {
  private readonly head: string;
  private readonly tail: string;
  private readonly indent: string;
  private written = 0;

  constructor(private readonly options: SarifOptions) {
    const text = JSON.stringify(sarifLog(options, [RESULTS_MARKER]), null, 2);
    const at = text.indexOf(JSON.stringify(RESULTS_MARKER));
    const lineStart = text.lastIndexOf('\n', at);
    this.indent = text.slice(lineStart + 1, at);
    this.head = text.slice(0, lineStart);
    this.tail = text.slice(at + JSON.stringify(RESULTS_MARKER).length);
  }

  /** A file's results as elements of the array (text to pass to `put`; '' for none). */
  file(report: FileReport): string {
    return sarifResults(report)
      .map(
        (result) =>
          `\n${this.indent}${JSON.stringify(result, null, 2).replace(/\n/g, `\n${this.indent}`)}`,
      )
      .join(',');
  }

  /** The text to write for a file's results, in the order files are written: the start of
   * the log before the first result, a comma between. */
  put(results: string): string {
    if (!results) return '';
    return `${this.written++ ? ',' : this.head}${results}`;
  }

  end(): string {
    if (!this.written) return JSON.stringify(sarifLog(this.options, []), null, 2) + '\n';
    return this.tail + '\n';
  }
}

const RESULTS_MARKER = '\u0000bloomline results\u0000';

function sarifLog(options: SarifOptions, results: readonly unknown[]): object {
  const rules = RULES.map((r) => ({
    id: r.id,
    name: pascalCase(r.id),
    shortDescription: { text: r.description },
    fullDescription: {
      text: `${r.description} Applies to ${appliesTo(r.appliesTo)}; default severity ${r.defaultSeverity}.`,
    },
    helpUri: docsUrl(r.id),
    help: {
      text: `${r.description} See ${docsUrl(r.id)}`,
      markdown: `${r.description} See [${r.id}](${docsUrl(r.id)}).`,
    },
    defaultConfiguration: { level: sarifLevel(r.defaultSeverity) },
  }));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Bloomline',
            version: options.version,
            ...(/^\d+\.\d+\.\d+/.test(options.version) ? { semanticVersion: options.version } : {}),
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        ...(options.srcRoot
          ? { originalUriBaseIds: { '%SRCROOT%': { uri: options.srcRoot } } }
          : {}),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

const RULE_INDEX = new Map(RULES.map((r, i) => [r.id, i]));

/** One file's results. */
function sarifResults(report: FileReport): object[] {
  const artifact = artifactLocation(report);
  const prints = fingerprints(report);
  return report.findings.map((f, i) => {
    const index = RULE_INDEX.get(f.ruleId);
    // A notebook's fixes are edits of its JSON (escaped); one the file cannot take is left out.
    const preferred = f.fixes
      .filter((fix) => fix.isPreferred)
      .map((fix) => storedFix(report, fix))
      .filter((fix): fix is Fix => fix !== null);
    return {
      ruleId: f.ruleId,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: sarifLevel(f.severity),
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifact,
            region: region(toRange(report, f.span)),
          },
        },
      ],
      // What a finding points at (the assessments that check an objective below its level,
      // the first use of a duplicated ID): always in the same file.
      ...(f.related.length
        ? {
            relatedLocations: f.related.map((r, k) => ({
              id: k,
              physicalLocation: {
                artifactLocation: artifact,
                region: region(toRange(report, r.span)),
              },
              message: { text: r.message },
            })),
          }
        : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: prints[i]! },
      ...(preferred.length
        ? { fixes: preferred.map((fix) => sarifFix(fix, report, artifact)) }
        : {}),
    };
  });
}

/** The key of Bloomline's fingerprint in `partialFingerprints` (SARIF 3.27.17: a name and a
 * version, so a later change of the recipe is a new key, not a silent re-identification). */
export const FINGERPRINT_KEY = 'bloomlineFinding/v1';

/**
 * One fingerprint per finding: a hash of the rule, the file's relative path and the text the
 * finding covers (whitespace folded), then ":N" where N counts earlier findings of the file
 * with the same hash. No line or column goes in, so a finding keeps its fingerprint when lines
 * are added above it, and two identical findings in one file stay distinct.
 */
export function fingerprints(report: FileReport): string[] {
  const path = report.relativePath ?? report.filePath;
  const seen = new Map<string, number>();
  return report.findings.map((f) => {
    const covered =
      report.text?.slice(f.span.start, f.span.end).trim() ||
      (f.item ? `${f.item.kind} ${f.item.id}` : f.message);
    const hash = nodeCrypto()
      .createHash('sha256')
      .update(`${f.ruleId}\u0000${path}\u0000${covered.replace(/\s+/g, ' ').trim()}`)
      .digest('hex')
      .slice(0, 32);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return `${hash}:${n}`;
  });
}

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/** The file's URI: relative to %SRCROOT% (percent-encoded per segment), or a file URL when the
 * file has no path relative to it (another drive). */
function artifactLocation(report: FileReport): ArtifactLocation {
  const p = report.relativePath ?? report.filePath;
  if (/^[A-Za-z]+:\/\//.test(p)) return { uri: p };
  const uri = p
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return { uri, uriBaseId: '%SRCROOT%' };
}

function region(r: Range): {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
} {
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

function sarifFix(fix: Fix, report: FileReport, artifact: ArtifactLocation): object {
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        artifactLocation: artifact,
        replacements: fix.edits.map((e) => ({
          deletedRegion: region(toRange({ lines: report.lines }, e.span)),
          insertedContent: { text: e.newText },
        })),
      },
    ],
  };
}

function appliesTo(kind: string): string {
  return kind === 'item' ? 'objectives and outcomes' : `${kind}s`;
}
