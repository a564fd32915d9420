#!/usr/bin/env node
// Entry point of the `bloomline` command: loads the bundled CLI built by `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/bloomline.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write(
    'bloomline: the bundle is missing; run `npm run build` (or `npm ci`) first\n',
  );
  process.exit(2);
}
await import(bundle.href);
