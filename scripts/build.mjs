// Bundles the product with esbuild: the `bloomline` command (CLI and, later, the language
// server) as one ESM file. unified and remark are ESM-only, so the product is ESM too, and the
// tests load the same ESM modules (compiled by tsc) that this bundle is made from.
import { build } from 'esbuild';

const watch = process.argv.includes('--watch');
const options = {
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

if (watch) {
  const { context } = await import('esbuild');
  const ctx = await context(options);
  await ctx.watch();
} else {
  await build(options);
}
