// Workspaces of real lessons for the language server's index tests (indexMemory.test.ts,
// workspaceTree.test.ts): the Carpentries corpus copied, and a server that has indexed one.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, LspClient, ROOT } from './client.js';

const CORPUS = path.join(ROOT, 'test', 'corpus', 'carpentries');

export interface Catalogue {
  folder: string;
  /** The outlines (`bloomline outline` finds an objective or an outcome in them): what the index
   * announces and the tree shows. */
  outlines: string[];
  /** Every file `bloomline outline` reads. */
  files: string[];
  /** Their bytes. */
  bytes: number;
}

/** The corpus copied `copies` times into `dir/copies-N`. */
export function catalogue(dir: string, copies: number): Catalogue {
  const folder = path.join(dir, `copies-${copies}`);
  for (let i = 1; i <= copies; i++)
    fs.cpSync(CORPUS, path.join(folder, `copy-${i}`), { recursive: true });
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'bin', 'bloomline.js'), 'outline', '--format', 'json', '.'],
    { cwd: folder, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  assert.equal(r.status, 0, r.stderr);
  const entries = JSON.parse(r.stdout) as {
    filePath: string;
    objectives: unknown[];
    outcomes: unknown[];
  }[];
  const files = entries.map((e) => path.resolve(folder, e.filePath));
  let bytes = 0;
  for (const f of files) bytes += fs.statSync(f).size;
  const outlines = entries
    .filter((e) => e.objectives.length || e.outcomes.length)
    .map((e) => path.resolve(folder, e.filePath));
  assert.ok(outlines.length >= 50 * copies, `${outlines.length} outlines`);
  return { folder, outlines, files, bytes };
}

/** A server (Node arguments `nodeArgs`, a heap probe say) on `folder`, once it has announced
 * every outline in it; pushed on `clients` at once, so that the caller ends it by its PID, pass
 * or fail. `initializing` is called just before `initialized` is sent (indexing starts). */
export async function indexedServer(
  folder: string,
  outlines: string[],
  clients: LspClient[],
  nodeArgs: string[] = [],
  initializing: (client: LspClient) => void = () => {},
): Promise<LspClient> {
  const client = new LspClient(nodeArgs);
  clients.push(client);
  await client.request('initialize', {
    processId: process.pid,
    rootUri: fileUri(folder),
    workspaceFolders: [{ uri: fileUri(folder), name: 'catalogue' }],
    capabilities: {},
  });
  const wanted = new Set(outlines.map((f) => fileUri(f)));
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${wanted.size} outlines not announced; ${client.stderr}`)),
      240_000,
    );
    const check = () => {
      if (wanted.size) return;
      clearTimeout(timer);
      resolve();
    };
    client.connection.onNotification('bloomline/outlineChanged', (p: { uri: string }) => {
      wanted.delete(p.uri);
      check();
    });
    check();
  });
  initializing(client);
  await client.notify('initialized', {});
  await done;
  return client;
}

/** The CPU time (user + system) a process has used, in ms, where /proc tells (Linux); else
 * null. */
export function cpuMsOf(pid: number): number | null {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
