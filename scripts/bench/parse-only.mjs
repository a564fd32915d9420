// The benchmark's baseline: read the file and parse it with remark-parse, nothing else. This is
// the floor any remark-based checker pays; `bloomline check` is measured against it. Given a
// folder, every .md file under it, one after the other (the catalogue benchmark).
//
//   node scripts/bench/parse-only.mjs <file.md | folder>
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node scripts/bench/parse-only.mjs <file.md>\n');
  process.exit(2);
}
const files = [];
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  )) {
    if (e.isDirectory()) {
      if (e.name !== '.git' && e.name !== 'node_modules') walk(path.join(dir, e.name));
    } else if (e.name.endsWith('.md')) files.push(path.join(dir, e.name));
  }
};
if (statSync(file).isDirectory()) walk(file);
else files.push(file);
const processor = unified().use(remarkParse);
let nodes = 0;
for (const f of files) {
  const tree = processor.parse(readFileSync(f, 'utf8'));
  nodes += tree.children.length;
  // Use the tree so the work cannot be skipped, and so a broken parse is visible.
  if (tree.type !== 'root') {
    process.stderr.write(`parse-only: no tree for ${f}\n`);
    process.exit(2);
  }
}
if (nodes === 0) {
  process.stderr.write('parse-only: empty tree\n');
  process.exit(2);
}
process.stdout.write(`${files.length} files\n`);
