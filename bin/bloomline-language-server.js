#!/usr/bin/env node
// Entry point of `bloomline-language-server`: the language server alone, for editors that want
// a server command (`bloomline-language-server --stdio`). It is `bloomline lsp` from the same
// bundle built by `npm run build`, so both always behave the same.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/bloomline.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write(
    'bloomline-language-server: the bundle is missing; run `npm run build` (or `npm ci`) first\n',
  );
  process.exit(2);
}
process.argv.splice(2, 0, 'lsp');
await import(bundle.href);
