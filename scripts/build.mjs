// Bundles the product with esbuild:
// - dist/bloomline.js: the `bloomline` command (CLI and language server) as one ESM file.
//   unified and remark are ESM-only, so the product is ESM too, and the tests load the same ESM
//   modules (compiled by tsc) that this bundle is made from.
// - dist/extension.cjs: the VS Code extension, CommonJS as VS Code's extension host loads it,
//   with `vscode` left to the host. It starts dist/bloomline.js as its language server.
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
  for (const options of [cli, extension]) await (await context(options)).watch();
} else {
  await Promise.all([build(cli), build(extension)]);
}
