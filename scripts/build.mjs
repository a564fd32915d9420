// Bundles the product with esbuild:
// - dist/bloomline.cjs: the `bloomline` command (CLI and language server) as one CommonJS file,
//   so that it can be compiled with V8's code cache (vm.Script cachedData; an ES module cannot
//   be, in Node 20). The tests load the ESM modules (compiled by tsc) this bundle is made from.
// - dist/bloomline.js: the entry point (server/src/cli/start.ts), a small ES module that runs
//   dist/bloomline.cjs with dist/bloomline.cjs.cache, the code cache this script makes by
//   running one `check` of examples/course-outline.md (see server/src/cli/boot.ts).
// - dist/extension.cjs: the VS Code extension, CommonJS as VS Code's extension host loads it,
//   with `vscode` left to the host. It starts dist/bloomline.js as its language server.
// - dist/web/extension.cjs and dist/web/server.js: the same extension and server for VS Code for
//   the Web (the manifest's `browser`): the extension for the browser's extension host
//   (CommonJS, `vscode` left to the host), the server as a web worker script. Neither may reach
//   Node: a `node:` import fails the build (no fallback for a browser), and the server reads
//   the workspace through the client (server/src/lsp/clientFiles.ts).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { chmod, copyFile, mkdir } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { asciiBundle } from './ascii-bundle.mjs';
import { mdastCompilePatch } from './mdast-compile-patch.mjs';

const watch = process.argv.includes('--watch');

// What a check of one small file never runs is kept out of dist/bloomline.cjs, in files of its
// own next to it that the bundle requires when it first needs them (BENCHMARKS.md, "Cold start,
// fifth round"): a cold check reads, holds as a string and evaluates at start every byte of the
// bundle's modules.
// - dist/yaml.cjs, the `yaml` package (260 KB): front matter the simple reader leaves
//   (core/recognise/readers/front-matter-yaml.ts).
// - dist/ignore.cjs, the `ignore` package (30 KB): .gitignore files, read by a folder walk.
// - dist/entities.cjs, decode-named-character-reference with its table of 2,231 HTML entities
//   (55 KB, an object made at start): only for a character reference such as `&eacute;`.
// - dist/lsp-libs.cjs, the language server's protocol libraries (vscode-languageserver and what
//   it uses, vscode-languageserver-textdocument; 400 KB): only `bloomline lsp` loads them, when
//   its modules (behind main.ts's import() of lsp/main.js) are first run.
// - dist/english-nearest.cjs, the "nearest" table and the licence of
//   core/language/data/english-verbs.json (155 KB of its 227): the Bloom verbs nearest to an
//   English verb Bloom's lists do not know, read only for the hint of a finding about such a verb.
//   The bundle keeps the word list (a check looks verbs up in it) and sees the JSON module as the
//   same object, whose `nearest` and `licence` require the chunk when first read
//   (englishVerbsChunk below).
// For the first three the bundle sees a module with the same exports (a build error if a source
// imports another) that loads the chunk at its first call. All are self-contained (no module
// of Bloomline's inside), so nothing is duplicated and no state is split between two copies of
// a module. The web build keeps them inside its bundle.
const LAZY = {
  yaml: { file: 'yaml.cjs', names: ['isMap', 'isScalar', 'isSeq', 'parseDocument'] },
  ignore: { file: 'ignore.cjs', names: ['default'] },
  'decode-named-character-reference': {
    file: 'entities.cjs',
    names: ['decodeNamedCharacterReference'],
  },
};
const LSP_LIBS = {
  'vscode-languageserver': 'languageserver',
  'vscode-languageserver/node.js': 'languageserver',
  'vscode-languageserver-textdocument': 'textdocument',
};
const lazyChunks = {
  name: 'bloomline-lazy-chunks',
  setup(b) {
    b.onResolve(
      { filter: /^(yaml|ignore|decode-named-character-reference|vscode-languageserver.*)$/ },
      (args) => {
        if (args.path in LAZY || args.path in LSP_LIBS)
          return { path: args.path, namespace: 'bloomline-lazy' };
        throw new Error(`build: ${args.path} would be bundled whole into dist/bloomline.cjs`);
      },
    );
    b.onResolve({ filter: /^\.\/[a-z-]+\.cjs$/, namespace: 'bloomline-lazy' }, (args) => ({
      path: args.path,
      external: true,
    }));
    b.onLoad({ filter: /.*/, namespace: 'bloomline-lazy' }, (args) => {
      const lazy = LAZY[args.path];
      if (lazy)
        return {
          loader: 'js',
          contents:
            `let chunk;\nconst load = () => (chunk ??= require('./${lazy.file}'));\n` +
            lazy.names
              .map((f) =>
                f === 'default'
                  ? 'export default function (...a) { return load()(...a); }\n'
                  : `export function ${f}(...a) { return load().${f}(...a); }\n`,
              )
              .join(''),
        };
      return {
        loader: 'js',
        contents: `module.exports = require('./lsp-libs.cjs').${LSP_LIBS[args.path]};\n`,
      };
    });
  },
};
// core/language/data/english-verbs.json as the command bundle sees it: the same object, with the
// two large fields it rarely reads required from dist/english-nearest.cjs when first read.
const ENGLISH_VERBS = /[\\/]core[\\/]language[\\/]data[\\/]english-verbs\.json$/;
const ENGLISH_LATER = ['nearest', 'licence'];
const englishVerbsChunk = {
  name: 'bloomline-english-verbs-chunk',
  setup(b) {
    b.onResolve({ filter: /^\.\/english-nearest\.cjs$/ }, (args) => ({
      path: args.path,
      external: true,
    }));
    b.onLoad({ filter: ENGLISH_VERBS }, (args) => {
      const data = JSON.parse(readFileSync(args.path, 'utf8'));
      for (const k of ENGLISH_LATER)
        if (typeof data[k] !== 'string') throw new Error(`build: english-verbs.json has no ${k}`);
      const now = Object.fromEntries(
        Object.entries(data).filter(([k]) => !ENGLISH_LATER.includes(k)),
      );
      return {
        loader: 'js',
        contents:
          `let later;\nconst load = () => (later ??= require('./english-nearest.cjs'));\n` +
          `export default {\n` +
          Object.entries(now)
            .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},\n`)
            .join('') +
          ENGLISH_LATER.map((k) => `  get ${k}() { return load().${k}; },\n`).join('') +
          `};\n`,
      };
    });
  },
};
const englishNearestChunk = () => {
  const data = JSON.parse(readFileSync('server/src/core/language/data/english-verbs.json', 'utf8'));
  return {
    stdin: {
      contents: `module.exports = ${JSON.stringify(Object.fromEntries(ENGLISH_LATER.map((k) => [k, data[k]])))};\n`,
      loader: 'js',
    },
    outfile: 'dist/english-nearest.cjs',
    format: 'cjs',
    platform: 'node',
    logLevel: 'warning',
  };
};
const chunk = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};
const lazyChunkBuilds = Object.entries(LAZY).map(([name, { file }]) => ({
  ...chunk,
  stdin: { contents: `module.exports = require('${name}');\n`, resolveDir: '.', loader: 'js' },
  outfile: `dist/${file}`,
}));
const lspLibsChunk = {
  ...chunk,
  stdin: {
    contents:
      "exports.languageserver = require('vscode-languageserver/node.js');\n" +
      "exports.textdocument = require('vscode-languageserver-textdocument');\n",
    resolveDir: '.',
    loader: 'js',
  },
  outfile: 'dist/lsp-libs.cjs',
};
const cli = {
  ...chunk,
  entryPoints: { bloomline: 'server/src/cli/main.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  // The sources are ES modules: import.meta.url is this file's URL.
  define: { 'import.meta.url': '__bloomlineModuleUrl' },
  banner: {
    js: "const __bloomlineModuleUrl = require('node:url').pathToFileURL(__filename).href;",
  },
  // mdast-util-from-markdown without an object per parser event (scripts/mdast-compile-patch.mjs).
  plugins: [mdastCompilePatch, lazyChunks, englishVerbsChunk],
};
const start = {
  entryPoints: { bloomline: 'server/src/cli/start.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.js' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
};
const extension = {
  entryPoints: { extension: 'client/src/extension.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // VS Code 1.90's extension host runs Node 20; node18 keeps older forks (code-server) working.
  target: 'node18',
  external: ['vscode'],
  sourcemap: true,
  logLevel: 'warning',
};

// Web bundles: ES2022 as the browsers VS Code for the Web supports; minified, since the .vsix
// carries them beside the Node bundles (it must stay under 2 MB); with source maps kept out of
// the package (.vscodeignore).
const web = {
  bundle: true,
  platform: 'browser',
  // Both run in web workers, which have no DOM: a package's `worker` build, never its DOM one
  // (decode-named-character-reference's touches `document` when it loads).
  conditions: ['worker'],
  target: 'es2022',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
  outdir: 'dist/web',
};
const webExtension = {
  ...web,
  entryPoints: { extension: 'client/src/browser.ts' },
  // .cjs: the package is "type": "module", and VS Code's web extension host loads no ESM.
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  external: ['vscode'],
};
const webServer = {
  ...web,
  entryPoints: { server: 'server/src/lsp/browserMain.ts' },
  format: 'iife',
  plugins: [mdastCompilePatch],
};
const all = [
  cli,
  ...lazyChunkBuilds,
  englishNearestChunk(),
  lspLibsChunk,
  start,
  extension,
  webExtension,
  webServer,
];

// vscode-languageclient kills a server that ignores shutdown with this script, found next to
// its code: next to the bundle once bundled.
async function copyTerminateScript() {
  await mkdir('dist', { recursive: true });
  const target = 'dist/terminateProcess.sh';
  await copyFile('node_modules/vscode-languageclient/lib/node/terminateProcess.sh', target);
  await chmod(target, 0o755);
}

// The code cache of dist/bloomline.cjs: made by running the bundle once (a `check` of the
// example outline, in a child process with BLOOMLINE_CODE_CACHE=write), so it holds the compiled
// code of what a check runs. It is checked against the bundle's bytes and V8's version and flags
// when read, so a cache made by another build or another Node is never used.
const CACHE = 'dist/bloomline.cjs.cache';
// The same run writes dist/bloomline.gates.json, the literal gates of the patterns it met
// (cli/check.ts writePatternGates, core/language/gate.ts), which a check of one small file reads.
const GATES = 'dist/bloomline.gates.json';
function makeCodeCache() {
  rmSync(CACHE, { force: true });
  rmSync(GATES, { force: true });
  const run = spawnSync(
    process.execPath,
    ['dist/bloomline.js', 'check', 'examples/course-outline.md', '--no-color'],
    { env: { ...process.env, BLOOMLINE_CODE_CACHE: 'write' }, encoding: 'utf8' },
  );
  if ((run.status !== 0 && run.status !== 1) || !existsSync(CACHE) || !existsSync(GATES)) {
    throw new Error(
      `build: could not make the code cache (exit ${run.status}): ${run.stderr || run.error}`,
    );
  }
}

// dist/bloomline.cjs made ASCII (scripts/ascii-bundle.mjs), so that cli/boot.ts reads it as
// Latin-1 instead of decoding 2 MB of UTF-8 at every start; its source map moved to match.
function asciiCli() {
  const file = 'dist/bloomline.cjs';
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const code = readFileSync(file, 'utf8');
  const ascii = asciiBundle(code, map, file);
  if (ascii === code) return;
  writeFileSync(file, ascii);
  writeFileSync(`${file}.map`, JSON.stringify(map));
}

// The bundle's last line names the CRC-32 of what comes before it, a build ID the code cache's
// header holds too: cli/boot.ts compares the two instead of computing the CRC-32 of the bundle
// at every start, when the bundle is not newer than its cache.
function stampBuildId() {
  const file = 'dist/bloomline.cjs';
  let code = readFileSync(file, 'latin1');
  if (!code.endsWith('\n')) code += '\n';
  const id = (crc32(Buffer.from(code, 'latin1')) >>> 0).toString(16).padStart(8, '0');
  writeFileSync(file, `${code}//# bloomline-build ${id}\n`, 'latin1');
}

await copyTerminateScript();
if (watch) {
  // A cache would go stale at the first rebuild: the bundle is compiled from source. The gates
  // too are made by the build's run, with the gate reader of that build: nothing is gated.
  rmSync(CACHE, { force: true });
  rmSync(GATES, { force: true });
  const { context } = await import('esbuild');
  for (const options of all) await (await context(options)).watch();
} else {
  await Promise.all(all.map((options) => build(options)));
  asciiCli();
  stampBuildId();
  makeCodeCache();
}
