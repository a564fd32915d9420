// The Markdown files (.md, .markdown, .qmd, .Rmd) under some folders, for tests that read every
// file of the corpora: sorted, so a test reads them in the same order on every machine.
import { readdirSync } from 'node:fs';
import path from 'node:path';

export function markdownFilesUnder(...dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(?:md|markdown|qmd|rmd)$/i.test(e.name)) out.push(p);
    }
  };
  for (const dir of dirs) walk(dir);
  return out.sort();
}
