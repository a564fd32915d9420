// Every fixture in test/fixtures/rules carries its expected findings inline, markdownlint
// style: `<!-- expect: rule-id ... -->` at the end of the line where each finding starts.
// Lines without a marker expect no finding. A line also marked `<!-- todo: why -->` is a known
// engine bug: it is left out of the file's comparison and checked in its own `todo` test, so it
// stays visible without hiding regressions elsewhere in the file.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { RULES } from '../../server/src/core/index.js';
import { actualByLine, fixtureFiles, lintText, markersOf } from './fixture-helpers.js';

const files = fixtureFiles();

test('there are fixtures for every rule', () => {
  const all = files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  for (const rule of RULES.map((r) => r.id)) {
    assert.ok(new RegExp(`expect:[^>]*\\b${rule}\\b`).test(all), `no fixture expects ${rule}`);
  }
});

for (const file of files) {
  const name = path.basename(file);
  describe(name, () => {
    const text = fs.readFileSync(file, 'utf8');
    const { findings } = lintText(text, file);
    const { expected, todo } = markersOf(text);
    const actual = actualByLine(text, findings);
    const lines = text.split(/\r\n|\r|\n/);
    const ids = (l: number) => (actual.get(l) ?? []).map((f) => f.ruleId).sort();

    test('findings match the expect markers', () => {
      const diffs: string[] = [];
      const all = new Set([...expected.keys(), ...actual.keys()]);
      for (const l of [...all].sort((a, b) => a - b)) {
        if (todo.has(l)) continue;
        const want = expected.get(l) ?? [];
        const got = ids(l);
        if (JSON.stringify(want) === JSON.stringify(got)) continue;
        diffs.push(
          `${name}:${l + 1}: ${lines[l]!.replace(/\s*<!--.*$/, '').trim()}\n` +
            `    expected: ${want.join(' ') || '(none)'}\n` +
            `    actual:   ${got.join(' ') || '(none)'}\n` +
            (actual.get(l) ?? []).map((f) => `      ${f.ruleId}: ${f.message}`).join('\n'),
        );
      }
      assert.ok(diffs.length === 0, `\n${diffs.join('\n')}`);
    });

    for (const [l, why] of todo) {
      test(
        `line ${l + 1}: ${lines[l]!.replace(/\s*<!--.*$/, '')
          .trim()
          .slice(0, 60)}`,
        { todo: `engine: ${why}` },
        () => {
          assert.deepEqual(ids(l), expected.get(l) ?? []);
        },
      );
    }

    test('every finding lies inside the text', () => {
      for (const f of findings) {
        assert.ok(
          f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length,
          `${f.ruleId} [${f.span.start}, ${f.span.end})`,
        );
      }
    });
  });
}

test('CRLF and BOM variants of every fixture give the same findings', () => {
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const base = lintText(text, file).findings.map((f) => f.ruleId);
    const baseLines = [...actualByLine(text, lintText(text, file).findings)]
      .map(([l, fs]) => `${l}:${fs.map((f) => f.ruleId).sort()}`)
      .sort();
    for (const [label, variant] of [
      ['CRLF', text.replace(/\n/g, '\r\n')],
      ['BOM', '\uFEFF' + text],
      ['BOM+CRLF', '\uFEFF' + text.replace(/\n/g, '\r\n')],
    ] as const) {
      const { findings } = lintText(variant, file);
      assert.deepEqual(
        findings.map((f) => f.ruleId),
        base,
        `${path.basename(file)} ${label}`,
      );
      const lines = [...actualByLine(variant, findings)]
        .map(([l, fs]) => `${l}:${fs.map((f) => f.ruleId).sort()}`)
        .sort();
      assert.deepEqual(lines, baseLines, `${path.basename(file)} ${label}: lines`);
      for (const f of findings) assert.ok(f.span.end <= variant.length);
    }
  }
});
