// The extension manifest (package.json `contributes`) and the files it points at hang
// together: commands, menus, settings, schema, snippets, grammar and icons. VS Code reports
// most of these mistakes only at run time, silently, or not at all.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULE_IDS } from '../../server/src/core/index.js';
import { VERBS } from '../../client/src/objectiveText.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

interface Command {
  command: string;
  title: string;
  category?: string;
  icon?: string;
}
interface MenuItem {
  command: string;
  when?: string;
  group?: string;
}
interface Setting {
  type: string;
  markdownDescription?: string;
  enum?: string[];
  default?: unknown;
  properties?: Record<string, Setting>;
}
interface Grammar {
  injectTo: string[];
  scopeName: string;
  path: string;
}
interface Manifest {
  name: string;
  publisher: string;
  main: string;
  browser: string;
  icon: string;
  type: string;
  bin: Record<string, string>;
  engines: { vscode: string };
  activationEvents: string[];
  repository: { url: string };
  categories: string[];
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
  capabilities: { untrustedWorkspaces: { supported: boolean }; virtualWorkspaces: boolean };
  contributes: {
    commands: Command[];
    menus: Record<string, MenuItem[]>;
    viewsContainers: { activitybar: { id: string; title: string; icon: string }[] };
    views: Record<string, { id: string; name: string }[]>;
    viewsWelcome: { view: string; contents: string; when?: string }[];
    configuration: { title: string; properties: Record<string, Setting> };
    jsonValidation: { fileMatch: string; url: string }[];
    snippets: { language: string; path: string }[];
    grammars: Grammar[];
  };
}

const manifest = JSON.parse(read('package.json')) as Manifest;
const c = manifest.contributes;
const commandIds = new Set(c.commands.map((x) => x.command));

describe('manifest', () => {
  test('the fixed names of INTERFACES.md', () => {
    assert.equal(`${manifest.publisher}.${manifest.name}`, 'bloomline.bloomline');
    assert.ok(c.viewsContainers.activitybar.some((v) => v.id === 'bloomline'));
    assert.deepEqual(
      c.views['bloomline']?.map((v) => v.id),
      ['bloomline.outline'],
    );
    for (const setting of [
      'bloomline.rules',
      'bloomline.linking',
      'bloomline.files',
      'bloomline.trace.server',
    ]) {
      assert.ok(c.configuration.properties[setting], setting);
    }
  });

  test('the npm side is kept: ESM package with the bloomline command', () => {
    assert.equal(manifest.type, 'module');
    assert.equal(manifest.bin['bloomline'], 'bin/bloomline.js');
    // An ESM package: the CommonJS extension bundle needs the .cjs extension.
    assert.equal(manifest.main, './dist/extension.cjs');
    // VS Code for the Web: the web build (its server runs in a web worker), CommonJS too: the
    // web extension host loads no ESM, and would take a .js of this package for ESM.
    assert.equal(manifest.browser, './dist/web/extension.cjs');
    // Markdown, Quarto and R Markdown editors, Jupyter notebooks, and a workspace with a
    // config file or Quarto / R Markdown files (which open as plain text without their
    // extensions, so no language event would come).
    assert.deepEqual(manifest.activationEvents, [
      'onLanguage:markdown',
      'onLanguage:quarto',
      'onLanguage:rmd',
      'onNotebook:jupyter-notebook',
      'workspaceContains:**/.bloomline.json',
      'workspaceContains:**/*.{qmd,Rmd,rmd}',
    ]);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    // The server reads a virtual workspace (github.dev, GitHub Repositories) through VS Code's
    // file system: in the web build always, on the desktop with --files-from-client.
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
  });

  test('@types/vscode does not promise more API than engines.vscode', () => {
    const engine = /^\^(\d+)\.(\d+)\./.exec(manifest.engines.vscode);
    const types = /^~?\^?(\d+)\.(\d+)\./.exec(manifest.devDependencies['@types/vscode'] ?? '');
    assert.ok(engine && types);
    assert.deepEqual(types.slice(1), engine.slice(1));
  });

  test('every command has a title and the category "Bloomline"', () => {
    assert.equal(commandIds.size, c.commands.length, 'no command twice');
    for (const command of c.commands) {
      assert.match(command.command, /^bloomline\.[a-zA-Z]+$/);
      assert.ok(command.title.trim(), command.command);
      assert.equal(command.category, 'Bloomline', command.command);
      if (command.icon) assert.match(command.icon, /^\$\([a-z-]+\)$/, command.command);
    }
  });

  test('the extension registers exactly the contributed commands', () => {
    // The code both builds share (extension.ts on the desktop, browser.ts on the web).
    const source = read('client/src/activate.ts');
    const registered = new Set(
      [...source.matchAll(/command\('(bloomline\.[a-zA-Z]+)'/g)].map((m) => m[1]),
    );
    assert.deepEqual([...registered].sort(), [...commandIds].sort());
  });

  test('every command in a menu exists; view/title buttons have icons', () => {
    for (const [menu, items] of Object.entries(c.menus)) {
      for (const item of items) {
        assert.ok(commandIds.has(item.command), `${menu}: ${item.command}`);
        if (menu === 'view/title' && item.group?.startsWith('navigation')) {
          assert.ok(c.commands.find((x) => x.command === item.command)?.icon, item.command);
        }
      }
    }
    const hidden = c.menus['commandPalette']?.find((i) => i.command === 'bloomline.revealItem');
    assert.equal(hidden?.when, 'false', 'Reveal item is internal');
  });

  test('the view toggles show one button per state', () => {
    const title = c.menus['view/title'] ?? [];
    const when = (id: string) => title.find((i) => i.command === id)?.when ?? '';
    assert.match(when('bloomline.showWorkspaceOutline'), /bloomline\.outlineMode != workspace/);
    assert.match(when('bloomline.showCurrentFileOutline'), /bloomline\.outlineMode == workspace/);
    assert.match(when('bloomline.showProblemsOnly'), /!bloomline\.problemsOnly/);
    assert.match(when('bloomline.showAllItems'), /(^|[^!])bloomline\.problemsOnly/);
    for (const item of title) assert.match(item.when ?? '', /view == bloomline\.outline/);
  });

  test('the welcome view offers to write an objective', () => {
    const welcome = c.viewsWelcome.find((w) => w.view === 'bloomline.outline');
    assert.ok(welcome);
    assert.match(
      welcome.contents,
      /Open a course outline \(Markdown, Quarto, R Markdown or a notebook\) to see its objectives and outcomes\./,
    );
    assert.match(welcome.contents, /\[Write an objective\]\(command:bloomline\.writeObjective\)/);
    for (const w of c.viewsWelcome) {
      for (const m of w.contents.matchAll(/\(command:([a-zA-Z.]+)\)/g)) {
        assert.ok(commandIds.has(m[1]!), m[1]);
      }
    }
  });

  test('every setting has a markdownDescription; bloomline.rules has exactly the rule IDs', () => {
    for (const [key, setting] of Object.entries(c.configuration.properties)) {
      assert.match(key, /^bloomline\./);
      assert.ok(setting.markdownDescription?.trim(), key);
    }
    const rules = c.configuration.properties['bloomline.rules']!;
    assert.equal(rules.type, 'object');
    assert.deepEqual(Object.keys(rules.properties ?? {}).sort(), [...RULE_IDS].sort());
    for (const [id, rule] of Object.entries(rules.properties ?? {})) {
      assert.deepEqual(rule.enum, ['off', 'hint', 'information', 'warning', 'error'], id);
      assert.ok(rule.markdownDescription?.trim(), id);
      assert.match(rule.markdownDescription!, new RegExp(`docs/rules/${id}\\.md`), id);
      assert.ok(fs.existsSync(path.join(ROOT, 'docs/rules', `${id}.md`)), id);
    }
    assert.deepEqual(c.configuration.properties['bloomline.linking']?.enum, [
      'sections',
      'explicit',
    ]);
    assert.equal(c.configuration.properties['bloomline.files']?.type, 'array');
    assert.deepEqual(c.configuration.properties['bloomline.trace.server']?.enum, [
      'off',
      'messages',
      'verbose',
    ]);
  });

  test('the settings agree with the .bloomline.json schema', () => {
    const schema = JSON.parse(read('schemas/bloomline.schema.json')) as {
      properties: Record<string, Setting>;
    };
    const rules = c.configuration.properties['bloomline.rules']!.properties!;
    for (const [id, rule] of Object.entries(schema.properties['rules']!.properties!)) {
      assert.deepEqual(rules[id]?.enum, rule.enum, id);
    }
    for (const key of ['preset', 'linking'] as const) {
      const setting = c.configuration.properties[`bloomline.${key}`];
      if (setting) assert.deepEqual(setting.enum, schema.properties[key]!.enum, key);
    }
    const verbs = c.configuration.properties['bloomline.verbs'];
    if (verbs) {
      assert.deepEqual(
        Object.keys(verbs.properties ?? {}),
        Object.keys(schema.properties['verbs']!.properties!),
      );
    }
    // Every setting the server passes to the core is a key of .bloomline.json.
    for (const key of Object.keys(c.configuration.properties)) {
      const name = key.slice('bloomline.'.length);
      if (name !== 'trace.server') assert.ok(schema.properties[name], key);
    }
  });

  test('jsonValidation points at the schema, which is valid JSON', () => {
    const validation = c.jsonValidation.find((v) => v.fileMatch === '.bloomline.json');
    assert.ok(validation);
    assert.ok(validation.url.startsWith('./'));
    const schema = JSON.parse(read(validation.url)) as { $schema: string };
    assert.match(schema.$schema, /json-schema\.org/);
  });

  test('icons exist: the activity bar SVG and a 128x128 PNG', () => {
    for (const container of c.viewsContainers.activitybar) {
      const svg = read(container.icon);
      assert.match(svg, /^<svg [^>]*viewBox="0 0 24 24"/);
      assert.match(svg, /currentColor/);
    }
    const png = fs.readFileSync(path.join(ROOT, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.equal(png.readUInt32BE(16), 128, 'width');
    assert.equal(png.readUInt32BE(20), 128, 'height');
  });

  test('packaging: vsce without dependencies, GitHub repository for README links', () => {
    assert.match(manifest.scripts['package'] ?? '', /vsce package --no-dependencies/);
    assert.match(manifest.repository.url, /^https:\/\/github\.com\//);
    assert.deepEqual(manifest.categories, ['Linters', 'Programming Languages', 'Education']);
    const ignore = read('.vscodeignore');
    assert.match(ignore, /^\*\*$/m, 'everything is left out unless listed');
  });
});

describe('snippets', () => {
  const snippets = c.snippets.map((s) => ({
    ...s,
    body: JSON.parse(read(s.path)) as Record<
      string,
      { prefix: string; body: string[]; description: string }
    >,
  }));

  test('markdown snippets: objective, outcome and module, each with a description', () => {
    assert.deepEqual(
      snippets.map((s) => s.language),
      ['markdown'],
    );
    const all = snippets[0]!.body;
    assert.deepEqual(
      Object.entries(all).map(([name, s]) => [name, s.prefix]),
      [
        ['ABCD objective', 'objective'],
        ['SMART outcome', 'outcome'],
        ['Module skeleton', 'module'],
      ],
    );
    for (const s of Object.values(all)) assert.ok(s.description && s.body.length, s.prefix);
  });

  test('every verb offered as a choice is a Bloom verb the engine knows', () => {
    const known = new Set(VERBS.map((v) => v.verb));
    for (const [name, s] of Object.entries(snippets[0]!.body)) {
      if (name === 'SMART outcome') continue;
      const choices = [...s.body.join('\n').matchAll(/\$\{\d+\|([^|]+)\|\}/g)];
      assert.ok(choices.length, name);
      for (const choice of choices) {
        const words = choice[1]!.split(',');
        if (!/^[A-Z]/.test(words[0]!) || words[0] === 'You') continue;
        for (const verb of words) assert.ok(known.has(verb.toLowerCase()), `${name}: ${verb}`);
      }
    }
  });

  test('tab stops are numbered from 1 without gaps, and end with $0', () => {
    for (const [name, s] of Object.entries(snippets[0]!.body)) {
      const text = s.body.join('\n');
      const stops = new Set([...text.matchAll(/\$\{?(\d+)/g)].map((m) => Number(m[1])));
      const max = Math.max(...stops);
      for (let i = 0; i <= max; i++) assert.ok(stops.has(i), `${name}: $${i}`);
    }
  });
});

describe('grammar', () => {
  const [grammar] = c.grammars;
  const json = JSON.parse(read(grammar!.path)) as {
    scopeName: string;
    injectionSelector: string;
    patterns: { include: string }[];
    repository: Record<string, Record<string, unknown>>;
  };

  test('an injection into Markdown, outside code', () => {
    assert.deepEqual(grammar!.injectTo, ['text.html.markdown']);
    assert.equal(json.scopeName, grammar!.scopeName);
    assert.match(json.injectionSelector, /^L:text\.html\.markdown\b/);
    assert.match(json.injectionSelector, /-markup\.fenced_code/);
    for (const p of json.patterns) assert.ok(json.repository[p.include.slice(1)], p.include);
  });

  /** Every regular expression of the grammar, by rule name. */
  function regexes(): [string, string][] {
    const found: [string, string][] = [];
    const visit = (value: unknown, where: string) => {
      if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${where}[${i}]`));
      else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          if (['match', 'begin', 'end', 'while'].includes(k) && typeof v === 'string') {
            found.push([`${where}.${k}`, v]);
          } else visit(v, `${where}.${k}`);
        }
      }
    };
    visit(json.repository, 'repository');
    return found;
  }

  test('every pattern compiles as a JavaScript regular expression', () => {
    const all = regexes();
    assert.ok(all.length >= 9);
    for (const [where, source] of all) {
      assert.doesNotThrow(() => new RegExp(source), where);
      // Oniguruma-only syntax would compile differently or not at all in JavaScript.
      assert.doesNotMatch(source, /\\[GAzZh]|\(\?[imx]|\\p\{/, where);
    }
  });

  const match = (rule: string, text: string) => {
    const r = json.repository[rule]!;
    const m = new RegExp((r['match'] ?? r['begin']) as string).exec(text);
    return m ? m[0] : null;
  };
  const cases: [string, string, string | null][] = [
    ['item-id-bold', '- **LO1:** Configure the VPN client', '**LO1:**'],
    ['item-id-bold', '1. [ ] **LO1.2**: Configure', '**LO1.2**:'],
    ['item-id-bold', 'Text with **LO1** in bold', null],
    ['item-id-code', '- `LO1` Configure', '`LO1`'],
    ['item-id-bracket', '- [LO1] Configure', '[LO1]'],
    ['item-id-bracket', '- [x] Configure', null],
    ['item-id-plain', '- LO1: Configure', 'LO1:'],
    ['item-id-plain', 'Revenue by Q2: up', null],
    ['item-label', '- Objective: Demonstrate the lift', 'Objective:'],
    ['item-label', '- **Learning objective:** Demonstrate', '**Learning objective:**'],
    ['item-label', '- KPI: Tickets fall', 'KPI:'],
    ['item-label', 'An objective: not a label', null],
    ['anchor-id', '- Configure the VPN client {#lo1}', '{#lo1}'],
    ['reference-list', 'fall by 30% (LO1, LO2).', '('],
    ['reference-list', 'by the end of (Q2).', null],
    ['reference-list', '(see the guide)', null],
    ['reference-bracket', 'within 30 minutes by Q3 [LO2.3].', '[LO2.3]'],
    ['reference-bracket', 'a [LO1](https://example.com) link', null],
    ['reference-keyword', 'by 30% by 2027, supports LO1.3.', 'supports LO1.3'],
    ['reference-keyword', 'a year by FY2027 -> LO3.2', '-> LO3.2'],
    ['reference-keyword', 'measures: LO1', 'measures: LO1'],
  ];
  for (const [rule, text, expected] of cases) {
    test(`${rule}: ${JSON.stringify(text)}`, () => assert.equal(match(rule, text), expected));
  }
});
