// The install story of the README, as a newcomer follows it: `npm pack` makes a tarball, `npm
// install -g` puts it into a prefix of its own (here a temporary one, so nothing global
// changes), and the `bloomline` it installs checks a course folder outside the checkout. It
// needs only the npm registry (or npm's cache) for the tarball's dependencies.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT } from './helpers.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function sh(cmd: string, args: string[], cwd: string): { status: number; out: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 180_000 });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

test(
  'npm pack, npm install -g ./bloomline-*.tgz, then check a folder outside the checkout',
  { timeout: 240_000 },
  (t) => {
    const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-install-')));
    t.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
    const version = (
      JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
    ).version;

    // The bundle is built by `npm test` before the tests run; --ignore-scripts keeps `npm pack`
    // from rebuilding it under the other tests' feet.
    const pack = sh(NPM, ['pack', '--ignore-scripts', '--pack-destination', tmp, '--silent'], ROOT);
    assert.equal(pack.status, 0, pack.out);
    const tarball = path.join(tmp, `bloomline-${version}.tgz`);
    assert.ok(fs.existsSync(tarball), pack.out);
    const listed = sh('tar', ['tzf', tarball], tmp);
    const files = listed.out.split('\n');
    for (const f of [
      'package/bin/bloomline.js',
      'package/dist/bloomline.js',
      'package/dist/bloomline.cjs',
      'package/dist/lsp-libs.cjs',
      'package/dist/yaml.cjs',
      'package/dist/ignore.cjs',
      'package/dist/entities.cjs',
      'package/dist/english-nearest.cjs',
      'package/dist/bloomline.gates.json',
      'package/README.md',
    ])
      assert.ok(files.includes(f), `${f} in the tarball`);
    assert.ok(
      !files.some((f) => f.startsWith('package/test/') || f.startsWith('package/node_modules/')),
    );
    assert.ok(fs.statSync(tarball).size < 2_000_000, 'a small tarball');

    const prefix = path.join(tmp, 'prefix');
    const install = sh(
      NPM,
      ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball],
      tmp,
    );
    assert.equal(install.status, 0, install.out);
    const bin = path.join(prefix, process.platform === 'win32' ? 'bloomline.cmd' : 'bin/bloomline');

    const course = path.join(tmp, 'my-course');
    fs.mkdirSync(course);
    fs.writeFileSync(
      path.join(course, 'syllabus.md'),
      '# Data analysis\n\n## Learning objectives\n\n- Understand how to clean a data set.\n',
    );
    assert.equal(sh(bin, ['--version'], course).out.trim(), version);
    const check = sh(bin, ['check', '--format', 'json'], course);
    assert.equal(check.status, 0, check.out);
    const [file] = JSON.parse(check.out) as { filePath: string; messages: { ruleId: string }[] }[];
    assert.equal(file!.filePath, 'syllabus.md');
    assert.ok(file!.messages.some((m) => m.ruleId === 'vague-verb'));
    const server = path.join(
      prefix,
      process.platform === 'win32'
        ? 'bloomline-language-server.cmd'
        : 'bin/bloomline-language-server',
    );
    assert.ok(fs.existsSync(server), 'the language server command is installed too');
  },
);

test('no document promises a registry package that does not exist', () => {
  const docs = ['README.md', 'CHANGELOG.md', 'examples/README.md'];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else if (e.name.endsWith('.md')) docs.push(path.join(dir, e.name));
    }
  };
  walk('docs');
  assert.ok(docs.length > 10);
  // Installing "bloomline" by name (not a ./tarball or a path) would fetch from the registry.
  for (const doc of docs) {
    for (const line of fs.readFileSync(path.join(ROOT, doc), 'utf8').split('\n')) {
      for (const m of line.matchAll(/\bnpm\s+(?:install|i|add)\b([^`#\n]*)/g)) {
        const tokens = m[1]!
          .trim()
          .split(/\s+/)
          .map((x) => x.replace(/^["'(]+|["'),.;:]+$/g, ''));
        const named = tokens.find((x) => /^bloomline(?:@\S*)?$/.test(x));
        assert.equal(named, undefined, `${doc}: "${line.trim()}" installs an unpublished package`);
      }
    }
  }
});
