// "Write an objective..." and "Show Bloom verbs" outside VS Code: the levels and verbs offered,
// the sentence composed, where it goes, and that the engine reads the result as intended.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../server/src/core/index.js';
import {
  LEVELS,
  VERBS,
  composeObjective,
  leadIn,
  planInsertion,
  verbForPosition,
  verbsOfLevel,
} from '../../client/src/objectiveText.js';

describe('Bloom levels and verbs', () => {
  test('six levels in order, each with a meaning and verbs', () => {
    assert.deepEqual(
      LEVELS.map((l) => l.level),
      ['remember', 'understand', 'apply', 'analyze', 'evaluate', 'create'],
    );
    for (const level of LEVELS) {
      assert.ok(level.meaning.length > 10, level.level);
      assert.ok(verbsOfLevel(level.level).length >= 10, level.level);
    }
  });

  test('every verb offered is one the engine accepts at that level', () => {
    const ws = new Workspace();
    for (const v of VERBS) {
      ws.update(
        'v.md',
        // An object that does not change a verb's level ("prepare the report" is create,
        // "record the data" apply).
        `## Objectives\n\n- ${v.verb[0]!.toUpperCase()}${v.verb.slice(1)} the item.\n`,
      );
      const objective = ws.get('v.md')!.objectives[0]!;
      assert.equal(objective.analysis.vague, false, v.verb);
      assert.equal(objective.analysis.level, v.level, v.verb);
    }
  });
});

describe('composing an objective', () => {
  test('"<Verb> <content>, <condition>, <degree>." without empty parts or doubled punctuation', () => {
    assert.equal(
      composeObjective({
        verb: 'configure',
        content: ' the VPN client on a company laptop ',
        condition: 'using the admin console,',
        degree: 'within 10 minutes.',
      }),
      'Configure the VPN client on a company laptop, using the admin console, within 10 minutes.',
    );
    assert.equal(
      composeObjective({
        verb: 'Explain',
        content: 'the password policy',
        degree: 'in at most 100 words',
      }),
      'Explain the password policy, in at most 100 words.',
    );
    assert.equal(
      composeObjective({ verb: 'list', content: 'the four risks' }),
      'List the four risks.',
    );
  });

  test('the engine finds the verb, level and criterion of a composed objective', () => {
    const text = composeObjective({
      verb: 'Configure',
      content: 'the VPN client on a company laptop',
      condition: 'using the admin console',
      degree: 'within 10 minutes',
    });
    const ws = new Workspace();
    ws.update('o.md', `# Course\n\n${leadIn('Participants')}\n\n- ${text}\n`);
    const [objective] = ws.outlineJson('o.md').objectives;
    assert.equal(objective?.verb, 'configure');
    assert.equal(objective?.level, 'apply');
    assert.equal(objective?.criterion, 'within 10 minutes');
    assert.deepEqual(
      ws.lint('o.md').map((f) => f.ruleId),
      ['missing-outcome'],
    );
  });
});

describe('inserting an objective', () => {
  const objective = 'Configure the VPN client, within 10 minutes.';
  const at = (lineText: string, previousLines: string[] = [], hasSelection = false) =>
    planInsertion(objective, { lineText, previousLines, hasSelection }, 'Learners');

  test('a selection is replaced', () => {
    assert.deepEqual(at('- Understand the VPN', [], true), { text: objective, replaceLine: false });
  });

  test('an empty line in a list becomes a list item, indented like the line', () => {
    assert.deepEqual(at('', ['Learners will be able to:', '', '- Explain X.']), {
      text: `- ${objective}`,
      replaceLine: true,
    });
    assert.deepEqual(at('  ', ['- Explain X.']), { text: `  - ${objective}`, replaceLine: true });
    assert.deepEqual(at('', ['By the end, you will be able to:']), {
      text: `- ${objective}`,
      replaceLine: true,
    });
  });

  test('an empty line outside a list gets a lead-in naming the audience', () => {
    assert.deepEqual(at('', ['## Module 1', '']), {
      text: `Learners will be able to:\n\n- ${objective}`,
      replaceLine: true,
    });
    assert.deepEqual(at('', []), {
      text: `Learners will be able to:\n\n- ${objective}`,
      replaceLine: true,
    });
  });

  test('a bare list marker is completed; other text gets the objective at the cursor', () => {
    assert.deepEqual(at('- '), { text: `- ${objective}`, replaceLine: true });
    assert.deepEqual(at('  1.'), { text: `  1. ${objective}`, replaceLine: true });
    assert.deepEqual(at('- [ ] '), { text: `- [ ] ${objective}`, replaceLine: true });
    assert.deepEqual(at('Some text'), { text: objective, replaceLine: false });
  });

  test('a verb is capitalised at the start of an item only', () => {
    assert.equal(verbForPosition('configure', '- '), 'Configure');
    assert.equal(verbForPosition('configure', '  1. [x] '), 'Configure');
    assert.equal(verbForPosition('configure', ''), 'Configure');
    assert.equal(verbForPosition('configure', '- **LO1:** '), 'Configure');
    assert.equal(verbForPosition('configure', '- LO1.2: '), 'Configure');
    assert.equal(verbForPosition('configure', '- **LO1:** Be able to '), 'configure');
  });
});
