// Checks the extension package that `npm run package` writes, so that what is published serves
// both hosts and stays small enough to install in a browser:
//
//   node scripts/check-package.mjs bloomline.vsix [--max-bytes N]
//
// - under 2 MB (vscode.dev downloads the whole .vsix before the extension can start);
// - package.json has `main` (desktop: dist/extension.cjs, which starts dist/bloomline.js, which
//   runs dist/bloomline.cjs) and
//   `browser` (VS Code for the Web: dist/web/extension.cjs, which starts dist/web/server.js in a
//   web worker), and every one of those files is in the package.
// Prints what it measured; exit status 1 when a check fails. Reads the .vsix (a zip) with
// node:zlib alone.
import { readFileSync, statSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

export const MAX_BYTES = 2 * 1024 * 1024;

/** The entries of a zip file: name -> its bytes (stored or deflated). */
export function readZip(data) {
  // End of central directory: the last 22+ bytes, signature 0x06054b50.
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 65557); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
  const count = data.readUInt16LE(eocd + 10);
  let at = data.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let n = 0; n < count; n++) {
    if (data.readUInt32LE(at) !== 0x02014b50) throw new Error('broken central directory');
    const method = data.readUInt16LE(at + 10);
    const compressed = data.readUInt32LE(at + 20);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const local = data.readUInt32LE(at + 42);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const raw = data.subarray(start, start + compressed);
    entries.set(name, () => (method === 0 ? raw : inflateRawSync(raw)));
  }
  return entries;
}

export function checkPackage(file, maxBytes = MAX_BYTES) {
  const problems = [];
  const size = statSync(file).size;
  if (size > maxBytes) problems.push(`${file} is ${kb(size)}, over the limit of ${kb(maxBytes)}`);
  const entries = readZip(readFileSync(file));
  const manifestEntry = entries.get('extension/package.json');
  if (!manifestEntry) return { size, problems: [...problems, 'no extension/package.json'] };
  const manifest = JSON.parse(manifestEntry().toString('utf8'));
  const has = (p) => entries.has(`extension/${p.replace(/^\.\//, '')}`);
  for (const [key, entry, server] of [
    ['main', manifest.main, 'dist/bloomline.js'],
    ['browser', manifest.browser, 'dist/web/server.js'],
  ]) {
    if (typeof entry !== 'string') problems.push(`package.json has no "${key}"`);
    else if (!has(entry)) problems.push(`"${key}" names ${entry}, which is not in the package`);
    if (!has(server)) problems.push(`the ${key} build's server ${server} is not in the package`);
  }
  // dist/bloomline.js runs the bundle next to it (server/src/cli/start.ts), which requires the
  // chunks next to it when it needs them (scripts/build.mjs): the language server, lsp-libs.cjs.
  for (const file of [
    'dist/bloomline.cjs',
    'dist/lsp-libs.cjs',
    'dist/yaml.cjs',
    'dist/ignore.cjs',
    'dist/entities.cjs',
    'dist/english-nearest.cjs',
  ])
    if (!has(file)) problems.push(`${file} is not in the package`);
  return { size, files: entries.size, problems };
}

function kb(bytes) {
  return `${Math.round(bytes / 1024)} KB`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
  const max = args.includes('--max-bytes')
    ? Number(args[args.indexOf('--max-bytes') + 1])
    : MAX_BYTES;
  if (!file) {
    console.error('usage: node scripts/check-package.mjs FILE.vsix [--max-bytes N]');
    process.exit(2);
  }
  const { size, files, problems } = checkPackage(file, max);
  if (problems.length) {
    for (const p of problems) console.error(`check-package: ${p}`);
    process.exit(1);
  }
  console.log(
    `${file}: ${kb(size)} (limit ${kb(max)}), ${files} files; desktop (main) and web (browser) builds present`,
  );
}
