// The language server honours the CLI's bulk suppressions: `bloomline-suppressions.json` at the
// root of each workspace folder (where `bloomline check --suppress-all` writes it when run from
// the repository root), paths in it relative to that folder. A finding the counts cover is not
// hidden but shown as a hint (a faint mark, kept out of the Problems panel) whose message says
// it is suppressed: the author still sees it and its quick fixes where they write, and nothing
// nags. A rule over its count in a file shows all of its findings at their severity, as the CLI
// reports them. An invalid file is reported once, as one diagnostic on the file, and ignored.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  applySuppressions,
  parseSuppressions,
  SUPPRESSIONS_FILE,
  type Finding,
  type Suppressions,
} from '../core/index.js';
import { toPosix } from '../cli/glob.js';

export { SUPPRESSIONS_FILE };

/** What is wrong with a suppressions file, for a diagnostic on it. */
export interface SuppressionsProblem {
  message: string;
}

export class SuppressionStore {
  /** Folder -> its file's suppressions (null: no file, or an invalid one). */
  private readonly byFolder = new Map<string, Suppressions | null>();

  constructor(
    /** Told each time a file is read: its problem, or null when it is valid or absent. */
    private readonly onProblem: (file: string, problem: SuppressionsProblem | null) => void,
  ) {}

  /** Forgets every file read (one changed, or the folders did). */
  clear(): void {
    this.byFolder.clear();
  }

  /** The findings of a file (workspace key) in a workspace folder, with those the counts
   * cover turned into hints; unchanged when there is no folder or no file. */
  apply(key: string, folder: string | null, findings: Finding[]): Finding[] {
    if (folder === null || !findings.length) return findings;
    const suppressions = this.load(folder);
    const entry = suppressions?.get(toPosix(path.relative(folder, key)));
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

  private load(folder: string): Suppressions | null {
    const known = this.byFolder.get(folder);
    if (known !== undefined) return known;
    const file = path.join(folder, SUPPRESSIONS_FILE);
    let result: Suppressions | null = null;
    let text: string | null = null;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR')
        this.onProblem(file, { message: problem(`cannot read it (${code ?? String(err)})`) });
    }
    if (text !== null) {
      const parsed = parseSuppressions(text);
      if (parsed.ok) {
        result = parsed.suppressions;
        this.onProblem(file, null);
      } else {
        this.onProblem(file, { message: problem(parsed.reason) });
      }
    }
    this.byFolder.set(folder, result);
    return result;
  }
}

function problem(what: string): string {
  return `Invalid ${SUPPRESSIONS_FILE}: ${what}. Bloomline shows every finding until it is fixed; "bloomline check" refuses it (exit 2).`;
}
