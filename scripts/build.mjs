// Bundles the product with esbuild:
// - dist/bloomline.js: the `bloomline` command (CLI and language server) as one ESM file.
//   unified and remark are ESM-only, so the product is ESM too, and the tests load the same ESM
//   modules (compiled by tsc) that this bundle is made from.
// - dist/extension.cjs: the VS Code extension, CommonJS as VS Code's extension host loads it,
//   with `vscode` left to the host. It starts dist/bloomline.js as its language server.
// - dist/web/extension.cjs and dist/web/server.js: the same extension and server for VS Code for
//   the Web (the manifest's `browser`): the extension for the browser's extension host
//   (CommonJS, `vscode` left to the host), the server as a web worker script. Neither may reach
//   Node: a `node:` import fails the build (no fallback for a browser), and the server reads
//   the workspace through the client (server/src/lsp/clientFiles.ts).
import { build } from 'esbuild';
import { chmod, copyFile, mkdir } from 'node:fs/promises';

const watch = process.argv.includes('--watch');
const cli = {
  entryPoints: { bloomline: 'server/src/cli/main.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.js' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Some bundled CommonJS dependencies call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __bloomlineCreateRequire } from 'node:module'; const require = __bloomlineCreateRequire(import.meta.url);",
  },
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
};
const all = [cli, extension, webExtension, webServer];

// vscode-languageclient kills a server that ignores shutdown with this script, found next to
// its code: next to the bundle once bundled.
async function copyTerminateScript() {
  await mkdir('dist', { recursive: true });
  const target = 'dist/terminateProcess.sh';
  await copyFile('node_modules/vscode-languageclient/lib/node/terminateProcess.sh', target);
  await chmod(target, 0o755);
}

await copyTerminateScript();
if (watch) {
  const { context } = await import('esbuild');
  for (const options of all) await (await context(options)).watch();
} else {
  await Promise.all(all.map((options) => build(options)));
}
