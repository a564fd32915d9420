// Writes a benchmark's results into a Markdown file between its two markers, keeping the rest
// of the file; where the markers are missing (or the file), the section is added at the end.
import { readFileSync, writeFileSync } from 'node:fs';

export function writeSection(file, start, end, section) {
  let md = '';
  try {
    md = readFileSync(file, 'utf8');
  } catch {
    md = '# Benchmarks\n';
  }
  const a = md.indexOf(start);
  const b = md.indexOf(end);
  md =
    a >= 0 && b > a
      ? md.slice(0, a) + section + md.slice(b + end.length)
      : `${md.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, md);
}
