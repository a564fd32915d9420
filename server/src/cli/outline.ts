// `bloomline outline`: the objective/outcome model of each outline, as JSON (the
// INTERFACES.md entries) or as a tree to read.
import type { LinkJson, OutlineJson } from '../core/index.js';
import { formatTree } from './format/tree.js';
import type { Io } from './check.js';
import { oneLine } from './log.js';
import { hasOutline, loadProject } from './project.js';

export const OUTLINE_FORMATS = ['json', 'tree'] as const;
export type OutlineFormat = (typeof OUTLINE_FORMATS)[number];

export function runOutline(
  args: readonly string[],
  format: OutlineFormat,
  configPath: string | undefined,
  io: Io,
): number {
  const project = loadProject(args, io.cwd, io.log, configPath);
  // Every file named has its entry, also when nothing was recognised in it (a title and empty
  // lists; in the tree, a line saying so): silence would read as "the tool does not work".
  if (format === 'json') {
    const entries = project.files.map((f) =>
      withPaths(f.ws.outlineJson(f.target.abs), f.target.display, project.display),
    );
    io.stdout(JSON.stringify(entries) + '\n');
  } else {
    io.stdout(
      project.files
        .map((f) =>
          hasOutline(f)
            ? formatTree(
                f.ws.get(f.target.abs)!,
                f.target.display,
                project.display,
                f.ws.kindOf(f.target.abs),
              )
            : `${oneLine(f.target.display)}\n   (no objectives or outcomes recognised)\n`,
        )
        .join('\n'),
    );
  }
  return io.log.failed ? 2 : 0;
}

/** The workspace knows files by absolute path; the output shows them as the user named them. */
function withPaths(
  json: OutlineJson,
  filePath: string,
  display: (p: string) => string,
): OutlineJson {
  const link = (l: LinkJson): LinkJson =>
    l.filePath ? { ...l, filePath: display(l.filePath) } : l;
  return {
    ...json,
    filePath,
    objectives: json.objectives.map((o) => ({ ...o, outcomes: o.outcomes.map(link) })),
    outcomes: json.outcomes.map((o) => ({ ...o, objectives: o.objectives.map(link) })),
  };
}
