// A repository of several courses with nested .bloomline.json files (docs/configuration.md,
// "Nested files"): `bloomline check` (test/cli/config.test.ts) and the language server
// (test/lsp/configFiles.test.ts) must apply the same settings to it, file for file.

const OBJECTIVES = [
  '## Performance objectives',
  '',
  '- Understand how to configure the VPN client',
  '- Grok the log format of the CRM',
  '- Get the hang of the ticket queue',
  '',
].join('\n');

/** File paths (relative) and their texts. */
export const CASCADE_TREE: Record<string, string> = {
  '.bloomline.json': JSON.stringify({
    preset: 'strict',
    kind: 'workplace',
    rules: { 'missing-criterion': 'off', 'compound-objective': 'error' },
    ignores: ['**/drafts/**'],
    vaguePhrases: ['grok'],
  }),
  'courses/a/.bloomline.json': JSON.stringify({
    preset: 'carpentries',
    rules: { 'vague-verb': 'error' },
    ignores: ['old.md'],
    vaguePhrases: ['get the hang of'],
  }),
  'courses/a/week1.md': OBJECTIVES,
  'courses/a/old.md': OBJECTIVES,
  'courses/a/drafts/next.md': OBJECTIVES,
  'courses/b/.bloomline.json': JSON.stringify({ root: true, rules: { 'vague-verb': 'off' } }),
  'courses/b/week1.md': OBJECTIVES,
  'courses/b/drafts/next.md': OBJECTIVES,
};
