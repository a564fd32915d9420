// Entry point of dist/bloomline.js, what bin/bloomline.js, bin/bloomline-language-server.js
// and the VS Code extension start: runs the command bundle next to it (dist/bloomline.cjs) with
// its code cache (boot.ts).
import { fileURLToPath } from 'node:url';
import { cacheMode, runBundle } from './boot.js';

runBundle(fileURLToPath(new URL('./bloomline.cjs', import.meta.url)), cacheMode(process.env));
