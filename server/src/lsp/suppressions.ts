// The language server honours the CLI's bulk suppressions: `bloomline-suppressions.json` at the
// root of each workspace folder (where `bloomline check --suppress-all` writes it when run from
// the repository root), paths in it relative to that folder. A finding the counts cover is not
// hidden but shown as a hint (a faint mark, kept out of the Problems panel) whose message says
// it is suppressed: the author still sees it and its quick fixes where they write, and nothing
// nags. A rule over its count in a file shows all of its findings at their severity, as the CLI
// reports them. An invalid file is reported once, as one diagnostic on the file, and ignored.
// The files are read ahead (files.ts does the reading, on disk or through the client), at each
// scan of the workspace and when one changes.
import {
  applySuppressions,
  parseSuppressions,
  SUPPRESSIONS_FILE,
  type Finding,
  type Suppressions,
} from '../core/index.js';
import type { WorkspaceFiles } from './files.js';

export { SUPPRESSIONS_FILE };

/** What is wrong with a suppressions file, for a diagnostic on it. */
export interface SuppressionsProblem {
  message: string;
}

export class SuppressionStore {
  /** Folder -> its file's suppressions (null: no file, or an invalid one). */
  private byFolder = new Map<string, Suppressions | null>();
  private generation = 0;

  constructor(
    private readonly files: WorkspaceFiles,
    /** Told each time a file is read: its problem, or null when it is valid or absent. */
    private readonly onProblem: (file: string, problem: SuppressionsProblem | null) => void,
  ) {}

  /** Reads the file of each workspace folder again; what was read before stays in use until
   * this is done, and a newer call supersedes one still running. */
  async loadFolders(folders: readonly string[]): Promise<void> {
    const generation = ++this.generation;
    const read = await Promise.all(folders.map((f) => this.read(f)));
    if (generation !== this.generation) return;
    this.byFolder = new Map(folders.map((f, i) => [f, read[i]!]));
  }

  /** Reads one folder's file again (it changed). */
  async reload(folder: string): Promise<void> {
    const generation = this.generation;
    const suppressions = await this.read(folder);
    if (generation === this.generation) this.byFolder.set(folder, suppressions);
  }

  /** The findings of a file (workspace key) in a workspace folder, with those the counts
   * cover turned into hints; unchanged when there is no folder or no file. */
  apply(key: string, folder: string | null, findings: Finding[]): Finding[] {
    if (folder === null || !findings.length) return findings;
    const suppressions = this.byFolder.get(folder);
    const entry = suppressions?.get(this.files.relative(folder, key));
    if (!entry) return findings;
    const { suppressed } = applySuppressions(findings, entry);
    if (!suppressed.length) return findings;
    const hidden = new Set(suppressed);
    return findings.map((f) =>
      hidden.has(f)
        ? {
            ...f,
            severity: 'hint' as const,
            message: `${f.message} (Suppressed in ${SUPPRESSIONS_FILE}.)`,
          }
        : f,
    );
  }

  private async read(folder: string): Promise<Suppressions | null> {
    const file = this.files.join(folder, SUPPRESSIONS_FILE);
    const read = await this.files.read(file);
    if (!read.ok) {
      this.onProblem(
        file,
        read.missing ? null : { message: problem(`cannot read it (${read.reason})`) },
      );
      return null;
    }
    const parsed = parseSuppressions(read.text);
    if (parsed.ok) {
      this.onProblem(file, null);
      return parsed.suppressions;
    }
    this.onProblem(file, { message: problem(parsed.reason) });
    return null;
  }
}

function problem(what: string): string {
  return `Invalid ${SUPPRESSIONS_FILE}: ${what}. Bloomline shows every finding until it is fixed; "bloomline check" refuses it (exit 2).`;
}
