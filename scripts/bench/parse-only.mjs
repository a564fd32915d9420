// The benchmark's baseline: read the file and parse it with remark-parse, nothing else. This is
// the floor any remark-based checker pays; `bloomline check` is measured against it.
//
//   node scripts/bench/parse-only.mjs <file.md>
import { readFileSync } from 'node:fs';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node scripts/bench/parse-only.mjs <file.md>\n');
  process.exit(2);
}
const text = readFileSync(file, 'utf8');
const tree = unified().use(remarkParse).parse(text);
// Use the tree so the work cannot be skipped, and so a broken parse is visible.
if (tree.type !== 'root' || tree.children.length === 0) {
  process.stderr.write('parse-only: empty tree\n');
  process.exit(2);
}
